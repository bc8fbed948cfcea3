"""Texts in the asked language, with the German fallback noted per object and field."""

from django.conf import settings


class Texts:
    """Reads translated fields in one language and remembers where German stood in.

    `fallbacks` ({object id: [field, …]}) goes into every response's metadata, so a client can
    mark those texts as German (lang="de") as the portal's own pages do.
    """

    def __init__(self, language):
        self.language = language
        self.fallbacks = {}

    def __call__(self, row, field, object_id, name=None):
        text = getattr(row, f"{field}_{self.language}", "") or ""
        if not text and self.language != settings.LANGUAGE_CODE:
            text = getattr(row, f"{field}_{settings.LANGUAGE_CODE}", "") or ""
            fields = self.fallbacks.setdefault(str(object_id), []) if text else None
            if text and (name or field) not in fields:
                fields.append(name or field)
        return text

    def fallback_list(self):
        return [{"id": object_id, "fields": fields} for object_id, fields in self.fallbacks.items()]
