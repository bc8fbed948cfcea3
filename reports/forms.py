from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["kind", "text"]
        labels = {
            "kind": _("Was stimmt nicht?"),
            "text": _("Möchten Sie etwas dazu schreiben? (freiwillig)"),
        }
        help_texts = {
            "text": _("Bitte schreiben Sie keinen Namen, keine Telefonnummer und keine E-Mail-Adresse hinein."),
        }
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "kind": {"required": _("Bitte wählen Sie aus, was nicht stimmt.")},
            "text": {
                "max_length": _(
                    "Bitte kürzen Sie Ihren Text auf höchstens %(limit_value)d Zeichen (jetzt: %(show_value)d)."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the labels are questions already
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Report.Kind.choices  # no empty choice among the radio buttons

    def clean_text(self):
        return self.cleaned_data["text"].replace("\x00", "").strip()
