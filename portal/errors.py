"""Error pages that Django would otherwise render without the portal's layout and language."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without its security token (expired session, old tab): say so and offer a way back.

    Django's own page is English and bare; the reason is for developers, not visitors.
    """
    return render(request, "403_csrf.html", status=403)
