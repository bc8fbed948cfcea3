from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from .demo_login import accounts_with_demo_password


@register(Tags.security, deploy=True)
def check_no_demo_login(app_configs, **kwargs):
    """`check --deploy` fails while an account has the demo password printed in the README
    (`make run` with a production DATABASE_URL exported creates one)."""
    try:
        accounts = accounts_with_demo_password()
    except DatabaseError:
        return []  # no readable account table (not migrated yet, or no database): no one can log in
    return [
        Error(
            f"The account '{account.get_username()}' has the demo password printed in the README.",
            hint=f"Delete it, or set another password: manage.py changepassword {account.get_username()}",
            obj=account,
            id="portal.E001",
        )
        for account in accounts
    ]
