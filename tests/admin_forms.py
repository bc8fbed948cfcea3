"""What a browser posts for the offer admin form, for tests that go through the admin."""


def management_form(prefix="course", total=0, initial=0):
    """The inline formset's bookkeeping fields (the integration course facts are an inline)."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1",
    }


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
