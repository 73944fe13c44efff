"""Compose a new body from the form a plan prints, for a jurisdiction the registry lacks.

A plan names its bodies by short forms (省经信厅, 市委宣传部, and after a shared 省 just
教育厅). For a jurisdiction whose bodies graphs/agencies.ttl does not have yet, the
extractor proposes each body from that form: the place's full name and the function's
full name from data/functions.tsv (浙江省 + 经济和信息化厅), a slug in the registry's style
(<place>-<function>), an English name, a kind, a national counterpart and a confidence
in the composed name. A form the table does not know still gets a body, with a low
confidence and a note saying so. Sets of bodies (相关部门, 各设区市人民政府) are generic
actors, kept as printed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path


from .places import NATIONAL, Division, all_divisions, province_of
from .slugs import pinyin_slug

DATA = Path(__file__).parent / "data" / "functions.tsv"

# The Party's name as printed before a place (中共浙江省委宣传部, 共青团浙江省委员会); 中共 and
# 中国共产党 are one prefix in two lengths.
_PARTY_PREFIXES = ("中国共产党", "中共", "共青团")
_SAME_PREFIX = {"中国共产党": "中共"}
# Confidence of a body whose form the table does not know: its name as printed with the
# place supplied, or with the place printed (then only its function is unknown).
UNKNOWN_CONFIDENCE, UNKNOWN_FULL_CONFIDENCE = 0.3, 0.5
# A form that usually names a body of the other tier (市…局 in a provincial plan).
OTHER_TIER_CONFIDENCE = 0.5

# What marks a set of bodies rather than one body: 各… (各市人民政府, 省直各单位), 有关/相关
# (有关部门, 省有关单位, 相关行业协会), and the plural nouns 部门 and 单位 (财政部门, 成员单位);
# no single body's name ends in 部门 or 单位.
_GENERIC = re.compile(r"各|有关|相关|县级以上|部门$|单位$")
# The slug and English name agencies.ttl gives the generic actors it has, so that a new
# jurisdiction's 相关部门 reads like Guangdong's (gd-relevant-departments).
_GENERIC_NAMES = {
    "相关部门": ("relevant-departments", "relevant departments"),
    "各部门": ("all-departments", "all departments concerned"),
    "各有关部门": ("departments-concerned", "departments concerned"),
    "省直有关部门": ("provincial-departments-concerned", "provincial departments concerned"),
    "省直各单位": ("provincial-units", "provincial-level units"),
    "各有关单位": ("units-concerned", "units concerned"),
    "相关行业协会": ("relevant-industry-associations", "relevant industry associations"),
    "相关行业协会等中介组织": ("intermediary-organisations",
                      "relevant industry associations and other intermediary organisations"),
    "各设区市人民政府": ("district-city-governments", "people's governments of the prefecture-level cities"),
    "各地级以上市相关部门": ("prefecture-relevant-departments", "relevant departments of the prefecture-level cities"),
}
# The kind of a body the table does not know, guessed from how its name ends; checked in order.
_KIND_BY_ENDING = (
    (("集团", "公司"), "state-owned-enterprise"),
    (("协会", "学会", "商会", "联盟", "促进会"), "association"),
    (("研究院", "研究所", "研究中心", "中心", "馆", "大学", "学院", "学校", "电视台"), "public-institution"),
    (("人民政府", "管委会", "管理委员会"), "government"),
)


@dataclass(frozen=True)
class Function:
    function: str
    printed: str
    level: str  # provincial | municipal | both
    suffix: str
    prefix: str
    kind: str
    counterpart: str
    english: str
    confidence: float


@dataclass(frozen=True)
class NewBody:
    slug: str  # e.g. "zj-industry-it", "zj-hangzhou-industry-it"
    name_zh: str  # composed full name: 浙江省经济和信息化厅 / 中共浙江省委宣传部 / 杭州市经济和信息化局
    name_en: str  # "" where no English name could be composed (see note)
    printed: str  # the form as printed (an altLabel)
    kind: str  # agency-kind local name, or "" for a generic actor
    level: str  # a local name of ontology/vocab/level.ttl
    jurisdiction: str  # the Division slug
    counterpart: str | None
    confidence: float
    note: str  # one English sentence: what was printed, how the name was composed, what to check
    generic: bool


@cache
def functions() -> tuple[Function, ...]:
    """The rows of data/functions.tsv."""
    with DATA.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return tuple(Function(**{**row, "confidence": float(row["confidence"])}) for row in rows)


@cache
def _by_printed() -> dict[str, tuple[Function, ...]]:
    table: dict[str, list[Function]] = {}
    for row in functions():
        table.setdefault(row.printed, []).append(row)
    return {printed: tuple(rows) for printed, rows in table.items()}


def is_generic(printed: str) -> bool:
    """Whether a printed name stands for a set of bodies (各设区市人民政府, 省直有关部门, 相关行业协会)
    rather than one body."""
    return bool(_GENERIC.search(_squeeze(printed)))


def compose_body(printed: str, where: Division) -> NewBody:
    """The body `printed` names in a plan of jurisdiction `where`, composed from the table."""
    form = _squeeze(printed)
    if is_generic(form):
        return _generic_body(form, where)
    prefix, rest = _split_prefix(form)
    owner, rest, place_printed = _split_place(rest, where)
    if owner is NATIONAL:  # the table holds local bodies only
        return _unknown_body(form, prefix, rest, owner, place_printed)
    if place_printed and (row := _printed_in_full(form, owner)):
        return _body(row, owner, form, confidence=1.0, how="printed in full")
    explicit_place = place_printed or _without_marker(rest, owner) != rest
    found = _lookup(rest, owner, explicit_place)
    if found is None:
        return _unknown_body(form, prefix, rest, owner, place_printed)
    row, owner, confidence, how = found
    return _body(row, owner, form, confidence, how)


# Reading the printed form ---------------------------------------------------------------

def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _split_prefix(form: str) -> tuple[str, str]:
    for prefix in _PARTY_PREFIXES:
        if form.startswith(prefix):
            return prefix, form[len(prefix):]
    return "", form


def _split_place(text: str, where: Division) -> tuple[Division, str, bool]:
    """The division whose body `text` names and the rest of it: a place printed at the
    start (浙江省…, 杭州市…, 浙江…), else a leading 省 in a city's plan (its province), else
    `where` itself."""
    for name, division in _place_names(where):
        if text.startswith(name) and len(text) > len(name):
            return division, text[len(name):], True
    if text.startswith("省") and where.level in ("prefectural", "county"):
        return province_of(where), text, False
    return where, text, False


def _place_names(where: Division) -> list[tuple[str, Division]]:
    """Names a body's printed form may start with: every full name, then the short names of
    the plan's jurisdiction and its province (浙江经信厅)."""
    shorts = sorted({(d.short, d) for d in (where, province_of(where)) if d is not NATIONAL},
                    key=lambda pair: len(pair[0]), reverse=True)
    return [*_full_names(), *shorts]


