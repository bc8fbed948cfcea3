from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .models import Location, Offer, overlapping_hours


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
        # The offer as submitted (maybe not saved yet), with its runs, decides what course facts fit.
        run_starts = submitted_run_starts(self.data)
        for form in self.forms:
            if form.cleaned_data and not self._should_delete_form(form):
                for field, message in form.instance.offer_errors(self.instance, run_starts).items():
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


def submitted_run_starts(data, prefix="runs"):
    """The start dates of the runs posted beside the offer (not those marked for deletion); None if none posted."""
    if f"{prefix}-TOTAL_FORMS" not in data:
        return None
    try:
        total = min(int(data[f"{prefix}-TOTAL_FORMS"]), 1000)
    except ValueError:
        return None
    parse = forms.DateField(required=False)
    starts = []
    for index in range(total):
        if data.get(f"{prefix}-{index}-DELETE"):
            continue
        try:
            start = parse.clean(data.get(f"{prefix}-{index}-start_date"))
        except ValidationError:
            continue  # the run's own form says so
        if start:
            starts.append(start)
    return starts


class CourseRunFormSet(forms.BaseInlineFormSet):
    """Runs as submitted with their offer: a run's place must be one of the offer's places as submitted."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.is_bound:  # beside the offer's form: no "locations" in the post means none chosen
            submitted = [int(pk) for pk in self.data.getlist("locations") if str(pk).isdigit()]
            form.instance.offer_locations = [Location(pk=pk) for pk in submitted]
        return form
