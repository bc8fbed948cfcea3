from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Angebote")

    def ready(self):
        from portal.catalogue import watch_catalogue

        watch_catalogue(self.apps.get_models())
