import datetime

import factory
from django.utils import timezone

from municipalities.factories import MunicipalityFactory

from .models import (
    Category,
    Closure,
    CourseRun,
    HoursKind,
    IntegrationCourse,
    Location,
    Offer,
    Provider,
    TargetGroup,
    WeeklyHours,
)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Träger {n}")
    slug = factory.Sequence(lambda n: f"traeger-{n}")
    kind = Provider.Kind.WELFARE
    description_de = "Ein Träger für Tests."


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Beratungsstelle {n}")
    street = "Hauptstraße 1"
    municipality = factory.SubFactory(MunicipalityFactory)
    postal_code = factory.LazyAttribute(lambda location: location.municipality.postal_code_list()[0])


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"kategorie-{n}")
    name_de = factory.Sequence(lambda n: f"Kategorie {n}")
    explanation_de = "Eine Kategorie für Tests."


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")
    name_de = factory.Sequence(lambda n: f"Zielgruppe {n}")


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    title_de = factory.Sequence(lambda n: f"Angebot {n}")
    summary_de = "Ein Angebot für Tests."
    category = factory.SubFactory(CategoryFactory)
    provider = factory.SubFactory(ProviderFactory)
    status = Offer.Status.PUBLISHED
    last_reviewed = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.locations.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)


class IntegrationCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntegrationCourse

    offer = factory.SubFactory(
        OfferFactory, category=factory.LazyFunction(lambda: Category.objects.get(slug=Category.INTEGRATION_COURSE))
    )
    course_type = IntegrationCourse.CourseType.GENERAL
    teaching_units = 700


class WeeklyHoursFactory(factory.django.DjangoModelFactory):
    """Thursdays 9:00–12:00, walk-in; give a location or an offer."""

    class Meta:
        model = WeeklyHours

    weekday = 3
    opens_at = datetime.time(9)
    closes_at = datetime.time(12)
    kind = HoursKind.WALK_IN


def counselling_office(**location_fields):
    """A location with a walk-in hour on Thursdays 9–12 and appointments on Mondays 14–16."""
    location = LocationFactory(**location_fields)
    WeeklyHoursFactory(location=location)
    WeeklyHoursFactory(
        location=location,
        weekday=0,
        opens_at=datetime.time(14),
        closes_at=datetime.time(16),
        kind=HoursKind.APPOINTMENT,
    )
    return location


class ClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Closure

    reason_de = "Betriebsferien"


class CourseRunFactory(factory.django.DjangoModelFactory):
    """A run starting in four weeks, Monday to Friday 8:45–12:00, with free places reported today."""

    class Meta:
        model = CourseRun

    offer = factory.SubFactory(OfferFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(weeks=4))
    end_date = factory.LazyAttribute(lambda run: run.start_date and run.start_date + datetime.timedelta(weeks=26))
    weekdays = factory.LazyFunction(lambda: [1, 2, 3, 4, 5])
    class_start = datetime.time(8, 45)
    class_end = datetime.time(12, 0)
    intensity = CourseRun.Intensity.PART_TIME
    time_of_day = CourseRun.TimeOfDay.MORNING
    max_places = 20
    free_places = 8
    places_reported_on = factory.LazyFunction(timezone.localdate)
