"""What a browser posts for the offer admin form, for tests that go through the admin."""

# The offer admin's inline formsets: the integration course facts, weekly hours, closures.
INLINES = {"course": "1", "weekly_hours": "1000", "closures": "1000"}


def management_form(prefix="course", total=0, initial=0, inlines=INLINES):
    """The inline formsets' bookkeeping fields: `prefix` with `total` forms, the other inlines empty."""
    data = {}
    for name, max_num in inlines.items():
        data.update(
            {
                f"{name}-TOTAL_FORMS": str(total if name == prefix else 0),
                f"{name}-INITIAL_FORMS": str(initial if name == prefix else 0),
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": max_num,
            }
        )
    return data
