"""The demo login that `make run` creates and the README prints: never a way into production."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.hashers import check_password
from django.core.exceptions import PermissionDenied

USERNAME = "redaktion"
PROVIDER_USERNAME = "traeger"  # a Träger-Redaktion account of one demo provider, same password
PASSWORD = "wel-komm-in-demo"  # noqa: S105 (published in the README on purpose; refused in production)


class RefuseDemoPasswordBackend(BaseBackend):
    """First of the production backends: the published demo password opens no account there.

    PermissionDenied makes authenticate() stop before the backends that would accept it.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if password == PASSWORD:
            raise PermissionDenied
        # Any other password: the next backend decides.


def demo_password_refused():
    """True under settings that refuse the demo password: production."""
    return f"{__name__}.{RefuseDemoPasswordBackend.__name__}" in settings.AUTHENTICATION_BACKENDS


def accounts_with_demo_password():
    """Active accounts whose password is the demo password (one password hash per account)."""
    accounts = get_user_model().objects.filter(is_active=True).exclude(password__startswith="!")  # noqa: S106 (Django's mark of an unusable password).order_by("pk")
    return [account for account in accounts if check_password(PASSWORD, account.password)]
