from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from glossary.linking import link_terms, linkable_terms

register = template.Library()


@register.simple_tag(takes_context=True)
def glossary_links(context, text):
    """`text` (escaped here unless already safe HTML) with glossary words linked to their explanation.

    Each term is linked once per page, at its first occurrence in the page's order.
    """
    seen = context.render_context.setdefault("glossary_linked", set())
    linked = link_terms(conditional_escape(text), linkable_terms(), seen)
    return mark_safe(linked)  # noqa: S308 (the text is escaped; the links are built from escaped parts)
