"""The translation workflow of offers: German is the source, every other language follows it.

Per offer and language two fields say how far a translation is:

- `translation_sources`: {language: {field: fingerprint of the German text it was translated from}};
  a changed German text makes that translation outdated, whatever the timestamps say.
- `translation_status`: {language: TranslationState}, derived from the texts and the above on every
  save (bulk writers call `Offer.update_derived_fields()` themselves). It is the one answer to
  "missing", "outdated" or "complete": the admin's filters, badges and overview, the XLIFF export's
  selection and the public "shown in German" notice all read it, never the text columns.

Here: the model and QuerySet parts. The admin's views, filters, actions and column:
offers/translations_admin.py; the files for translators: offers/xliff.py.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _


def translation_codes():
    """The languages that translate the German source."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translated_field_names(model):
    from modeltranslation.translator import translator

    return list(translator.get_options_for_model(model).fields)


def fingerprint(text):
    """A short stable hash of a German source text (to notice when it changes)."""
    return hashlib.sha1((text or "").encode(), usedforsecurity=False).hexdigest()[:16]


class TranslationState(models.TextChoices):
    COMPLETE = "complete", _("vollständig")
    MISSING = "missing", _("fehlt")
    OUTDATED = "outdated", _("veraltet")


def shown_states(status):
    """{language: state} as staff see an offer's `translation_status`: German first, always complete.

    The list's "Übersetzt" badges read this; the overview counts the same states in SQL (state_is).
    """
    return {settings.LANGUAGE_CODE: TranslationState.COMPLETE.value, **status}


def state_is(language, *states):
    """The condition "`language` is in one of `states`", as `translation_status` records it."""
    return Q(**{f"translation_status__{language}__in": [str(state) for state in states]})


class TranslationQuerySet:
    """Offers by the state of their translation, read from `translation_status` alone."""

    def in_translation_state(self, language, *states):
        return self.filter(state_is(language, *states))

    def translation_missing(self, language):
        """Offers with a German text that has no counterpart in `language`."""
        return self.in_translation_state(language, TranslationState.MISSING)

    def translation_outdated(self, language):
        """Offers whose `language` text was made from a German text that has changed since."""
        return self.in_translation_state(language, TranslationState.OUTDATED)

    def needing_translation(self, language):
        """What a translator into `language` gets: missing or outdated."""
        return self.in_translation_state(language, TranslationState.MISSING, TranslationState.OUTDATED)

    def translation_overview(self):
        """Per language: how many of these offers are complete, missing or outdated (one query)."""
        states = (TranslationState.MISSING, TranslationState.OUTDATED)
        counts = self.order_by().aggregate(
            total=Count("pk"),
            **{
                f"{code}_{state}": Count("pk", filter=state_is(code, state))
                for code in translation_codes()
                for state in states
            },
        )
        rows = []
        for code in translation_codes():
            missing, outdated = (counts[f"{code}_{state}"] for state in states)
            rows.append(
                {
                    "language": code,
                    "complete": counts["total"] - missing - outdated,
                    "missing": missing,
                    "outdated": outdated,
                }
            )
        return rows


class TranslatedOffer(models.Model):
    """The per-offer half: which German text each translation was made from, and its state."""

    TranslationState = TranslationState

    translation_sources = models.JSONField(editable=False, default=dict)
    translation_status = models.JSONField(editable=False, default=dict)

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        offer = super().from_db(db, field_names, values)
        offer.remember_translations()
        return offer

    def translated_field_names(self):
        return translated_field_names(self._meta.model)

    def remember_translations(self):
        """Note the texts as loaded, to see later which translations an edit touched."""
        loaded = self.__dict__  # deferred columns are absent: they were not loaded
        codes = translation_codes()
        columns = (f"{name}_{code}" for name in self.translated_field_names() for code in codes)
        self._loaded_texts = {column: loaded[column] for column in columns if column in loaded}

    def update_translation_status(self):
        """Every write of texts ends here (through save() or update_derived_fields())."""
        self.update_translation_sources()
        self.translation_status = self.translation_states()

    def update_translation_sources(self):
        """A translation written or edited now was made from today's German text."""
        loaded = getattr(self, "_loaded_texts", {})
        for code in translation_codes():
            sources = self.translation_sources.setdefault(code, {})
            for name in self.translated_field_names():
                text = getattr(self, f"{name}_{code}")
                if not text:
                    sources.pop(name, None)
                elif name not in sources or loaded.get(f"{name}_{code}") != text:
                    sources[name] = fingerprint(getattr(self, f"{name}_de"))

    def mark_translation_checked(self, language):
        """Staff confirm that the `language` texts still say what the German says (save() follows)."""
        self.translation_sources[language] = {
            name: fingerprint(getattr(self, f"{name}_de"))
            for name in self.translated_field_names()
            if getattr(self, f"{name}_{language}")
        }

    def translation_states(self):
        """{language: complete, missing (a German text has no translation) or outdated}."""
        states = {settings.LANGUAGE_CODE: TranslationState.COMPLETE.value}
        for code in translation_codes():
            state = TranslationState.COMPLETE.value
            for name in self.translated_field_names():
                german = getattr(self, f"{name}_de")
                if not german:
                    continue
                if not getattr(self, f"{name}_{code}"):
                    state = TranslationState.MISSING.value
                    break
                if self.translation_sources.get(code, {}).get(name) != fingerprint(german):
                    state = TranslationState.OUTDATED.value
            states[code] = state
        return states

    def shown_translation_states(self):
        return shown_states(self.translation_status)
