from django.db import migrations

from portal.migration_support import grant


def grant_editors(apps, schema_editor):
    grant(apps, "KI-Redaktion", {"links": {"linkcheck": ("view",)}})


class Migration(migrations.Migration):
    dependencies = [("links", "0001_initial"), ("offers", "0003_ki_editors_group")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
