from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .languages import ISO_639_1_CODES, language_choices


class StoredListField(models.CharField):
    """A list kept in one text column (so one LIKE finds a row on SQLite and PostgreSQL alike, without a join).

    Subclasses say how the list is written (`get_prep_value`) and read back (`as_list`).
    """

    default_max_length = 250

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.default_max_length)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.as_list(value)

    def to_python(self, value):
        return self.as_list(value)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))


class LanguageCodesField(StoredListField):
    """A list of ISO 639-1 codes stored as ",ar,de,".

    The delimiters let one LIKE '%,ar,%' find the offers held in Arabic on
    SQLite and PostgreSQL alike, without a join.
    """

    description = _("Sprachen (ISO 639-1)")

    @staticmethod
    def as_list(value):
        if value is None:
            return []
        if isinstance(value, str):
            return [code for code in value.split(",") if code]
        return list(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            # Lookup arguments such as ",ar," pass through unchanged.
            return value
        codes = sorted(set(value or []))
        return f",{','.join(codes)}," if codes else ""

    def validate(self, value, model_instance):
        unknown = [code for code in value if code not in ISO_639_1_CODES]
        if unknown:
            raise ValidationError(
                _("Unbekannter Sprachcode: %(codes)s. Bitte ISO-639-1-Codes wie „ar“ oder „uk“ verwenden."),
                params={"codes": ", ".join(unknown)},
                code="invalid_language",
            )
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=language_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=kwargs.get("widget") or forms.SelectMultiple,
        )


WEEKDAY_CHOICES = [
    (1, _("Montag")),
    (2, _("Dienstag")),
    (3, _("Mittwoch")),
    (4, _("Donnerstag")),
    (5, _("Freitag")),
    (6, _("Samstag")),
    (7, _("Sonntag")),
]


class WeekdaysField(StoredListField):
    """A set of ISO weekdays (1 = Monday … 7 = Sunday) stored as digits, "12345" for Monday to Friday."""

    description = _("Wochentage")
    default_max_length = 7

    @staticmethod
    def as_list(value):
        if value is None:
            return []
        if isinstance(value, str):
            return sorted({int(digit) for digit in value if digit in "1234567"})
        return sorted({int(day) for day in value})

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return "".join(str(day) for day in self.as_list(value))

    def validate(self, value, model_instance):
        if any(day not in range(1, 8) for day in value):
            raise ValidationError(_("Unbekannter Wochentag."), code="invalid_weekday")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=WEEKDAY_CHOICES,
            coerce=int,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
