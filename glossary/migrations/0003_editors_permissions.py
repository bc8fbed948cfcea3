"""KI editors keep the glossary; a provider's own staff may read it (it is shared by every provider)."""

from django.db import migrations

from portal.migration_support import grant


def grant_editors(apps, schema_editor):
    grant(apps, "KI-Redaktion", {"glossary": {"term": ("add", "change", "delete", "view")}})
    grant(apps, "Träger-Redaktion", {"glossary": {"term": ("view",)}})


class Migration(migrations.Migration):
    dependencies = [("glossary", "0002_terms"), ("offers", "0006_provider_editors_group")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
