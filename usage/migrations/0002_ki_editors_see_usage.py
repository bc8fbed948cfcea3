"""KI editors see the site-wide usage figures; a provider's staff do not."""

from django.db import migrations

from portal.migration_support import grant


def grant_editors(apps, schema_editor):
    grant(apps, "KI-Redaktion", {"usage": {"dailycount": ("view",)}})


class Migration(migrations.Migration):
    dependencies = [("usage", "0001_initial"), ("offers", "0003_ki_editors_group")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
