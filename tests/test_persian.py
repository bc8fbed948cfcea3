"""Persian (fa), the seventh language: what adding a language to LANGUAGES must bring by itself."""

import pytest
from django.core.management import call_command
from django.db.models.functions import Length

from offers.factories import LocationFactory, OfferFactory
from offers.models import Offer

pytestmark = pytest.mark.django_db


def test_migrate_gives_offers_saved_before_a_language_its_search_text_and_state(unna):
    offer = OfferFactory(
        title_de="Sprachcafé für Frauen", title_ar="مقهى اللغة", locations=[LocationFactory(municipality=unna)]
    )
    # As the offer was stored before fa existed: no search text and no translation state for it.
    status = {code: state for code, state in offer.translation_status.items() if code != "fa"}
    Offer.objects.filter(pk=offer.pk).update(search_text_fa="", translation_status=status)

    call_command("migrate", verbosity=0)

    stored = Offer.objects.get(pk=offer.pk)
    assert "sprachcafe fur frauen" in stored.search_text_fa  # the German text a Persian reader sees
    assert stored.translation_status["fa"] == "missing"
    assert set(Offer.objects.translation_missing("fa")) == {stored}
    assert not Offer.objects.annotate(n=Length("search_text_fa")).filter(n=0).exists()
