"""The yearly report's figures as CSV rows: one row per town, every figure beside its source and date."""

from django.conf import settings
from django.utils.translation import gettext as _

from offers.languages import language_name


def rounded(value, digits=1):
    return "" if value is None else f"{value:.{digits}f}"


def csv_rows(rows):
    """`rows`: (TownIndicators, gap sentences) pairs of one report (the same categories each)."""
    if not rows:
        return [[_("Stadt oder Gemeinde")]]
    categories = rows[0][0].categories
    codes = [code for code, _name in settings.LANGUAGES]
    header = [_("Stadt oder Gemeinde"), _("Amtlicher Gemeindeschlüssel (AGS)")]
    for label in (_("Einwohner insgesamt"), _("Personen mit Migrationshintergrund"), _("Ausländerinnen und Ausländer")):
        header += [label, _("%(figure)s: Jahr") % {"figure": label}, _("%(figure)s: Quelle") % {"figure": label}]
    header += [_("Angebote"), _("Angebote je 1.000 Personen mit Migrationshintergrund")]
    header += [_("Angebote: %(category)s") % {"category": category.name} for category in categories]
    header += [
        _("Offene Sprechstunden je Woche (Stunden)"),
        _("Kurse mit freien Plätzen in den nächsten 6 Wochen"),
        _("Angebote im Ort"),
        _("Anteil in den letzten 12 Monaten geprüft (%)"),
        _("Offene Meldungen"),
    ]
    for code in codes:
        name = language_name(code)
        header += [
            _("Seitenaufrufe auf %(language)s") % {"language": name},
            _("Beratung auf %(language)s") % {"language": name},
            _("Übersetzt auf %(language)s (%%)") % {"language": name},
        ]
    header += [_("Seitenaufrufe von"), _("Seitenaufrufe bis"), _("Angebotszahlen Stand"), _("Lücken")]
    lines = [header]
    for indicators, gaps in rows:
        line = [indicators.town.name, indicators.town.official_key]
        for figure in (indicators.population, indicators.migration_background, indicators.foreigners):
            line += [figure.value, figure.year, figure.source]
        line += [indicators.offers_total, rounded(indicators.per_thousand(indicators.offers_total))]
        line += [indicators.offers_per_category.get(category.pk, 0) for category in categories]
        share = indicators.reviewed_share
        line += [
            rounded(indicators.walk_in_hours),
            indicators.free_place_courses,
            indicators.local_offers,
            "" if share is None else rounded(share * 100),
            indicators.open_reports,
        ]
        for language in indicators.language_rows():
            line += [
                language["views"],
                _("ja") if language["counselling"] else _("nein"),
                "" if language["share"] is None else rounded(language["share"] * 100),
            ]
        line += [
            indicators.usage_since.isoformat(),
            indicators.usage_until.isoformat(),
            indicators.as_of.isoformat(),
            "; ".join(gaps),
        ]
        lines.append(line)
    return lines
