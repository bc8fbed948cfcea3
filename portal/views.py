from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language_from_request
from django.views.decorators.vary import vary_on_headers


@vary_on_headers("Accept-Language", "Cookie")
def language_redirect(request):
    """`/` -> `/<lang>/` by the browser's languages (German if none fits)."""
    language = get_language_from_request(request)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return redirect(f"/{language}/")
