"""What a browser posts for the offer admin form, for tests that go through the admin."""

# The offer admin's inline formsets and their most forms: the integration course facts, runs, weekly hours, closures.
INLINES = {"course": "1", "runs": "1000", "weekly_hours": "1000", "closures": "1000"}


def management_form(prefix="course", total=0, initial=0, runs=None, inlines=INLINES):
    """The inline formsets' bookkeeping fields: `prefix` with `total` forms, the others empty.

    `runs`: (total, initial) forms of the runs inline beside `prefix`; none by default.
    """
    counts = dict.fromkeys(inlines, (0, 0)) | {"runs": runs or (0, 0), prefix: (total, initial)}
    data = {}
    for name, (forms, initial_forms) in counts.items():
        data.update(
            {
                f"{name}-TOTAL_FORMS": str(forms),
                f"{name}-INITIAL_FORMS": str(initial_forms),
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": inlines.get(name, "1000"),
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
        **({"closed_on_public_holidays": "on"} if offer.closed_on_public_holidays else {}),
        **management_form(),
        **changes,
    }
