"""Translator exchange in XLIFF 1.2, the format CAT tools (Trados, memoQ, OmegaT) all read.

Each text is a trans-unit `offer-<id>-<field>` with the German source and the
target (empty where missing, the old text where outdated). On import, a unit
whose German source no longer matches the live German text is refused: the
translator worked from an old original. Uploads are parsed with defusedxml and
no DOCTYPE, so entity bombs and external entities never expand.
"""

import codecs
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_untrusted
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Offer
from .translations import fingerprint, translated_field_names, translation_codes

NS = "urn:oasis:names:tc:xliff:document:1.2"
MAX_BYTES = 5 * 1024 * 1024


def export_xliff(offers, language):
    """All missing or outdated texts of `offers` in `language`, as XLIFF bytes."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", version="1.2")
    file = ET.SubElement(
        root,
        f"{{{NS}}}file",
        {
            "original": "wel-komm-in/offers",
            "source-language": "de",
            "target-language": language,
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(file, f"{{{NS}}}body")
    for offer in offers:
        sources = offer.translation_sources.get(language, {})
        for name in translated_field_names(Offer):
            german = getattr(offer, f"{name}_de")
            target = getattr(offer, f"{name}_{language}") or ""
            if not german or (target and sources.get(name) == fingerprint(german)):
                continue  # nothing to translate, or a current translation
            unit = ET.SubElement(body, f"{{{NS}}}trans-unit", {"id": f"offer-{offer.pk}-{name}", "resname": name})
            ET.SubElement(unit, f"{{{NS}}}source", {"xml:lang": "de"}).text = german
            ET.SubElement(
                unit,
                f"{{{NS}}}target",
                {"xml:lang": language, "state": "needs-translation" if not target else "needs-review-translation"},
            ).text = target
            ET.SubElement(unit, f"{{{NS}}}note").text = offer.title_de
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass
class ImportPlan:
    language: str = ""
    text: str = ""  # the file decoded, kept in the session between preview and confirm
    changes: list = field(default_factory=list)  # (offer, field, old, new)
    problems: list = field(default_factory=list)  # (unit id, message)

    @property
    def ok(self):
        return not self.problems and bool(self.changes)


def plan_import(data):
    """Read an XLIFF file and check every unit against the database; writes nothing."""
    plan = ImportPlan()
    if len(data) > MAX_BYTES:
        plan.problems.append(("", _("Die Datei ist größer als 5 MB.")))
        return plan
    plan.text = decoded(data)
    if plan.text is None:
        plan.problems.append(
            (
                "",
                _(
                    "Die Datei ist weder in UTF-8 noch in UTF-16 (mit BOM) gespeichert; bitte als UTF-8 speichern und neu hochladen."
                ),
            )
        )
        return plan
    try:
        root = parse_untrusted(plan.text, forbid_dtd=True)
    except DefusedXmlException:
        plan.problems.append(("", _("Die Datei enthält eine DOCTYPE-Angabe; solche Dateien nehmen wir nicht an.")))
        return plan
    except ET.ParseError as error:
        plan.problems.append(("", _("Das ist keine lesbare XLIFF-Datei (%(error)s).") % {"error": error}))
        return plan
    file = root.find(f"{{{NS}}}file")
    language = file.get("target-language", "") if file is not None else ""
    if language not in translation_codes():
        plan.problems.append(("", _("Unbekannte Zielsprache „%(language)s“.") % {"language": language}))
        return plan
    plan.language = language
    units = root.iter(f"{{{NS}}}trans-unit")
    parsed = []
    for unit in units:
        unit_id = unit.get("id", "")
        parts = unit_id.split("-")
        source = text_content(unit.find(f"{{{NS}}}source"))
        target = text_content(unit.find(f"{{{NS}}}target")).strip()
        if (
            len(parts) != 3
            or parts[0] != "offer"
            or not parts[1].isdigit()
            or parts[2] not in translated_field_names(Offer)
        ):
            plan.problems.append((unit_id, _("Unbekannte Kennung.")))
            continue
        parsed.append((unit_id, int(parts[1]), parts[2], source, target))
    offers = Offer.objects.in_bulk([offer_id for _unit, offer_id, *_rest in parsed])
    for unit_id, offer_id, name, source, target in parsed:
        offer = offers.get(offer_id)
        if offer is None:
            plan.problems.append((unit_id, _("Dieses Angebot gibt es nicht (mehr).")))
        elif source != getattr(offer, f"{name}_de"):
            plan.problems.append(
                (unit_id, _("Der deutsche Text wurde seit dem Export geändert: bitte neu exportieren."))
            )
        elif target and target != getattr(offer, f"{name}_{language}"):
            plan.changes.append((offer, name, getattr(offer, f"{name}_{language}") or "", target))
    return plan


def decoded(data):
    """The file as text if it is UTF-8 (with or without BOM) or UTF-16 with BOM, else None.

    The XML parser then reads text, not bytes, so an encoding the declaration names is moot.
    A UTF-16 file without BOM reads as "UTF-8" full of NUL characters, which XML never has.
    """
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def text_content(element):
    """All text of a source or target, also inside the inline elements CAT tools write
    (`<g>`, `<mrk>`, around `<x/>` placeholders)."""
    return "".join(element.itertext()) if element is not None else ""


@transaction.atomic
def apply_import(plan):
    """All of it or nothing: one transaction, and only a plan without problems."""
    if not plan.ok:
        raise ValueError("refusing to apply an import plan with problems")
    offers = {}
    for offer, name, _old, new in plan.changes:
        offer = offers.setdefault(offer.pk, offer)
        setattr(offer, f"{name}_{plan.language}", new)
    for offer in offers.values():
        offer.save()
    return len(plan.changes)
