from django import template

from portal import i18n

register = template.Library()


@register.filter
def decimals(value, digits=1):
    """12.345 -> '12,3' (or with `digits` places: '12,35') in the current language; empty for no value."""
    return "" if value is None else i18n.number(round(value, int(digits)))


@register.filter
def share(value):
    """0.5 -> '50,0 %' in the current language; '–' for no value."""
    return "–" if value is None else i18n.percent(round(value * 100, 1))
