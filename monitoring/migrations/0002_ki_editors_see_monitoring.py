"""KI editors see the monitoring and keep the newer population figures; a provider's staff do neither."""

from django.db import migrations

from portal.migration_support import grant, grant_codenames


def grant_editors(apps, schema_editor):
    grant(apps, "KI-Redaktion", {"monitoring": {"populationfigure": ("add", "change", "delete", "view")}})
    grant_codenames(apps, "KI-Redaktion", "monitoring", ["view_monitoring"])


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial"), ("offers", "0003_ki_editors_group")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
