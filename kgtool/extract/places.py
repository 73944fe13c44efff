"""China's provincial, prefecture- and county-level divisions, found by the names texts use for them.

The divisions come from data/divisions.tsv (its header says where the rows come
from). A plan names its own jurisdiction by full name (浙江省, 杭州市) or short name
(浙江, 杭州); `division` finds one name, `divisions_named` counts every division a
text names, from which a plan's jurisdiction can be proposed.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "divisions.tsv"

# Short names that are also common words or parts of other names, so a match in running
# text is more often not the place: 大同 (世界大同), 中山 (中山装, 孙中山), 安康 (平安安康),
# 长治 (长治久安), 日照, 白银, 黄山, 大理 (大理石), 普洱 (普洱茶), 和田 (和田玉), 阿里 (阿里巴巴),
# 三明 (三明治), 四平 (四平八稳), 白山, 海西 (Fujian's 海峡西岸), 红河, 黑河; and two that
# straddle common words: 承德 (传承德化陶瓷, in the Fujian plan) and 丽江 (美丽江苏, 美丽江西).
# Their full names (大同市, 中山市 …) still count.
_SHORT_NAMES_THAT_ARE_WORDS = frozenset(
    "大同 中山 安康 长治 日照 白银 黄山 大理 普洱 和田 阿里 三明 四平 白山 海西 红河 黑河 承德 丽江".split()
)


@dataclass(frozen=True)
class Division:
    adcode: str
    name: str
    short: str
    slug: str
    level: str  # a local name of ontology/vocab/level.ttl: national, provincial, prefectural
    parent: str | None  # the province's slug
    english: str
    english_short: str = ""  # the English name without its designation: "Zhejiang", "Yanbian"
    prefecture: str | None = None  # for a county-level division, the prefecture it lies in

    @property
    def within(self) -> str:
        """The slug of the place it lies in: its prefecture, its province, or the country."""
        return self.prefecture or self.parent or "cn"


NATIONAL = Division("100000", "全国", "中国", "cn", "national", None, "China (national level)", "China")
_NATIONAL_NAMES = ("全国", "中国", "中华人民共和国")


@cache
def all_divisions() -> tuple[Division, ...]:
    """Every provincial and prefecture-level division of the table, provinces first."""
    with DATA.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return tuple(
            Division(r["adcode"], r["name"], r["short"], r["slug"], r["level"], r["parent"] or None,
                     r["english"], r["english_short"], r["prefecture"] or None)
            for r in rows
        )


@cache
def _by_slug() -> dict[str, Division]:
    return {d.slug: d for d in (NATIONAL, *all_divisions())}


@cache
def _by_name() -> dict[str, Division]:
    """Full names, then short names; a short name shared by a province and a city (吉林, 海南)
    means the province, as it does when a text uses it alone."""
    names: dict[str, Division] = {name: NATIONAL for name in _NATIONAL_NAMES}
    wide = [d for d in all_divisions() if d.level != "county"]
    for d in wide:
        names[d.name] = d
    for d in wide:  # provinces come first, so they keep a shared short name
        names.setdefault(d.short, d)
    names.update(_county_names())
    return names


def _county_names() -> dict[str, Division]:
    """A county-level division by its full name where no other shares it (义乌市), and by its
    prefecture's or province's name before it (景德镇市珠山区, 北京市朝阳区) always."""
    counties = [d for d in all_divisions() if d.level == "county"]
    shared = Counter(d.name for d in counties)
    names = {d.name: d for d in counties if shared[d.name] == 1}
    for d in counties:
        for above in filter(None, (_by_slug().get(d.prefecture or ""), _by_slug().get(d.parent or ""))):
            names[above.name + d.name] = d
    return names


def division(name: str) -> Division | None:
    """The division a name denotes (全国/中国 → NATIONAL; 浙江省/浙江 → zj; 杭州市/杭州 →
    zj-hangzhou), or None if the name is no division's."""
    return _by_name().get(name.strip())


def division_by_slug(slug: str) -> Division | None:
    return _by_slug().get(slug)


def province_of(d: Division) -> Division:
    """The province a division lies in: itself for a province (and for NATIONAL); a
    county-level division's `parent` is its province too."""
    return _by_slug()[d.parent] if d.parent else d


@cache
def _unambiguous_names() -> dict[str, Division]:
    """Names that identify one division in running text: every full name, and every short
    name that is not a common word, a shared one (吉林, 海南) meaning the province as in
    `division`."""
    names = {short: d for short, d in _by_name().items()
             if d is not NATIONAL and d.level != "county" and short not in _SHORT_NAMES_THAT_ARE_WORDS}
    names.update({d.name: d for d in all_divisions() if d.level != "county"})
    return names


@cache
def _name_pattern() -> re.Pattern[str]:
    # Longest first, so 浙江省 is read once as itself and not also as 浙江.
    names = sorted(_unambiguous_names(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def divisions_named(text: str) -> Counter[Division]:
    """How often each division is named in `text`, reading left to right without overlaps.

    全国 and 中国 are not counted: every provincial plan says 全国, so they would say
    nothing about a plan's own jurisdiction.
    """
    names = _unambiguous_names()
    return Counter(names[match.group()] for match in _name_pattern().finditer(text))


__all__ = ["Division", "NATIONAL", "all_divisions", "division", "division_by_slug", "divisions_named",
           "province_of"]
