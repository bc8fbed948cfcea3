"""Helpers for data migrations that set up the editorial groups' permissions.

Kept deliberately free of model imports: migrations pass in their historical `apps`.
"""

from django.contrib.auth.management import create_permissions


def grant(apps, group_name, permissions):
    """Give group `group_name` (created if needed) {app_label: {model: (actions…)}}."""
    for app_label, models in permissions.items():
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        grant_codenames(apps, group_name, app_label, codenames)


def grant_codenames(apps, group_name, app_label, codenames):
    """Give group `group_name` (created if needed) these permissions of `app_label`."""
    # Permissions are normally created after all migrations ran; we need them now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    found = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    missing = set(codenames) - set(found.values_list("codename", flat=True))
    if missing:
        raise LookupError(f"unknown permissions in {app_label}: {sorted(missing)}")
    group.permissions.add(*found)
