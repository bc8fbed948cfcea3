"""What a visitor types, understood against the catalogue's small tables before any offer is read.

An offer's search columns hold only its own texts (`stored_text`). The names of categories,
target groups, providers and towns, and the synonyms KI staff keep, are matched here, in
Python, against a vocabulary built once per catalogue version (`vocabulary()`); a query becomes
a list of `Token`s, each "this text in the offer's own words, or one of these categories,
target groups or providers". Renaming a category therefore rewrites no offer, and the names
match in every language, so a Turkish query finds offers that exist only in German.

Typos in those names (one or two wrong, missing, extra or swapped letters in a word of six
letters or more) are corrected here, on every database; PostgreSQL adds trigram similarity
for typos in the offers' own texts, and its full-text stemming for other forms of a word
("Beratungen" finds "Beratung", "курсы" finds "курс"; OfferQuerySet.search).
"""

import functools
import itertools
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import connections, router

from portal.catalogue import kept_in_process
from portal.text import fold

# Typos are forgiven in words this long (shorter words have too many neighbours).
MIN_TYPO_LENGTH = 6
MAX_TYPOS = 2
# A word this short matches only at the start of a word ("mbe" is not in "Dezember").
SHORT_WORD = 3
# The longest name matched as one phrase ("Migrationsberatung für Erwachsene").
MAX_PHRASE = 5
# German spells umlauts out (Luenen) or drops their dots (Lunen): both meet "Lünen" (folded: lunen).
SPELLED_OUT = (("ae", "a"), ("oe", "o"), ("ue", "u"))


class PostgreSQLIndex(GinIndex):
    """A GIN index created on PostgreSQL only; SQLite scans, which is fine at a district's size.

    Declared in the model's Meta, so makemigrations adds one for each new language.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().create_sql(model, schema_editor, using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().remove_sql(model, schema_editor, **kwargs)


class TrigramIndex(PostgreSQLIndex):
    """A pg_trgm index on a search column: the LIKEs and the trigram similarity use it."""

    def __init__(self, column, name):
        super().__init__(fields=[column], opclasses=["gin_trgm_ops"], name=name)

    def deconstruct(self):
        path, _args, _kwargs = super().deconstruct()
        return path, [self.fields[0]], {"name": self.name}


def stemmed(column, configuration):
    """A search column's words as PostgreSQL's stemmer of that language reduces them (a tsvector)."""
    return SearchVector(column, config=configuration)


def stemmer(code):
    """The PostgreSQL text search configuration of a language (settings.SEARCH_STEMMERS), or None."""
    return settings.SEARCH_STEMMERS.get(code)


class StemIndex(PostgreSQLIndex):
    """A full-text index of a search column, in its language's stemmer (`stemmed`)."""

    def __init__(self, column, configuration, name):
        self.column, self.configuration = column, configuration
        super().__init__(stemmed(column, configuration), name=name)

    def deconstruct(self):
        path, _args, _kwargs = super().deconstruct()
        return path, [self.column, self.configuration], {"name": self.name}


def is_word_character(character):
    return unicodedata.category(character)[0] in "LNM"


def words(text):
    """Folded words, punctuation at their ends dropped ("(MBE)," -> "mbe"); pure punctuation stays as it is.

    Folded per whitespace-free part, each part once per process: an offer's texts repeat the same few
    thousand words, and folding them character by character was a fifth of a bulk load's time. The
    same as folding the whole text: folding joins nothing across whitespace, and what it turns into
    whitespace (a ligature of several words) is split again.
    """
    return [word for part in str(text).split() for word in part_words(part)]


@functools.lru_cache(maxsize=16384)
def part_words(part):
    found = []
    for raw in fold(part).replace("\x00", "").split():
        start, end = 0, len(raw)
        while start < end and not is_word_character(raw[start]):
            start += 1
        while end > start and not is_word_character(raw[end - 1]):
            end -= 1
        found.append(raw[start:end] or raw)
    return tuple(found)


def folded_word(part):
    """One whitespace-free part of a name or query as its folded words."""
    return " ".join(part_words(part))


def stored_text(parts):
    """An offer's search column: its own title first, then ` | `, then its other texts, as folded words.

    Spaces at both ends and between words, so " word" finds a word's start and "| " ends the title.
    """
    title, *rest = parts
    return f" {' '.join(words(title))} | {' '.join(words(' '.join(rest)))} "


@functools.lru_cache(maxsize=4096)
def contracted(word):
    for spelled, folded in SPELLED_OUT:
        word = word.replace(spelled, folded)
    return word


def spellings(word):
    """The word as typed and with spelled-out umlauts contracted: luenen -> {luenen, lunen}."""
    return {word, contracted(word)}


