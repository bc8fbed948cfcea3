import pytest
from django.contrib.auth.models import Group

from municipalities.models import Municipality
from offers.models import Category


@pytest.fixture
def ki_editor(django_user_model):
    user = django_user_model.objects.create_user("ki-editor", password="secret-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="KI-Redaktion"))
    return user


@pytest.fixture
def unna(db):
    return Municipality.objects.get(slug="unna")


@pytest.fixture
def luenen(db):
    return Municipality.objects.get(slug="luenen")


@pytest.fixture
def integration_course(db):
    return Category.objects.get(slug=Category.INTEGRATION_COURSE)


@pytest.fixture(autouse=True)
def empty_cache():
    """The database rolls back after each test; the cache must forget with it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
