from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models

from .models import Offer


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