def typos_apart(typed, known, limit=MAX_TYPOS):
    """Whether `typed` is at most `limit` edits from `known` (wrong, missing, extra or swapped letters)."""
    if abs(len(typed) - len(known)) > limit:
        return False
    previous2, previous = None, list(range(len(known) + 1))
    for i, a in enumerate(typed, 1):
        current = [i] + [0] * len(known)
        for j, b in enumerate(known, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == known[j - 2] and typed[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit


@dataclass
class Vocabulary:
    """The catalogue's names, folded: built once per catalogue version and shared through the cache."""

    # phrase (tuple of words) -> [(kind, id)], kinds: category, target_group, provider, town, synonym
    phrases: dict = field(default_factory=dict)
    # (kind, id, folded name) for the substring match of categories, target groups and providers
    names: list = field(default_factory=list)
    # synonym id -> (words to look for instead, category id, target group id)
    synonyms: dict = field(default_factory=dict)
    # words of towns, categories, target groups and synonyms that a typo may be corrected to, by length
    correctable: dict = field(default_factory=dict)
    # every word of every name: typed exactly, it is never corrected
    known: set = field(default_factory=set)
    # folded word -> as the catalogue writes it, for "did you mean"
    written: dict = field(default_factory=dict)

    def add(self, kind, pk, name, correctable=True):
        """Add a name; its words as folded, for searching, and as written, for suggestions."""
        phrase = []
        for part in name.split():
            word = folded_word(part)
            if len(word) >= MIN_TYPO_LENGTH - 2 and word.isalpha():
                self.written.setdefault(word, part.strip(",.;:()[]„“\"'«»"))
            if word:
                phrase.append(word)
        phrase = tuple(phrase)
        if not phrase:
            return phrase
        for spelling in {phrase, tuple(map(contracted, phrase))}:
            self.phrases.setdefault(spelling, []).append((kind, pk))
        for word in phrase:
            self.known |= spellings(word)
            if correctable and len(word) >= MIN_TYPO_LENGTH:
                self.correctable.setdefault(len(word), set()).add(word)
        return phrase

    def corrections(self, word):
        """The known words a typo most likely meant (all at the smallest distance), or none."""
        if len(word) < MIN_TYPO_LENGTH - 1 or spellings(word) & self.known:
            return []
        # A six-letter word with a letter missing has five; two typos only in what is still six letters long.
        for limit in range(1, (MAX_TYPOS if len(word) >= MIN_TYPO_LENGTH else 1) + 1):
            found = [
                known
                for length in range(len(word) - limit, len(word) + limit + 1)
                for known in sorted(self.correctable.get(length, ()))
                if typos_apart(word, known, limit)
            ]
            if found:
                return found
        return []

    def lookup(self, phrase):
        found = []
        for spelling in {phrase, tuple(map(contracted, phrase))}:
            found.extend(self.phrases.get(spelling, ()))
        return found


def vocabulary_rows():
    """(kind, id, category id, target group id, names, more names) of every name searched: one query.

    Names in several languages are joined by newlines. Written out rather than composed of five
    annotated querysets, whose union took Django 15 ms to compile, more than the query takes to run.
    """
    from municipalities.models import Municipality

    from .models import Category, Provider, Synonym, TargetGroup, language_codes

    connection = connections[router.db_for_read(Category)]
    quote = connection.ops.quote_name

    def table(model):
        return quote(model._meta.db_table)

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    def joined(model, name):
        return " || '\n' || ".join(f"COALESCE({column(model, f'{name}_{code}')}, '')" for code in language_codes())

    sql = f"""
        SELECT 'category', id, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), {joined(Category, "name")}, ''
        FROM {table(Category)}
        UNION ALL SELECT 'target_group', id, NULL, NULL, {joined(TargetGroup, "name")}, '' FROM {table(TargetGroup)}
        UNION ALL SELECT 'provider', id, NULL, NULL, {column(Provider, "name")}, '' FROM {table(Provider)}
        UNION ALL SELECT 'town', id, NULL, NULL, {column(Municipality, "name")}, '' FROM {table(Municipality)}
        UNION ALL SELECT 'synonym', id, {column(Synonym, "category")}, {column(Synonym, "target_group")},
            {joined(Synonym, "words")}, {joined(Synonym, "also_search")}
        FROM {table(Synonym)}"""  # noqa: S608 (names from the models, quoted by Django)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def build_vocabulary():
    vocabulary = Vocabulary()
    for kind, pk, category, target_group, names, more in vocabulary_rows():
        if kind == "synonym":
            for term in terms(names):
                vocabulary.add("synonym", pk, term)
            instead = tuple(" ".join(words(term)) for term in terms(more))
            for term in instead:
                for word in term.split():
                    vocabulary.known |= spellings(word)
            vocabulary.synonyms[pk] = (instead, category, target_group)
            continue
        for name in dict.fromkeys(filter(None, names.split("\n"))):
            phrase = vocabulary.add(kind, pk, name, correctable=kind != "provider")
            if kind != "town" and phrase:
                vocabulary.names.append((kind, pk, " ".join(phrase)))
    return vocabulary


def terms(text):
    """The comma- or line-separated terms of a text, each once."""
    return list(dict.fromkeys(term.strip() for term in text.replace("\n", ",").split(",") if term.strip()))


def vocabulary():
    """Kept in the process (under a megabyte with NRW's towns and providers): from the shared cache, every
    search unpickled it, and with the cache cleared built it again from its query."""
    return kept_in_process("vocabulary", build_vocabulary)


@dataclass
class Token:
    """One part of a query: an offer matches it by any of these."""

    typed: str
    texts: set = field(default_factory=set)  # folded words or phrases in the offer's own texts
    ranked: set = field(default_factory=set)  # those of them typed (or corrected): where they stand counts
    categories: set = field(default_factory=set)
    target_groups: set = field(default_factory=set)
    providers: set = field(default_factory=set)
    similar: str = ""  # PostgreSQL: a word of six letters or more that its texts may hold with typos
    stem: str = ""  # PostgreSQL: a single word, which its texts may hold in another form


@dataclass
class Query:
    tokens: list
    town: int | None = None  # a town named in the query (its id)
    rest: str = ""  # the query without the town's name

    def __bool__(self):
        return bool(self.tokens or self.town)


def understand(text, find_town=False, vocab=None):
    """The query as tokens; with find_town, a town named in it becomes `town` instead of a token."""
    vocab = vocab or vocabulary()
    raw = [part for part in str(text).replace("\x00", "").split() if folded_word(part)]
    typed = [folded_word(part) for part in raw]
    corrected = [vocab.corrections(word) or [word] for word in typed]
    tokens, town, rest, i = [], None, [], 0
    while i < len(typed):
        for length in range(min(MAX_PHRASE, len(typed) - i), 0, -1):
            phrases = list(itertools.product(*corrected[i : i + length]))
            terms = [term for phrase in phrases for term in vocab.lookup(phrase)]
            if terms:
                break
        else:
            length, terms, phrases = 1, [], [(word,) for word in corrected[i]]
        towns = [pk for kind, pk in terms if kind == "town"]
        if find_town and towns and town is None and len(terms) == len(towns):
            town = towns[0]
            i += length
            continue
        rest.extend(raw[i : i + length])
        tokens.append(token_for(typed[i : i + length], phrases, terms, vocab))
        i += length
    return Query(tokens, town, rest=" ".join(rest))


def token_for(typed, phrases, terms, vocab):
    """`typed` words as one token: `phrases` are their corrections, `terms` what the vocabulary knows them as."""
    token = Token(" ".join(typed))
    for phrase in {tuple(typed), *phrases}:
        token.texts |= spellings(" ".join(phrase))
    token.ranked = set(token.texts)
    word = typed[0]
    if len(typed) == 1 and phrases == [(word,)] and len(word) >= MIN_TYPO_LENGTH and not spellings(word) & vocab.known:
        token.similar = word  # PostgreSQL looks for it with typos in the offers' own words
    if len(typed) == 1:
        token.stem = word
    kinds = {"category": token.categories, "target_group": token.target_groups, "provider": token.providers}
    for kind, pk in terms:
        if kind == "synonym":
            instead, category, target_group = vocab.synonyms[pk]
            token.texts.update(instead)
            token.categories.update(filter(None, [category]))
            token.target_groups.update(filter(None, [target_group]))
        elif kind in kinds:
            kinds[kind].add(pk)
    # Names hold the words too ("kurs" is in "Integrationskurs", "lindenhof" in "Sprachschule Lindenhof");
    # a short word only at the start of one of their words.
    for kind, pk, name in vocab.names:
        if any(text in name if len(text) > SHORT_WORD else f" {text}" in f" {name}" for text in token.texts):
            kinds[kind].add(pk)
    return token


def suggestion(text, vocab=None):
    """For a search that found nothing: the query with unknown words replaced by the nearest words
    the catalogue's names and synonyms use ("Did you mean …"), or "" when there is none."""
    vocab = vocab or vocabulary()
    suggested, changed = [], False
    for part in str(text).replace("\x00", "").split():
        word = folded_word(part)
        near = []
        if len(word) >= MIN_TYPO_LENGTH - 2 and not spellings(word) & vocab.known:
            limit = MAX_TYPOS if len(word) >= MIN_TYPO_LENGTH else 1
            near = sorted(
                (distance, known)
                for known in vocab.written
                if abs(len(known) - len(word)) <= limit
                for distance in range(1, limit + 1)
                if typos_apart(word, known, distance) and not (distance > 1 and typos_apart(word, known, distance - 1))
            )
        if near:
            suggested.append(vocab.written[near[0][1]])
            changed = True
        else:
            suggested.append(part)
    return " ".join(suggested) if changed else ""
