from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .models import Offer, overlapping_hours


def https_formfield(db_field, **kwargs):
    """Links typed without a scheme are meant as https (Django 6's default)."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class OfferAdminForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what is shown)
        formfield_callback = https_formfield
        widgets = {"languages": FilteredSelectMultiple(Offer._meta.get_field("languages").verbose_name, False)}

    def clean(self):
        cleaned_data = super().clean()
        # The instance is updated only after clean(), and locations are a
        # many-to-many field only the form knows: check the submitted values.
        submitted = Offer(
            **{
                name: cleaned_data.get(name, getattr(self.instance, name))
                for name in ("status", "format", "whole_district")
            }
        )
        try:
            submitted.check_reachable(cleaned_data.get("locations"))
        except ValidationError as error:
            self.add_error("locations", error)
        return cleaned_data


class IntegrationCourseFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The offer as submitted (maybe not saved yet) decides what course facts fit.
        for form in self.forms:
            if form.cleaned_data and not self._should_delete_form(form):
                for field, message in form.instance.offer_errors(self.instance).items():
                    form.add_error(field, message)


class WeeklyHoursFormSet(forms.BaseInlineFormSet):
    """The hours of one location or offer, checked together: two hours of a day must not overlap."""

    def clean(self):
        super().clean()
        kept = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form) and not form.errors
        ]
        overlap = overlapping_hours(kept)
        if overlap:
            first, second = overlap
            raise ValidationError(
                _("Am %(day)s überschneiden sich die Zeiten %(first)s und %(second)s.")
                % {
                    "day": first.get_weekday_display(),
                    "first": f"{first.opens_at:%H:%M}–{first.closes_at:%H:%M}",
                    "second": f"{second.opens_at:%H:%M}–{second.closes_at:%H:%M}",
                },
                code="overlap",
            )
