import re

from django import template
from django.utils.safestring import mark_safe

from portal import i18n

register = template.Library()


@register.simple_tag
def fallback_lang(instance, field):
    """` lang="de"` on the element that shows German in place of a missing translation."""
    return mark_safe(i18n.fallback_lang(instance, field))  # noqa: S308 (a fixed attribute or nothing)


@register.filter
def number(value):
    return i18n.number(value)


@register.filter
def percent(value):
    return i18n.percent(value)


@register.filter
def kilometres(value):
    """2.4 -> '2,4 km' in the current language."""
    return i18n.kilometres(value)


@register.filter
def and_list(items):
    """Items joined as the current language joins a list ('A, B und C'; Arabic with 'و')."""
    return i18n.and_list(items)


@register.filter
def tel_href(number):
    """'02303 27-1234' -> 'tel:+492303271234', which every phone dials."""
    digits = re.sub(r"[^\d+]", "", number or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+49" + digits[1:]
    return f"tel:{digits}"
