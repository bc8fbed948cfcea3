"""KI editors and a provider's own staff read and close the reports (the admin scopes them per provider)."""

from django.db import migrations

from portal.migration_support import grant

PERMISSIONS = {"reports": {"report": ("change", "view")}}


def grant_editors(apps, schema_editor):
    grant(apps, "KI-Redaktion", PERMISSIONS)
    grant(apps, "Träger-Redaktion", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("offers", "0006_provider_editors_group")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
