"""The search texts are per language only: the untranslated `search_text` column was never read.

The per-language columns were nullable (modeltranslation's copies); they always hold a string.
"""

from django.db import migrations, models


def empty_instead_of_null(apps, schema_editor):
    Offer = apps.get_model("offers", "Offer")
    for field in Offer._meta.fields:
        if field.name.startswith("search_text_"):
            Offer.objects.filter(**{f"{field.name}__isnull": True}).update(**{field.name: ""})


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0010_edit_every_provider_permission"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="offer",
            name="search_text",
        ),
        migrations.RunPython(empty_instead_of_null, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="offer",
            name="search_text_ar",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AlterField(
            model_name="offer",
            name="search_text_de",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AlterField(
            model_name="offer",
            name="search_text_en",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AlterField(
            model_name="offer",
            name="search_text_ru",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AlterField(
            model_name="offer",
            name="search_text_tr",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AlterField(
            model_name="offer",
            name="search_text_uk",
            field=models.TextField(default="", editable=False),
        ),
    ]