@cache
def _full_names() -> list[tuple[str, Division]]:
    """Every division's full name, and an autonomous prefecture's short name with 州 (延边州),
    the form its bodies are printed with (延边州文广旅局)."""
    names = [(d.name, d) for d in all_divisions()]
    names += [(d.short + "州", d) for d in all_divisions() if d.name.endswith("自治州")]
    return sorted(names, key=lambda pair: len(pair[0]), reverse=True)


def _markers(owner: Division) -> tuple[str, ...]:
    """What a plan prints for its own tier before a body shared by a list (省经信厅, 市委宣传部,
    州委宣传部, 自治区党委宣传部); the longer first."""
    for ending, markers in (("自治区", ("自治区", "区")), ("自治州", ("州",)), ("地区", ("地区", "地")),
                            ("盟", ("盟",)), ("省", ("省",)), ("市", ("市",))):
        if owner.name.endswith(ending):
            return markers
    return ()


def _without_marker(rest: str, owner: Division) -> str:
    """`rest` without the tier marker it starts with; 市场… keeps its 市."""
    for marker in _markers(owner):
        if rest.startswith(marker) and not rest.startswith("市场"):
            return rest[len(marker):]
    return rest


def _tier(owner: Division) -> str:
    """provincial for a province or autonomous region (厅), municipal for any division
    whose departments are 局 or 委: cities, the four municipalities, prefectures, counties."""
    return "municipal" if owner.level in ("prefectural", "county") or owner.name.endswith("市") else "provincial"


def _lookup(rest: str, owner: Division, explicit_place: bool):
    """The table row for `rest` and the body's owner, with the confidence and how it was found."""
    for key in _keys(rest, owner):
        rows = _by_printed().get(key)
        if not rows:
            continue
        same_tier = [r for r in rows if r.level in (_tier(owner), "both")]
        if same_tier:
            return same_tier[0], owner, same_tier[0].confidence, f"the table's expansion of {key}"
        provincial = [r for r in rows if r.level == "provincial"]
        if provincial and owner.level in ("prefectural", "county") and not explicit_place:
            # A city's plan naming a provincial department after a shared or omitted 省.
            return provincial[0], province_of(owner), provincial[0].confidence, \
                f"the table's expansion of {key}, a provincial form, so the province's body"
        row = rows[0]
        return row, owner, min(row.confidence, OTHER_TIER_CONFIDENCE), \
            f"the table's expansion of {key}, a form usually of the other tier"
    return None


def _keys(rest: str, owner: Division) -> list[str]:
    """The forms to look `rest` up as: as printed (市场监管局, 省委宣传部), without its tier
    marker (省经信厅 → 经信厅), and a Party organ with the table's 省委/市委 (浙江省委宣传部,
    州委宣传部, 自治区党委宣传部 → 委宣传部 → 省委宣传部 or 市委宣传部)."""
    bare = _without_marker(rest, owner)
    keys = [rest, bare]
    organ = bare.removeprefix("党")
    if organ.startswith("委"):
        keys.append(("市" if _tier(owner) == "municipal" else "省") + organ)
    return keys


