"""The glossary: official words explained in every language, linked from each offer page."""

import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from reversion.models import Version

from glossary.models import Term
from offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

SEEDED = [
    "berechtigungsschein",
    "einstufungstest",
    "aufenthaltstitel",
    "jobcenter",
    "auslaenderbehoerde",
    "teilnahmebescheinigung",
    "dtz",
    "lid",
    "integrationskurs",
    "bamf",
    "mbe",
    "jmd",
    "kita",
    "anerkennung",
]


def address(offer, code="de"):
    with translation.override(code):
        return offer.get_absolute_url()


def term_links(html):
    """(href, linked text) of every glossary link on a page."""
    return re.findall(r'<a class="term" href="([^"]+)" title="[^"]*">([^<]*)</a>', html)


def test_the_seeded_glossary_explains_each_official_word_in_every_language():
    slugs = set(Term.objects.values_list("slug", flat=True))
    assert set(SEEDED) <= slugs
    assert len(slugs) >= 15
    for term in Term.objects.all():
        for code, _name in settings.LANGUAGES:
            assert getattr(term, f"word_{code}"), (term.slug, code)
            assert len(getattr(term, f"explanation_{code}")) > 40, (term.slug, code)


@pytest.mark.parametrize(
    ("code", "direction", "word"),
    [
        ("de", "ltr", "Berechtigungsschein"),
        ("en", "ltr", "Certificate of eligibility"),
        ("tr", "ltr", "Katılım hakkı belgesi"),
        ("ar", "rtl", "إذن المشاركة"),
        ("ru", "ltr", "Разрешение на участие"),
        ("uk", "ltr", "Дозвіл на участь"),
    ],
)
def test_the_glossary_page_explains_each_word_with_an_anchor_in_every_language(client, code, direction, word):
    response = client.get(f"/{code}/glossary/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert f'<dt id="berechtigungsschein"><dfn>{word}</dfn>' in html
    for slug in SEEDED:
        assert f'id="{slug}"' in html
    if code != "de":  # the German word officials use stands beside it
        assert '<span lang="de" dir="ltr">Berechtigungsschein</span>' in html


def test_a_word_without_translation_shows_the_german_text_marked_as_german(client):
    Term.objects.create(
        slug="wohnberechtigungsschein",
        word_de="Wohnberechtigungsschein",
        explanation_de="Ein Schein für eine Sozialwohnung.",
    )
    html = client.get("/uk/glossary/").content.decode()
    assert '<dt id="wohnberechtigungsschein"><dfn lang="de" dir="ltr">Wohnberechtigungsschein</dfn>' in html
    assert '<dd lang="de" dir="ltr"><p>Ein Schein für eine Sozialwohnung.</p></dd>' in html


def test_every_page_links_the_glossary_in_its_footer(client):
    html = client.get("/ar/").content.decode()
    assert '<li><a href="/ar/glossary/">' in html


def test_an_offer_page_links_the_first_occurrence_of_each_glossary_word(client):
    offer = OfferFactory(
        summary_de="Hilfe mit dem Berechtigungsschein vom JOBCENTER.",
        description_de="Der Berechtigungsschein kommt vom Jobcenter oder vom BAMF.\n\nAuch Kitaplätze und Kitas gibt es.",
    )
    html = client.get(address(offer)).content.decode()
    assert term_links(html) == [
        ("/de/glossary/#berechtigungsschein", "Berechtigungsschein"),
        ("/de/glossary/#jobcenter", "JOBCENTER"),  # case does not matter
        ("/de/glossary/#bamf", "BAMF"),
        ("/de/glossary/#kita", "Kitas"),  # a listed form; "Kitaplätze" is another word
    ]
    assert 'title="Ein Schreiben, mit dem Sie an einem Integrationskurs teilnehmen dürfen.' in html


def test_an_offer_in_english_links_english_words_and_the_german_ones_it_keeps(client):
    offer = OfferFactory(
        summary_de="Hilfe beim Integrationskurs.",
        summary_en="Help with your integration course and the Einstufungstest.",
    )
    html = client.get(address(offer, "en")).content.decode()
    assert term_links(html) == [
        ("/en/glossary/#integrationskurs", "integration course"),
        ("/en/glossary/#einstufungstest", "Einstufungstest"),
    ]


def test_a_text_shown_in_german_in_place_of_a_translation_has_its_german_words_linked(client):
    offer = OfferFactory(summary_de="Beratung zur Anerkennung.")
    html = client.get(address(offer, "ar")).content.decode()
    assert '<p class="lead" lang="de" dir="ltr">Beratung zur <a class="term" href="/ar/glossary/#anerkennung"' in html


def test_offer_text_stays_escaped_around_the_links(client):
    offer = OfferFactory(summary_de='<script>alert("Jobcenter")</script> & Jobcenter')
    html = client.get(address(offer)).content.decode()
    assert "<script>alert" not in html
    assert '&lt;script&gt;alert(&quot;<a class="term" href="/de/glossary/#jobcenter"' in html
    assert "&lt;/script&gt; &amp; Jobcenter" in html


def test_a_word_inside_an_existing_link_is_left_alone():
    template = Template("{% load glossary %}{% glossary_links text %}")
    text = mark_safe('<p><a href="https://example.org/">Zum Jobcenter</a> und zum Jobcenter</p>')
    with translation.override("de"):
        html = template.render(Context({"text": text}))
    assert html == (
        '<p><a href="https://example.org/">Zum Jobcenter</a> und zum '
        '<a class="term" href="/de/glossary/#jobcenter" title="'
        + Term.objects.get(slug="jobcenter").explanation_de[:159]
        + '…">Jobcenter</a></p>'
    )


def test_variants_a_ki_editor_adds_are_linked_as_whole_words(client):
    Term.objects.create(
        slug="gez",
        word_de="Rundfunkbeitrag",
        variants_de="GEZ\nRundfunk-Beitrag",
        explanation_de="Die Gebühr für Radio und Fernsehen.",
    )
    offer = OfferFactory(summary_de="Fragen zur gez? GEZahlt wird später.")
    html = client.get(address(offer)).content.decode()
    assert term_links(html) == [("/de/glossary/#gez", "gez")]


def test_the_offer_pages_query_count_does_not_grow_with_the_glossary(client, ki_editor, django_assert_num_queries):
    offer = OfferFactory(summary_de="Mit Berechtigungsschein vom Jobcenter.")
    client.force_login(ki_editor)  # a visitor with a session: the page is rendered, not taken from the page cache
    # The offer, its places, its target groups, its weekly hours and closures, its runs, the session, the
    # catalogue version; the terms come from the cache.
    queries = 8
    client.get(address(offer))
    with django_assert_num_queries(queries):
        client.get(address(offer))
    Term.objects.bulk_create(
        Term(slug=f"wort-{number}", word_de=f"Wort{number}", explanation_de="Ein Wort.") for number in range(30)
    )
    client.get(address(offer))  # the terms are read once per catalogue version
    with django_assert_num_queries(queries):
        html = client.get(address(offer)).content.decode()
    assert len(term_links(html)) == 2
    Term.objects.filter(slug="wort-1").update(word_de="Neu")
    with django_assert_num_queries(queries + 1):  # after a change: one query for all terms
        client.get(address(offer))


def test_ki_editors_edit_a_word_with_version_history_and_cached_offer_pages_follow(client, ki_editor):
    offer = OfferFactory(summary_de="Ein Kurs mit Einstufungstest.")
    assert "#einstufungstest" in client.get(address(offer)).content.decode()  # now in the page cache
    term = Term.objects.get(slug="einstufungstest")
    data = {
        f"{field}_{code}": getattr(term, f"{field}_{code}") or ""
        for field in ("word", "variants", "explanation")
        for code, _name in settings.LANGUAGES
    }
    data["explanation_de"] = "Ein Test, der zeigt, welcher Kursabschnitt zu Ihnen passt."
    editor = client.__class__()
    editor.force_login(ki_editor)
    response = editor.post(reverse("admin:glossary_term_change", args=[term.pk]), data)
    assert response.status_code == 302
    assert Version.objects.get_for_object(term).count() == 1
    html = client.get(address(offer)).content.decode()
    assert 'title="Ein Test, der zeigt, welcher Kursabschnitt zu Ihnen passt."' in html


def test_provider_editors_may_read_the_glossary_but_not_change_it(editor_client):
    term = Term.objects.get(slug="jobcenter")
    assert editor_client.get(reverse("admin:glossary_term_changelist")).status_code == 200
    page = editor_client.get(reverse("admin:glossary_term_change", args=[term.pk]))
    assert page.status_code == 200
    assert 'name="explanation_de"' not in page.content.decode()  # shown read-only
    response = editor_client.post(
        reverse("admin:glossary_term_change", args=[term.pk]),
        {"word_de": "Übernommen", "explanation_de": "Übernommen."},
    )
    assert response.status_code == 403
    assert (
        editor_client.post(
            reverse("admin:glossary_term_add"), {"slug": "neu", "word_de": "Neu", "explanation_de": "Neu."}
        ).status_code
        == 403
    )
    assert editor_client.post(reverse("admin:glossary_term_delete", args=[term.pk]), {"post": "yes"}).status_code == 403
    term.refresh_from_db()
    assert term.word_de == "Jobcenter"
    assert not Term.objects.filter(slug="neu").exists()


def test_every_glossary_admin_page_of_a_ki_editor_opens(client, ki_editor):
    term = Term.objects.get(slug="dtz")
    client.force_login(ki_editor)
    for address in (
        reverse("admin:glossary_term_changelist"),
        reverse("admin:glossary_term_add"),
        reverse("admin:glossary_term_change", args=[term.pk]),
        reverse("admin:glossary_term_history", args=[term.pk]),
        reverse("admin:index"),
    ):
        assert client.get(address).status_code == 200, address
    page = client.get(reverse("admin:glossary_term_change", args=[term.pk])).content.decode()
    assert 'name="slug"' not in page  # the anchor in shared links stays as it is
    assert 'name="explanation_ar"' in page
