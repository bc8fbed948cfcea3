"""What `review_reminders` lists beside overdue and expiring offers: other apps add their reasons.

An app registers `reasons(offers)` with `add_reminder_reasons`: given the offers queryset, it
returns {offer id: [reason, …]} (reports/apps.py adds the open reports on each offer), so the
command needs to know none of them.
"""

REMINDER_REASONS = []


def add_reminder_reasons(reasons):
    """Registers `reasons(offers)`; usable as a decorator."""
    if reasons not in REMINDER_REASONS:
        REMINDER_REASONS.append(reasons)
    return reasons


def other_reasons(offers):
    """{offer id: [reason, …]} from every registered app."""
    found = {}
    for reasons in REMINDER_REASONS:
        for pk, texts in reasons(offers).items():
            found.setdefault(pk, []).extend(texts)
    return found
