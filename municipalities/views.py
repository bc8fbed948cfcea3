from django.shortcuts import get_object_or_404, render

from offers.cache import cached_for_visitors
from offers.models import Category, Offer

from .models import Municipality

OFFERS_PER_CATEGORY = 5


@cached_for_visitors
def municipality_detail(request, slug):
    town = get_object_or_404(Municipality.objects.select_related("district"), slug=slug)
    offers = Offer.objects.published().in_municipality(town)
    counts = offers.count_per_category()
    shown = list(offers.for_cards().first_per_category(OFFERS_PER_CATEGORY))
    groups = [
        {"category": category, "count": counts[category.pk], "offers": [o for o in shown if o.category_id == category.pk]}
        for category in Category.objects.all()
        if counts.get(category.pk)
    ]
    return render(request, "municipalities/municipality_detail.html", {"town": town, "groups": groups})
