from modeltranslation.translator import TranslationOptions, register

from .models import Category, Closure, CourseRun, Location, Offer, Provider, Synonym, TargetGroup


@register(Provider)
class ProviderTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Location)
class LocationTranslationOptions(TranslationOptions):
    fields = ("opening_hours",)


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "explanation")
    required_languages = ("de",)


@register(TargetGroup)
class TargetGroupTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(Offer)
class OfferTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "plain_summary", "description", "registration_info", "costs_note")
    required_languages = {"de": ("title", "summary")}


@register(Closure)
class ClosureTranslationOptions(TranslationOptions):
    fields = ("reason",)


@register(Synonym)
class SynonymTranslationOptions(TranslationOptions):
    fields = ("words", "also_search")  # a row may speak one language only (Turkish "entegrasyon")


@register(CourseRun)
class CourseRunTranslationOptions(TranslationOptions):
    fields = ("note",)
