"""Interface strings: every one translated, and the compiled catalogues match their sources."""

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalog(code):
    with open(LOCALE / code / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_interface_string_is_translated(code):
    for message in catalog(code):
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message.id


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalogue_matches_its_source(code):
    with open(LOCALE / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    expected = {}
    for message in catalog(code):
        if not message.id:
            continue
        singular = message.id[0] if message.pluralizable else message.id
        key = f"{message.context}\x04{singular}" if message.context else singular
        if message.pluralizable:
            expected.update({(key, index): text for index, text in enumerate(message.string)})
        else:
            expected[key] = message.string
    # The compiled catalogue holds exactly the source's messages (plus its header).
    assert {key: text for key, text in compiled._catalog.items() if key != ""} == expected


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalogue_holds_every_interface_string(code):
    """A language added to LANGUAGES needs a catalogue with all the messages the others have."""
    ids = {
        code: {
            (message.context, message.id if isinstance(message.id, str) else tuple(message.id))
            for message in catalog(code)
            if message.id
        }
        for code in TRANSLATED
    }
    assert ids[code] == set.union(*ids.values())
