from django.db import migrations, models


def first_version(apps, schema_editor):
    apps.get_model("portal", "CatalogueVersion").objects.create(pk=1, version=1)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="CatalogueVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=1)),
            ],
            options={"default_permissions": ()},
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]
