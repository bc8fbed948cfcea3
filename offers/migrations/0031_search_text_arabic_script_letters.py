"""Search columns folded anew: portal.text.fold now makes the Arabic script's letter variants one.

Persian and Dari writers type Arabic yeh and kaf on Arabic keyboards, Persian ones on Persian
keyboards, with or without the zero-width non-joiner; fold() now maps them to one form (and
Arabic-Indic and Persian digits to digits). Both sides of a search are folded, so the stored
columns must be too: the new mapping is applied to them (it only replaces or drops characters,
so applying it to a folded column is the same as folding the texts again).
"""

from django.db import migrations

from portal.text import ARABIC_SCRIPT_VARIANTS


def refold(apps, schema_editor):
    Offer = apps.get_model("offers", "Offer")
    columns = [field.name for field in Offer._meta.fields if field.name.startswith("search_text_")]
    variants = {chr(code) for code in ARABIC_SCRIPT_VARIANTS}
    batch = []
    for offer in Offer.objects.only("pk", *columns).iterator(chunk_size=2000):
        if not any(variants.intersection(getattr(offer, column)) for column in columns):
            continue
        for column in columns:
            setattr(offer, column, getattr(offer, column).translate(ARABIC_SCRIPT_VARIANTS))
        batch.append(offer)
        if len(batch) == 2000:
            Offer.objects.bulk_update(batch, columns)
            batch = []
    Offer.objects.bulk_update(batch, columns)


class Migration(migrations.Migration):
    dependencies = [("offers", "0030_persian_texts")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
