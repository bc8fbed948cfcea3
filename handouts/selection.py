"""The caseworker's selection of offers, kept in the session: no account, no client data."""

LIMIT = 20


class HandoutSelection:
    SESSION_KEY = "handout_offers"

    def __init__(self, session):
        self.session = session

    @property
    def ids(self):
        return list(self.session.get(self.SESSION_KEY, []))

    def add(self, offer_id):
        """Add an offer; False when the handout is already full."""
        ids = self.ids
        if offer_id in ids:
            return True
        if len(ids) >= LIMIT:
            return False
        self._save([*ids, offer_id])
        return True

    def remove(self, offer_id):
        self._save([pk for pk in self.ids if pk != offer_id])

    def keep_only(self, offer_ids):
        keep = set(offer_ids)
        self._save([pk for pk in self.ids if pk in keep])

    def clear(self):
        self._save([])

    def _save(self, ids):
        # Unchanged, not written: a visitor who selected nothing gets no session row or cookie.
        if ids != self.ids:
            self.session[self.SESSION_KEY] = ids


def offer_id(text):
    """'12' -> 12; None for anything else. ASCII digits only: str.isdigit() also
    accepts '²' and '①', which int() refuses."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None


def parse_offer_ids(text):
    """'12,40,7' -> [12, 40, 7]: digits only, no repeats, order kept."""
    ids = []
    for part in (text or "").split(","):
        pk = offer_id(part)
        if pk is not None and pk not in ids:
            ids.append(pk)
    return ids
