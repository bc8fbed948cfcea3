from django.shortcuts import render

from offers.cache import cached_for_visitors
from portal.text import fold

from .models import Term


@cached_for_visitors
def glossary(request):
    # Alphabetical as the visitor reads the words (their language, or German where it has none).
    terms = sorted(Term.objects.all(), key=lambda term: fold(term.word))
    return render(request, "glossary/glossary.html", {"terms": terms})
