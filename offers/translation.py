from modeltranslation.translator import TranslationOptions, register

from .models import Category, CourseRun, Location, Offer, Provider, TargetGroup


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
    fields = ("title", "summary", "description", "registration_info", "costs_note")
    required_languages = {"de": ("title", "summary")}


@register(CourseRun)
class CourseRunTranslationOptions(TranslationOptions):
    fields = ("note",)
