from modeltranslation.translator import TranslationOptions, register

from .models import Term


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = ("word", "variants", "explanation")
    required_languages = {"de": ("word", "explanation")}
