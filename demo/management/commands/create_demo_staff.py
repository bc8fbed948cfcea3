from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from portal.admin import KI_EDITORS
from portal.demo_login import PASSWORD, USERNAME, demo_password_refused


class Command(BaseCommand):
    help = "Create (or reset) the demo login of a KI editor. Development only."

    def handle(self, *args, **options):
        # A published password must never open a production back office. `make run` serves the
        # demo with DEBUG off, so production is told apart by its settings, not by DEBUG.
        if demo_password_refused():
            raise CommandError(
                "create_demo_staff runs only in development (not under portal.settings.prod): "
                "its password is printed in the README."
            )
        user, _created = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = True
        user.is_superuser = False
        user.first_name = "Demo"
        user.last_name = "Redaktion"
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=KI_EDITORS))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo KI staff login: user '{USERNAME}', password '{PASSWORD}' – http://127.0.0.1:8000/admin/"
            )
        )
