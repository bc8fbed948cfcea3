from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The editorial groups that may open the back office at all.
KI_EDITORS = "KI-Redaktion"
EDITOR_GROUPS = (KI_EDITORS,)


class PortalAdminSite(admin.AdminSite):
    site_header = _("Wel-KOMM-In – Redaktion")
    site_title = _("Wel-KOMM-In Redaktion")
    index_title = _("Angebote pflegen")

    def has_permission(self, request):
        # Being staff is not enough: only members of an editorial group work here.
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists()
