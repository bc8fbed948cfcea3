from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from offers.models import Provider
from portal.admin import KI_EDITORS, PROVIDER_EDITORS
from portal.demo_login import PASSWORD, PROVIDER_USERNAME, USERNAME, demo_password_refused


class Command(BaseCommand):
    help = "Create (or reset) the demo logins of a KI editor and of one demo provider's editor. Development only."

    def handle(self, *args, **options):
        # A published password must never open a production back office. `make run` serves the
        # demo with DEBUG off, so production is told apart by its settings, not by DEBUG.
        if demo_password_refused():
            raise CommandError(
                "create_demo_staff runs only in development (not under portal.settings.prod): "
                "its password is printed in the README."
            )
        self.login(USERNAME, "Redaktion", KI_EDITORS, "KI staff")
        provider = Provider.objects.order_by("name", "pk").first()
        if provider is None:
            self.stdout.write("No provider yet (load_demo first): no demo provider editor.")
            return
        editor = self.login(PROVIDER_USERNAME, "Träger", PROVIDER_EDITORS, f"provider editor of {provider.name}")
        provider.editors.add(editor)

    def login(self, username, last_name, group, what):
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = False
        user.first_name = "Demo"
        user.last_name = last_name
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo {what} login: user '{username}', password '{PASSWORD}' – http://127.0.0.1:8000/admin/"
            )
        )
        return user
