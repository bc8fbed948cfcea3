from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import ValidationError

from .models import Offer


class OfferAdminForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = "__all__"
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
