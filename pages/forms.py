from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccessibilityFeedback


class AccessibilityFeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_url", "email"]
        labels = {
            "message": _("Was funktioniert nicht? Beschreiben Sie die Barriere."),
            "page_url": _("Auf welcher Seite? (freiwillig)"),
            "email": _("Ihre E-Mail-Adresse, wenn Sie eine Antwort möchten (freiwillig)"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "message": {
                "max_length": _(
                    "Bitte kürzen Sie Ihre Nachricht auf höchstens %(limit_value)d Zeichen (jetzt: %(show_value)d)."
                )
            }
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the labels are questions already
        super().__init__(*args, **kwargs)

    def clean_message(self):
        message = self.cleaned_data["message"].replace("\x00", "").strip()
        if not message:
            raise forms.ValidationError(_("Bitte schreiben Sie eine Nachricht."))
        return message

    def clean_page_url(self):
        return self.cleaned_data["page_url"].replace("\x00", "")
