from django import template

from portal import i18n

register = template.Library()


@register.filter
def one_decimal(value):
    """12.345 -> '12,3' in the current language; empty for no value."""
    return "" if value is None else i18n.number(round(value, 1))


@register.filter
def share(value):
    """0.5 -> '50,0 %' in the current language; '–' for no value."""
    return "–" if value is None else i18n.percent(round(value * 100, 1))
