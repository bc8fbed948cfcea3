"""The catalogue version that invalidates cached pages holds across processes without Redis."""

import datetime
import os
import subprocess
import sys
import threading

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from municipalities.factories import DistrictFactory, MunicipalityFactory
from municipalities.models import Municipality
from offers.factories import (
    CategoryFactory,
    IntegrationCourseFactory,
    LocationFactory,
    OfferFactory,
    ProviderFactory,
    TargetGroupFactory,
)
from offers.models import Category, Offer
from portal.models import CatalogueVersion

from .admin_forms import management_form
from .servers import ROOT, Browser
from .test_public import ids

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edit_saved_through_one_worker_is_on_the_next_page_of_another(two_servers, django_user_model, unna):
    a, b = two_servers
    editor = django_user_model.objects.create_user("ki-editor", password="secret-pass-123", is_staff=True)
    editor.groups.add(Group.objects.get(name="KI-Redaktion"))
    location = LocationFactory(municipality=unna)
    offer = OfferFactory(title_de="Sprachcafé", provider=location.provider, locations=[location])
    pages = ["/de/offers/?municipality=unna", f"/de/providers/{offer.provider.slug}/", "/de/towns/unna/"]
    for page in pages:
        for _ in range(2):  # the second answer comes from B's cache
            status, html = Browser(b).get(page)
            assert status == 200 and "Sprachcafé" in html, page

    staff = Browser(a)
    status, _ = staff.post_form("/admin/login/", {"username": "ki-editor", "password": "secret-pass-123"})
    assert status == 302
    change = f"/admin/offers/offer/{offer.pk}/change/"
    status, html = staff.post_form(
        change,
        {
            "title_de": "Sprachtreff",
            "summary_de": offer.summary_de,
            "category": offer.category_id,
            "provider": offer.provider_id,
            "status": Offer.Status.PUBLISHED,
            "format": offer.format,
            "languages": ["de"],
            "locations": [location.pk],
            **management_form("course"),
        },
    )
    assert status == 302, html
    for page in pages:
        status, html = Browser(b).get(page)
        assert "Sprachtreff" in html and "Sprachcafé" not in html, page

    # A bulk action through A takes the offer off B's pages too.
    status, _ = staff.post_form("/admin/offers/offer/", {"action": "unpublish", "_selected_action": [offer.pk]})
    assert status == 302
    for page in pages:
        assert "Sprachtreff" not in Browser(b).get(page)[1], page


def test_a_bulk_update_is_on_the_next_cached_page(unna):
    offer = OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])
    url = "/de/offers/?municipality=unna"
    assert "Sprachcafé" in Client().get(url).content.decode()
    Offer.objects.filter(pk=offer.pk).update(title_de="Sprachtreff")
    assert "Sprachtreff" in Client().get(url).content.decode()
    Category.objects.filter(pk=offer.category_id).update(name_de="Treffpunkte")
    assert "Treffpunkte" in Client().get(url).content.decode()
    Municipality.objects.filter(pk=unna.pk).update(population=123456)
    assert "<bdi>123.456</bdi>" in Client().get("/de/towns/unna/").content.decode()
    Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.DRAFT)
    assert ids(Client().get(url)) == []


def stored_catalogue_version():
    return CatalogueVersion.objects.get(pk=1).version


@pytest.mark.parametrize(
    "factory",
    [
        OfferFactory,
        ProviderFactory,
        LocationFactory,
        CategoryFactory,
        TargetGroupFactory,
        IntegrationCourseFactory,
        MunicipalityFactory,
        DistrictFactory,
    ],
)
def test_saving_or_deleting_anything_public_pages_show_bumps_the_catalogue_version(factory):
    entry = factory()
    for write in (entry.save, entry.delete):
        before = stored_catalogue_version()
        write()
        assert stored_catalogue_version() > before, write


def test_an_offers_places_and_target_groups_bump_the_catalogue_version_and_its_providers_editors_do_not(
    django_user_model,
):
    offer = OfferFactory()
    for change in (
        lambda: offer.locations.add(LocationFactory()),
        lambda: offer.target_groups.add(TargetGroupFactory()),
        offer.locations.clear,
        offer.target_groups.clear,
    ):
        before = stored_catalogue_version()
        change()
        assert stored_catalogue_version() > before
    before = stored_catalogue_version()
    offer.provider.editors.add(django_user_model.objects.create_user("redaktion"))
    assert stored_catalogue_version() == before  # no public page shows who edits a provider


def test_a_page_from_the_cache_costs_one_query_the_catalogue_version(unna, django_assert_num_queries):
    OfferFactory(locations=[LocationFactory(municipality=unna)])
    url = "/de/offers/?municipality=unna"
    Client().get(url)
    with django_assert_num_queries(1) as queries:
        assert Client().get(url).status_code == 200
    assert "portal_catalogueversion" in queries.captured_queries[0]["sql"]


