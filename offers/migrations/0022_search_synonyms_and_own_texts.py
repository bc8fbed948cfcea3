"""Search (issue 15): offers' search columns hold only their own texts, the trigram indexes are declared.

Category, target group, provider and town names are matched at query time (offers/search.py), so
renaming a category rewrites no offer. The raw-SQL trigram indexes of 0008 (a hard-coded list of
six languages) give way to the ones declared in Offer's Meta, one per language in LANGUAGES.
"""

import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

import offers.search

# The translated offer texts when this migration was written, title first (offers/translation.py).
TEXTS = ("title", "summary", "description", "registration_info", "costs_note", "schedule")


def drop_raw_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in ("de", "en", "tr", "ar", "ru", "uk"):
        schema_editor.execute(f"DROP INDEX IF EXISTS offers_offer_search_{code}_trgm")


def own_texts_only(apps, schema_editor):
    Offer = apps.get_model("offers", "Offer")
    columns = [field.name for field in Offer._meta.fields if field.name.startswith("search_text_")]
    batch = []
    for offer in Offer.objects.only(*(f"{name}_{column[12:]}" for name in TEXTS for column in columns)).iterator(
        chunk_size=2000
    ):
        for column in columns:
            code = column.removeprefix("search_text_")
            parts = [getattr(offer, f"{name}_{code}") or getattr(offer, f"{name}_de") or "" for name in TEXTS]
            setattr(offer, column, offers.search.stored_text(parts))
        batch.append(offer)
        if len(batch) == 2000:
            Offer.objects.bulk_update(batch, columns)
            batch = []
    Offer.objects.bulk_update(batch, columns)


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0002_kreis_unna"),
        ("offers", "0021_plain_language_summary"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(drop_raw_indexes, migrations.RunPython.noop),
        migrations.RunPython(own_texts_only, migrations.RunPython.noop),
        migrations.CreateModel(
            name="Synonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "words",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "words_de",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "words_en",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "words_tr",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "words_ar",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "words_ru",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "words_uk",
                    models.CharField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Suchwörter",
                    ),
                ),
                (
                    "also_search",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        verbose_name="Findet auch",
                    ),
                ),
                (
                    "also_search_de",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Findet auch",
                    ),
                ),
                (
                    "also_search_en",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Findet auch",
                    ),
                ),
                (
                    "also_search_tr",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Findet auch",
                    ),
                ),
                (
                    "also_search_ar",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Findet auch",
                    ),
                ),
                (
                    "also_search_ru",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Findet auch",
                    ),
                ),
                (
                    "also_search_uk",
                    models.CharField(
                        blank=True,
                        help_text="Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“.",
                        max_length=300,
                        null=True,
                        verbose_name="Findet auch",
                    ),
                ),
            ],
            options={
                "verbose_name": "Synonym",
                "verbose_name_plural": "Synonyme",
                "ordering": ["words"],
            },
        ),
        migrations.AddIndex(
            model_name="offer",
            index=offers.search.TrigramIndex("search_text_de", name="offers_offer_search_de"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=offers.search.TrigramIndex("search_text_en", name="offers_offer_search_en"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=offers.search.TrigramIndex("search_text_tr", name="offers_offer_search_tr"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=offers.search.TrigramIndex("search_text_ar", name="offers_offer_search_ar"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=offers.search.TrigramIndex("search_text_ru", name="offers_offer_search_ru"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=offers.search.TrigramIndex("search_text_uk", name="offers_offer_search_uk"),
        ),
        migrations.AddField(
            model_name="synonym",
            name="category",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="synonyms",
                to="offers.category",
                verbose_name="Findet auch die Kategorie",
            ),
        ),
        migrations.AddField(
            model_name="synonym",
            name="target_group",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="synonyms",
                to="offers.targetgroup",
                verbose_name="Findet auch die Zielgruppe",
            ),
        ),
    ]
