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


def offer_post(offer, **changes):
    """A valid edit of `offer` as its editor would post it, with `changes` on top."""
    return {
        "title_de": offer.title_de,
        "summary_de": offer.summary_de,
        "category": str(offer.category_id),
        "provider": str(offer.provider_id),
        "format": offer.format,
        "locations": [str(location.pk) for location in offer.locations.all()],
        **management_form(),
        **changes,
    }