def _printed_in_full(form: str, owner: Division) -> Function | None:
    """The row whose full name for `owner` is exactly the printed form (浙江省经济和信息化厅)."""
    return next((row for row in functions()
                 if row.level in (_tier(owner), "both") and _full_name(row, owner) == form), None)


# Composing the body ----------------------------------------------------------------------

def _full_name(row: Function, owner: Division) -> str:
    suffix = row.suffix
    if suffix.startswith("委") and not suffix.startswith("委员会") and owner.name[-1] not in "省市":
        suffix = "委员会" + suffix[1:]  # 广西壮族自治区委员会宣传部, not 广西壮族自治区委宣传部
    return row.prefix + owner.name + suffix


def _committee_en(owner: Division) -> str:
    """The English name of the division's Party committee, without “CPC”."""
    if owner.name.endswith("省"):
        return f"{owner.english_short} Provincial Committee"
    if owner.name.endswith("市"):
        return f"{owner.english_short} Municipal Committee"
    # Guangxi Zhuang Autonomous Regional Committee, Aksu Prefectural Committee, Xilingol League Committee
    english = re.sub(r"Region$", "Regional", owner.english)
    return re.sub(r"Prefecture$", "Prefectural", english) + " Committee"


def _body(row: Function, owner: Division, form: str, confidence: float, how: str) -> NewBody:
    name = _full_name(row, owner)
    english = row.english.format(place=owner.english, short=owner.english_short, committee=_committee_en(owner))
    counterpart = row.counterpart or None
    if owner.level != "provincial":
        counterpart = None  # icp:nationalCounterpart is defined for provincial bodies
    return NewBody(
        slug=f"{owner.slug}-{row.function}", name_zh=name, name_en=english, printed=form, kind=row.kind,
        level=owner.level, jurisdiction=owner.slug, counterpart=counterpart, confidence=confidence,
        note=_note(form, name, how, row, owner, confidence), generic=False,
    )


def _note(form: str, name: str, how: str, row: Function, owner: Division, confidence: float) -> str:
    if confidence == 1.0:
        return f"Printed {form}, the body's full name; check that it is still the body's current name."
    others = sorted({_full_name(r, owner) for r in functions()
                     if r.function == row.function and r.level in (_tier(owner), "both")} - {name})
    if confidence < 0.9 and others:
        return (f"Printed {form}; composed {name} from {owner.name} and {how}, but places name this body "
                f"differently (also {'、'.join(others)}), so check its official name.")
    return f"Printed {form}; composed {name} from {owner.name} and {how}; check it against the body's own publications."


def _unknown_body(form: str, prefix: str, rest: str, owner: Division, place_printed: bool) -> NewBody:
    # Under the national level a body's name carries no place (国家文物局); elsewhere the
    # place's full name replaces the shared 省 or 市 the form may start with.
    if owner is NATIONAL:
        name, function, how = form, form, "kept it as printed"
    else:
        function = _without_marker(rest, owner)
        name = prefix + owner.name + function
        how = f"put {owner.name} before it"
    kind = _guess_kind(prefix, function)
    confidence = UNKNOWN_FULL_CONFIDENCE if place_printed else UNKNOWN_CONFIDENCE
    return NewBody(
        slug=f"{owner.slug}-{pinyin_slug(function)}", name_zh=name, name_en="", printed=form, kind=kind,
        level=owner.level, jurisdiction=owner.slug, counterpart=None, confidence=confidence,
        note=(f"Printed {form}, a form data/functions.tsv does not recognise; named {name} ({how}), "
              f"with its kind ({kind}) guessed from its ending and no English name, so check its official "
              "names and kind."),
        generic=False,
    )


def _guess_kind(prefix: str, function: str) -> str:
    if prefix in ("中国共产党", "中共") or function.startswith("委"):
        return "party-organ"
    for endings, kind in _KIND_BY_ENDING:
        if function.endswith(endings):
            return kind
    return "government-department"  # most bodies a clause names are departments


def _generic_body(form: str, where: Division) -> NewBody:
    # 省直有关部门 in a city's plan are the province's departments.
    place = province_of(where) if form.startswith("省") else where
    description, english = _GENERIC_NAMES.get(form, (pinyin_slug(form), ""))
    return NewBody(
        slug=f"{place.slug}-{description}", name_zh=form, name_en=english, printed=form, kind="",
        level=_generic_level(form, place), jurisdiction=place.slug, counterpart=None, confidence=1.0,
        note=(f"Printed {form}, a set of bodies rather than one body, kept as printed; "
              "write a definition saying which bodies it covers."),
        generic=True,
    )


def _generic_level(form: str, place: Division) -> str:
    """The tier of the bodies a set names: 各县（市、区）… county, 各设区市… prefectural,
    各地… in a province's plan local (tier left open), else the place's own."""
    if "县" in form:
        return "county"
    if re.search(r"设区市|地级以上市|各市|各地市|市州|各州", form):
        return "prefectural"
    if "各地" in form:
        return "local"
    return place.level


__all__ = ["Function", "NewBody", "compose_body", "functions", "is_generic"]
