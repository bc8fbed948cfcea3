"""The caseworker's selection of offers, kept in the session: no account, no client data."""

LIMIT = 20


class HandoutSelection:
    SESSION_KEY = "handout_offers"

    def __init__(self, session):
        self.session = session

    @property
    def ids(self):
        return list(self.session.get(self.SESSION_KEY, []))

    def __contains__(self, offer_id):
        return offer_id in self.ids

    def __len__(self):
        return len(self.ids)

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
        self.session[self.SESSION_KEY] = ids


def parse_offer_ids(text):
    """'12,40,7' -> [12, 40, 7]: digits only, no repeats, order kept."""
    ids = []
    for part in (text or "").split(","):
        part = part.strip()
        if part.isdigit() and len(part) < 12 and int(part) not in ids:
            ids.append(int(part))
    return ids
