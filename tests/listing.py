"""The days tests set runs on and what they read off list pages: one copy for every test module."""

import datetime
import re

from django.utils import timezone

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


def titles(response):
    """The cards' titles of a list page, in the order shown."""
    assert response.status_code == 200
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', response.content.decode())
