import pytest
from django.contrib.auth.models import Group

from municipalities.models import Municipality
from offers.factories import ProviderFactory
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


# A provider's own staff (Träger-Redaktion) and the provider next door, for the scope tests.
@pytest.fixture
def own_provider():
    return ProviderFactory(name="Sprachschule Lindenhof")


@pytest.fixture
def other_provider():
    return ProviderFactory(name="Bildungswerk Ahorn")


@pytest.fixture
def provider_editor(django_user_model, own_provider):
    user = django_user_model.objects.create_user("lindenhof", password="secret-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Träger-Redaktion"))
    own_provider.editors.add(user)
    return user


@pytest.fixture
def editor_client(client, provider_editor):
    client.force_login(provider_editor)
    return client
