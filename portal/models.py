from django.db import models


class CatalogueVersion(models.Model):
    """One row whose number grows with every change to what public pages show.

    It is part of every cached page's and list's key (portal.catalogue, offers.cache). Kept in the database, not in
    a cache, so every process on every server sees a change in the same transaction as the change
    itself, with or without Redis.
    """

    version = models.BigIntegerField(default=1)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"Katalogstand {self.version}"
