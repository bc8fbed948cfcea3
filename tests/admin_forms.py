"""What a browser posts for the offer admin form, for tests that go through the admin."""


def management_form(prefix="course", total=0, initial=0, runs=None):
    """The inline formsets' bookkeeping fields: the integration course facts (`prefix`) and the runs.

    `runs`: (total, initial) forms of the runs inline; none by default.
    """
    counts = {"runs": runs or (0, 0), prefix: (total, initial)}
    data = {}
    for name, (forms, initial_forms) in counts.items():
        data.update(
            {
                f"{name}-TOTAL_FORMS": str(forms),
                f"{name}-INITIAL_FORMS": str(initial_forms),
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": "1000",
            }
        )
    return data
