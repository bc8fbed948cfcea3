"""The KI-Redaktion group with exactly what the integration centre's editors need."""

from django.db import migrations

from portal.migration_support import grant

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
    grant(apps, GROUP, PERMISSIONS)


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
