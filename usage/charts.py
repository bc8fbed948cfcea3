"""The usage figures as server-rendered SVG line charts: no JavaScript, text as SVG <text>."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality

from .models import DailyCount

DAYS = 8 * 7
WIDTH, HEIGHT = 760, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 28
SERIES = 6  # the largest, the rest summed as "other"
COLOURS = ["#1b6fb3", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0f766e", "#6b7280"]
PAGE_TYPES = {
    "home": _("Startseite"),
    "offer_list": _("Angebotsliste"),
    "offer_detail": _("Angebot"),
    "provider_detail": _("Träger"),
    "category_detail": _("Kategorie"),
    "municipality_detail": _("Ort"),
    "page_detail": _("Informationsseite"),
    "handout": _("Handreichung"),
    "report_form": _("Meldung"),
}
# Which rows a chart sums, and by which column.
CHARTS = {
    "page": (DailyCount.Kind.PAGE_VIEW, _("Seitenaufrufe je Seitentyp")),
    "language": (DailyCount.Kind.PAGE_VIEW, _("Seitenaufrufe je Sprache")),
    "town": (DailyCount.Kind.TOWN_VIEW, _("Seitenaufrufe je Ort")),
    "kind": (None, _("Suchen, Drucke und QR-Codes")),
}
OTHER_KINDS = [
    DailyCount.Kind.SEARCH,
    DailyCount.Kind.FAILED_SEARCH,
    DailyCount.Kind.HANDOUT_PRINT,
    DailyCount.Kind.QR_VISIT,
]


def first_day(today=None):
    return (today or timezone.localdate()) - timedelta(days=DAYS - 1)


def labels(column, values):
    if column == "page":
        return {value: str(PAGE_TYPES.get(value, value)) for value in values}
    if column == "language":
        names = dict(settings.LANGUAGES)
        return {value: str(names.get(value, value)) for value in values}
    if column == "town":
        names = dict(Municipality.objects.filter(slug__in=values).values_list("slug", "name"))
        return {value: names.get(value, value) for value in values}
    return {value: str(DailyCount.Kind(value).label) for value in values}


def series(rows, column, days):
    """[(label, [count per day])], the largest first, at most SERIES and "other"."""
    index = {day: position for position, day in enumerate(days)}
    per_value = {}
    for row in rows:
        per_value.setdefault(row[column], [0] * len(days))[index[row["day"]]] += row["count"]
    ordered = sorted(per_value.items(), key=lambda item: (-sum(item[1]), item[0]))
    names = labels(column, [value for value, _counts in ordered])
    found = [(names.get(value) or value, counts) for value, counts in ordered[:SERIES]]
    rest = ordered[SERIES:]
    if rest:
        found.append((str(_("Andere")), [sum(day) for day in zip(*(counts for _v, counts in rest), strict=True)]))
    return found


def chart(column, today=None):
    """What the template draws for one chart: the lines, the axes' labels, a legend and totals."""
    kind, title = CHARTS[column]
    start = first_day(today)
    days = [start + timedelta(days=offset) for offset in range(DAYS)]
    rows = DailyCount.objects.since(start).filter(day__lte=days[-1])
    if column == "kind":
        rows = rows.filter(kind__in=OTHER_KINDS)
    else:
        rows = rows.filter(kind=kind)
    grouped = rows.values("day", column).order_by().annotate(total=Sum("count")).values("day", column, "total")
    lines = series([{**row, "count": row["total"]} for row in grouped], column, days)
    top = max([max(counts) for _label, counts in lines] + [1])
    rtl = get_language_bidi()
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    # Coordinates as strings: the template would localise a float ("42,5"), which SVG reads as two.
    def x(position):
        offset = LEFT + plot_width * position / (DAYS - 1)
        return f"{WIDTH - offset if rtl else offset:.1f}"

    def y(value):
        return f"{TOP + plot_height * (1 - value / top):.1f}"

    drawn = [
        {
            "label": label,
            "colour": COLOURS[number % len(COLOURS)],
            "points": " ".join(f"{x(position)},{y(value)}" for position, value in enumerate(counts)),
            "total": sum(counts),
        }
        for number, (label, counts) in enumerate(lines)
    ]
    ticks = [
        {"x": x(position), "label": formats.date_format(days[position], "SHORT_DATE_FORMAT")}
        for position in range(0, DAYS, 14)
    ]
    levels = [{"y": y(value), "label": formats.number_format(value)} for value in sorted({0, top // 2, top})]
    return {
        "column": column,
        "title": title,
        "lines": drawn,
        "ticks": ticks,
        "levels": levels,
        "width": WIDTH,
        "height": HEIGHT,
        "axis_x": str(WIDTH - LEFT if rtl else LEFT),
        "axis_end": str(RIGHT if rtl else WIDTH - RIGHT),
        "label_x": str(WIDTH - LEFT + 6 if rtl else LEFT - 6),
        "baseline": str(HEIGHT - BOTTOM),
        "tick_y": str(HEIGHT - BOTTOM + 18),
        "rtl": rtl,
        "first": days[0],
        "last": days[-1],
    }


def csv_rows(today=None):
    start = first_day(today)
    yield ["day", "kind", "page", "language", "town", "count"]
    for row in DailyCount.objects.since(start).values_list("day", "kind", "page", "language", "town", "count"):
        yield [row[0].isoformat(), *row[1:]]
