"""The gap rules: what a town lacks, named plainly for KI staff, one sentence per gap.

The rules run over every town × category × language (`gaps_of(indicators)` for one town's
TownIndicators, see indicators.py; "offers" are always those a resident can use: held in the
town, district-wide or online, published):

1. **Category missing** (town × category): no offer of the category at all.
   "Selm: kein Angebot der Kategorie „Freizeit und Begegnung“"
2. **Counselling not held in a language** (town × counselling category × language): for each
   category in `COUNSELLING` that the town has (else rule 1 already names it) and each interface
   language but German (`settings.LANGUAGES`: the languages the district publishes in, so a new
   interface language is watched at once), no offer of it held in that language.
   "Selm: kein Angebot der Kategorie „Migrationsberatung für Erwachsene (MBE)“ auf Arabisch"
3. **No integration course with childcare soon** (town): no integration course with childcare
   with a run one can join in the next `SOON_WEEKS` weeks.
   "Bönen: kein Integrationskurs mit Kinderbetreuung, der in den nächsten 6 Wochen beginnt"
4. **No walk-in hours** (town): no walk-in hour at any of the town's locations or offers.
   "Bönen: keine offene Sprechstunde"

A rule is a function of (indicators, category, language) returning a sentence or None; `RULES` says
which of town, category and language it runs over. Add a rule there, with its test in
tests/test_monitoring.py.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from offers.languages import language_name
from offers.models import Category

from .indicators import COUNSELLING, SOON_WEEKS


def category_missing(indicators, category, language):
    if not indicators.offers_per_category.get(category.pk):
        return _("%(town)s: kein Angebot der Kategorie „%(category)s“") % {
            "town": indicators.town.name,
            "category": category.name,
        }
    return None


def counselling_language_missing(indicators, category, language):
    if category.slug not in COUNSELLING or not indicators.offers_per_category.get(category.pk):
        return None
    if language in indicators.languages_per_category.get(category.pk, ()):
        return None
    return _("%(town)s: kein Angebot der Kategorie „%(category)s“ auf %(language)s") % {
        "town": indicators.town.name,
        "category": category.name,
        "language": language_name(language),
    }


def no_childcare_course_soon(indicators, category, language):
    if category.slug != Category.INTEGRATION_COURSE or indicators.childcare_course_soon:
        return None
    return _("%(town)s: kein Integrationskurs mit Kinderbetreuung, der in den nächsten %(weeks)s Wochen beginnt") % {
        "town": indicators.town.name,
        "weeks": SOON_WEEKS,
    }


def no_walk_in_hours(indicators, category, language):
    if indicators.walk_in_minutes:
        return None
    return _("%(town)s: keine offene Sprechstunde") % {"town": indicators.town.name}


# (rule, runs per category, runs per language): the order in which the sentences are listed.
RULES = (
    (category_missing, True, False),
    (counselling_language_missing, True, True),
    (no_childcare_course_soon, True, False),
    (no_walk_in_hours, False, False),
)


def watched_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def gaps_of(indicators):
    """The sentences of every rule for one town, in RULES' order, then the categories' and languages' order."""
    sentences = []
    for rule, per_category, per_language in RULES:
        for category in indicators.categories if per_category else [None]:
            for language in watched_languages() if per_language else [None]:
                sentence = rule(indicators, category, language)
                if sentence:
                    sentences.append(sentence)
    return sentences
