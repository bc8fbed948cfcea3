def open_data(request):
    """The data licence for the footer of every page (settings.DATA_LICENCE)."""
    from django.conf import settings

    return {"data_licence": settings.DATA_LICENCE}
