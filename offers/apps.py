from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Angebote")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from municipalities.models import District, Municipality

        from . import cache, models

        shown_publicly = (models.Offer, models.Provider, models.Location, models.Category, models.TargetGroup,
                          models.IntegrationCourse, Municipality, District)
        for model in shown_publicly:
            post_save.connect(cache.catalogue_changed, sender=model, dispatch_uid=f"catalogue-save-{model.__name__}")
            post_delete.connect(cache.catalogue_changed, sender=model, dispatch_uid=f"catalogue-delete-{model.__name__}")
        for through in (models.Offer.locations.through, models.Offer.target_groups.through):
            m2m_changed.connect(cache.catalogue_changed, sender=through, dispatch_uid=f"catalogue-m2m-{through.__name__}")
