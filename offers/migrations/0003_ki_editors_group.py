"""The KI-Redaktion group with exactly what the integration centre's editors need."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "KI-Redaktion"
PERMISSIONS = {
    "offers": {
        "offer": ("add", "change", "delete", "view"),
        "integrationcourse": ("add", "change", "delete", "view"),
        "provider": ("add", "change", "delete", "view"),
        "location": ("add", "change", "delete", "view"),
        # Category and target group slugs stand in shared links: editors may
        # reword them but not delete them.
        "category": ("add", "change", "view"),
        "targetgroup": ("add", "change", "view"),
    },
    "municipalities": {
        "district": ("view",),
        "municipality": ("view",),
    },
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; we need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames
    ]
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0002_categories_and_target_groups"),
        ("municipalities", "0002_kreis_unna"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
