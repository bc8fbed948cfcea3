"""KI editors maintain the information pages and read the accessibility feedback."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "infopage": ("add", "change", "view"),
    "accessibilityfeedback": ("change", "view"),
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name="KI-Redaktion")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="pages",
            codename__in=[f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_info_pages"), ("offers", "0003_ki_editors_group")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
