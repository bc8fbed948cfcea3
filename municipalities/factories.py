import factory

from .models import District, Municipality


class CensusFiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    population = 10000
    population_without_migration_background = 8000
    population_with_migration_background = 2000
    migration_background_percent = "20.0"
    foreigners = 700
    foreigners_percent = "7.0"
    census_year = 2011
    census_source = "Testdaten"


class DistrictFactory(CensusFiguresFactory):
    class Meta:
        model = District
        django_get_or_create = ["key"]

    name = factory.Sequence(lambda n: f"Testkreis {n}")
    slug = factory.Sequence(lambda n: f"testkreis-{n}")
    key = factory.Sequence(lambda n: f"{90000 + n:05d}")


class MunicipalityFactory(CensusFiguresFactory):
    class Meta:
        model = Municipality

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Teststadt {n}")
    slug = factory.Sequence(lambda n: f"teststadt-{n}")
    official_key = factory.Sequence(lambda n: f"{90000000 + n:08d}")
    postal_codes = factory.Sequence(lambda n: f"{80000 + n:05d}")
