from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The fictitious demo catalogue, the synthetic NRW catalogue for benchmarks, and the demo login."""

    name = "demo"
    verbose_name = "Demo-Daten"
