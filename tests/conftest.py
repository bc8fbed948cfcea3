import pytest
from django.contrib.auth.models import Group

from municipalities.models import Municipality
from offers.factories import LocationFactory, OfferFactory, ProviderFactory
from offers.models import Category

from .servers import Server


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
    """The database rolls back after each test; the caches must forget with it."""
    from django.core.cache import cache

    from portal.catalogue import forget_kept_in_process

    cache.clear()
    forget_kept_in_process()
    yield
    cache.clear()
    forget_kept_in_process()


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
def own_offer(own_provider, unna):
    # An id far above the ones the factories hand out, so that another model's row can share it.
    return OfferFactory(
        pk=9000,
        provider=own_provider,
        title_de="Eigenes Angebot",
        locations=[LocationFactory(provider=own_provider, municipality=unna)],
    )


@pytest.fixture
def foreign_offer(other_provider, unna):
    return OfferFactory(
        provider=other_provider,
        title_de="Fremdes Angebot",
        locations=[LocationFactory(provider=other_provider, municipality=unna)],
    )


@pytest.fixture
def two_servers():
    """Two gunicorn processes with their own memory, like two of `make serve-prod`'s workers."""
    servers = [Server(), Server()]
    yield servers
    for server in servers:
        server.stop()


@pytest.fixture
def editor_client(client, provider_editor):
    client.force_login(provider_editor)
    return client
