from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Angebote")

    def ready(self):
        from portal.catalogue import watch_catalogue

        watch_catalogue(self.apps.get_models())
        post_migrate.connect(update_for_new_languages, sender=self)


def update_for_new_languages(sender, apps, using, **kwargs):
    """After migrate: offers stored before a language was added get its search text and state."""
    offer = sender.get_model("Offer")
    migrated = {field.name for field in apps.get_model("offers", "Offer")._meta.get_fields()}
    if {field.name for field in offer._meta.get_fields()} <= migrated:  # not when migrating backwards
        offer.objects.using(using).update_for_new_languages()
