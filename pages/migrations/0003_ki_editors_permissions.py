"""KI editors maintain the information pages and read the accessibility feedback."""

from django.db import migrations

from portal.migration_support import grant

PERMISSIONS = {
    "pages": {
        "infopage": ("add", "change", "view"),
        "accessibilityfeedback": ("change", "view"),
    }
}


def grant_editors(apps, schema_editor):
    grant(apps, "KI-Redaktion", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_info_pages"), ("offers", "0003_ki_editors_group")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