def test_an_offer_that_left_the_site_since_its_list_was_cached_is_not_on_a_caseworkers_list(client, unna):
    """The day after its visible-until date an offer leaves the site without any save, so
    without a new catalogue version: the cached ids of a list must not bring it back."""
    leaving = OfferFactory(
        title_de="Kurs bis heute", visible_until=timezone.localdate(), locations=[LocationFactory(municipality=unna)]
    )
    staying = OfferFactory(title_de="Kurs für immer", locations=[LocationFactory(municipality=unna)])
    url = "/de/offers/?municipality=unna"
    client.post("/de/handout/quick-mode/", {"on": "1", "next": url})  # a caseworker's session
    assert sorted(ids(client.get(url))) == sorted([leaving.pk, staying.pk])
    with connection.cursor() as cursor:  # midnight passes
        cursor.execute(
            "UPDATE offers_offer SET visible_until = %s WHERE id = %s",
            [timezone.localdate() - datetime.timedelta(days=1), leaving.pk],
        )
    page = client.get(url)
    assert ids(page) == [staying.pk]
    assert f"/offers/{leaving.pk}-" not in page.content.decode()


# A subprocess: inside a test, Django forbids connecting to a database the test did not declare.
WITH_A_REPLICA = """
import os, shutil
import django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test import Client
from municipalities.models import Municipality
from offers.factories import LocationFactory, OfferFactory

def replicate():
    connections["replica"].close()
    shutil.copyfile(os.environ["PRIMARY"], os.environ["REPLICA"])

call_command("migrate", verbosity=0)
"""


def run_with_a_replica(tmp_path, script):
    """The lines `script` prints, run after WITH_A_REPLICA in a process whose replica is a copy of the primary
    that `replicate()` brings up to date."""
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{primary}",
        "DATABASE_REPLICA_URL": f"sqlite:///{replica}",
        "PRIMARY": str(primary),
        "REPLICA": str(replica),
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", WITH_A_REPLICA + script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.stdout.splitlines(), result.stdout + result.stderr


LAGGING_REPLICA_SCRIPT = """
offer = OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=Municipality.objects.get(slug="unna"))])
replicate()
url = "/de/offers/?municipality=unna"
Client().get(url)
offer.title_de = "Sprachtreff"
offer.save()  # on the primary; the replica has not received it yet
print("lagging", "Sprachcafé" in Client().get(url).content.decode())
replicate()
print("caught up", "Sprachtreff" in Client().get(url).content.decode())
"""


def test_a_page_rendered_from_a_lagging_replica_is_not_kept_under_the_new_version(tmp_path):
    printed, output = run_with_a_replica(tmp_path, LAGGING_REPLICA_SCRIPT)
    assert printed == ["lagging True", "caught up True"], output


# The replica catches up while the first search after an edit builds its vocabulary from it.
VOCABULARY_FROM_A_LAGGING_REPLICA_SCRIPT = """
from offers import search
from offers.models import Category, Synonym

course = Category.objects.get(slug="integrationskurs")
OfferFactory(title_de="Sprachcafé", category=course, locations=[LocationFactory(municipality=Municipality.objects.get(slug="unna"))])
replicate()
Client().get("/de/offers/?q=beratung")  # a search: the vocabulary is kept in this process
Synonym.objects.create(words_de="Wortkurs", category=course)  # on the primary; the replica has not received it yet
built = search.build_vocabulary

def built_then_replicated():
    vocabulary = built()  # from the lagging replica
    replicate()  # meanwhile the replica catches up
    return vocabulary

search.build_vocabulary = built_then_replicated
Client().get("/de/offers/?q=beratung")
search.build_vocabulary = built
for _ in range(2):
    print("Sprachcafé" in Client().get("/de/offers/?q=wortkurs").content.decode())
"""


def test_what_a_process_keeps_is_not_built_from_a_replica_that_caught_up_only_meanwhile(tmp_path):
    """Kept in the process under the version read before: built from a replica that lagged behind that
    version, the search's vocabulary missed a synonym KI staff had just added until the next edit."""
    printed, output = run_with_a_replica(tmp_path, VOCABULARY_FROM_A_LAGGING_REPLICA_SCRIPT)
    assert printed == ["True", "True"], output


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_transaction_saving_several_offers_and_an_edit_of_one_of_them_both_go_through(unna):
    """An XLIFF import saves many offers in one transaction while an editor saves one of them.
    Were the version bumped after each row, each would hold a row the other waits for."""
    first, second = OfferFactory(title_de="Eins"), OfferFactory(title_de="Zwei")
    first_saved, edit_done = threading.Event(), threading.Event()
    errors = []

    def import_both():
        try:
            with transaction.atomic():
                first.title_de = "Eins (importiert)"
                first.save()
                first_saved.set()
                edit_done.wait(timeout=3)  # the editor's save is under way meanwhile (or waits for us)
                second.title_de = "Zwei (importiert)"
                second.save()
        except Exception as error:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(error)
        finally:
            connection.close()

    def edit_second():
        first_saved.wait(timeout=10)
        try:
            with transaction.atomic():
                edited = Offer.objects.get(pk=second.pk)
                edited.summary_de = "Von Hand ergänzt"
                edited.save()
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            edit_done.set()
            connection.close()

    threads = [threading.Thread(target=import_both), threading.Thread(target=edit_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Offer.objects.get(pk=first.pk).title_de == "Eins (importiert)"
    assert Offer.objects.get(pk=second.pk).summary_de == "Von Hand ergänzt"  # saved last, after the import


def test_offers_loaded_by_a_management_command_are_on_the_next_cached_page():
    url = "/de/offers/?q=synthetisches"
    assert ids(Client().get(url)) == []
    call_command("load_demo", "--scale", "5", "--municipalities", "10")  # bulk_create, no save() signals
    shown = set(ids(Client().get(url)))
    assert shown and shown == set(Offer.objects.published().values_list("pk", flat=True))
