"""What a browser posts for the offer admin form, for tests that go through the admin."""


def management_form(prefix="course", total=0, initial=0):
    """The inline formset's bookkeeping fields (the integration course facts are an inline)."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1",
    }
