"""Träger-Redaktion: a provider's own staff edit its offers and locations, never publish.

Which provider is theirs is `Provider.editors`; the admin scopes every list and
form to it. Only KI-Redaktion may publish.
"""

from django.db import migrations

from portal.migration_support import grant

PROVIDER_EDITORS = {
    "offers": {
        "offer": ("add", "change", "view"),
        "integrationcourse": ("add", "change", "delete", "view"),
        "location": ("add", "change", "view"),
        "provider": ("view",),
        "category": ("view",),
        "targetgroup": ("view",),
    },
    "municipalities": {"municipality": ("view",)},
}


def create_group(apps, schema_editor):
    grant(apps, "Träger-Redaktion", PROVIDER_EDITORS)
    grant(apps, "KI-Redaktion", {"offers": {"offer": ("publish",)}})


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Träger-Redaktion").delete()


class Migration(migrations.Migration):
    dependencies = [("offers", "0005_provider_editors_and_review_status"), ("pages", "0003_ki_editors_permissions")]

    operations = [migrations.RunPython(create_group, delete_group)]
