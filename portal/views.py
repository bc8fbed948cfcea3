from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language_from_request
from django.views.decorators.vary import vary_on_headers

from municipalities.models import Municipality
from offers.models import Category
from pages.models import InfoPage


@vary_on_headers("Accept-Language", "Cookie")
def language_redirect(request):
    """`/` -> `/<lang>/` by the browser's languages (German if none fits)."""
    language = get_language_from_request(request)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return redirect(f"/{language}/")


def home(request):
    return render(
        request,
        "home.html",
        {
            "categories": Category.objects.all(),
            "towns": Municipality.objects.filter(district__slug="kreis-unna"),
            "guides": InfoPage.objects.guides(),
        },
    )
