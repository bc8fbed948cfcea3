from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Angebote")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

        from municipalities.models import District, Municipality
        from portal.catalogue import catalogue_changed

        from . import models

        shown_publicly = (models.Offer, models.Provider, models.Location, models.Category, models.TargetGroup,
                          models.IntegrationCourse, Municipality, District)
        # Before and after each write: catalogue_changed() picks the one that keeps the version right.
        signals = {"pre-save": pre_save, "save": post_save, "pre-delete": pre_delete, "delete": post_delete}
        for model in shown_publicly:
            for name, signal in signals.items():
                signal.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue-{name}-{model.__name__}")
        for through in (models.Offer.locations.through, models.Offer.target_groups.through):
            m2m_changed.connect(catalogue_changed, sender=through, dispatch_uid=f"catalogue-m2m-{through.__name__}")
