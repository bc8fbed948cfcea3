"""Glossary words in offer texts become links to their explanation.

One query reads the terms, once per catalogue version and language (`until_changed`), so the
offer page's query count does not grow with the glossary. The text is linked after it has been
escaped and put into paragraphs: only text between tags changes, never text inside a link.
"""

import re
from functools import lru_cache

from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language

from portal.catalogue import until_changed

from .models import Term

TIMEOUT = 300
TAG = re.compile(r"(<[^>]*>)")
OPENS_LINK = re.compile(r"<a[\s>]", re.IGNORECASE)
CLOSES_LINK = re.compile(r"</a\s*>", re.IGNORECASE)
TITLE_LENGTH = 160


def linkable_terms(language=None):
    """[{slug, title, forms}] for `language`, from one query per catalogue version."""
    language = language or get_language()

    def compute():
        return [
            {
                "slug": term.slug,
                "title": Truncator(term.explanation).chars(TITLE_LENGTH),
                "forms": term.forms_in(language),
            }
            for term in Term.objects.all()
        ]

    return until_changed("glossary", language, compute, TIMEOUT)


@lru_cache(maxsize=64)
def matcher(forms):
    """One regular expression for all forms ((form, slug), …), longest first; and a slug per folded form."""
    by_form = {}
    for form, slug in forms:
        by_form.setdefault(" ".join(escape(form).split()).casefold(), slug)
    alternatives = sorted(by_form, key=len, reverse=True)
    # Whole words only: no letter or digit may touch the form on either side. Spaces match any white space.
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), by_form


def link_terms(html, terms, seen):
    """`html` (escaped text) with the first occurrence of each term not in `seen` linked; `seen` grows."""
    if not terms:
        return html
    expression, by_form = matcher(tuple((form, term["slug"]) for term in terms for form in term["forms"]))
    titles = {term["slug"]: term["title"] for term in terms}
    address = reverse("glossary")

    def link(match):
        text = match.group(0)
        slug = by_form.get(re.sub(r"\s+", " ", text).casefold())
        if slug is None or slug in seen:
            return text
        seen.add(slug)
        return f'<a class="term" href="{address}#{slug}" title="{escape(titles[slug])}">{text}</a>'

    inside_link = 0
    parts = []
    for part in TAG.split(str(html)):
        if part.startswith("<"):
            if OPENS_LINK.match(part):
                inside_link += 1
            elif CLOSES_LINK.match(part):
                inside_link = max(inside_link - 1, 0)
        elif part and not inside_link:
            part = expression.sub(link, part)
        parts.append(part)
    return "".join(parts)
