from modeltranslation.translator import TranslationOptions, register

from .models import InfoPage


@register(InfoPage)
class InfoPageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"de": ("title", "body")}
