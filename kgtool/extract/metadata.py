"""What a plan says about itself: title, 文号, issuing bodies, date, period, status,
kind, and the documents it implements.

These are read from the title block (the lines before the first heading: a
notice's header, a cover, 附件：), and from the document's close (signatures and
date). Every value is as printed, or a normal form of it (a date as YYYY-MM-DD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .numbering import chinese_to_int
from .registry import ISSUER_ENDING

# A 文号: issuer's abbreviation and series, year in 〔〕, number, 号.
DOCUMENT_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,16}\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_DATE = re.compile(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,2})\s*月"
                   r"\s*([0-9一二三四五六七八九十]{1,3})\s*日$")
_PERIOD = re.compile(r"(\d{4})\s*[-—–－~～至到]\s*(\d{4})\s*年")
_DRAFT = re.compile(r"[（(]?[^（()）]{0,6}(征求意见稿|送审稿|草案|讨论稿)[）)]?")
_BODY_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}" + ISSUER_ENDING + "$")
_QUOTED_TITLE = re.compile(r"[《〈]([^《》〈〉]{4,80})[》〉]")
_PLAN_WORDS = ("方案", "计划", "意见", "规划", "办法", "分工表", "通知", "要点", "纲要", "措施")


@dataclass
class Facts:
    title: str = ""
    title_line: int = 0
    kind: str | None = None              # a local name of the document-kind scheme
    number: str | None = None            # the document's own 文号, as printed
    number_line: int = 0
    issuers: list[tuple[int, str]] = field(default_factory=list)   # (line, name as printed)
    date: str | None = None               # YYYY-MM-DD
    date_line: int = 0
    period: tuple[str, str] | None = None
    draft: bool = False
    implements: list[tuple[str, str]] = field(default_factory=list)  # (code, the words that name it)


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_facts(title_block: list[tuple[int, str]], closing: list[tuple[int, str]], text: str,
               kinds: Lexicon, known: dict[str, tuple[str, list[str]]], own_code: str | None = None) -> Facts:
    """The facts of a plan. `title_block` and `closing` are (line, text) pairs; `text`
    the whole normalised text; `known` maps the code of each document already in the
    graph to (its title, its 文号s), to find the ones this plan implements."""
    facts = Facts()
    _title(facts, title_block, kinds)
    _number(facts, title_block)
    facts.issuers = _issuers(title_block, closing, facts)
    _date(facts, title_block + closing)
    facts.draft = any(_DRAFT.search(line) for _, line in title_block[:8])
    facts.implements = _implements(text, known, own_code)
    return facts


def _title(facts: Facts, block: list[tuple[int, str]], kinds: Lexicon) -> None:
    """The plan's own title: the line a cover notice quotes (关于印发《X》的通知 → X),
    else the first title-like line that is not the notice's, with a period printed on
    the line after it; a draft marker is left to the status."""
    candidates = [(n, line.strip()) for n, line in block if _is_title(line)]
    quoted = {_clean(q) for _, line in block if "印发" in line for q in _QUOTED_TITLE.findall(line)}
    chosen = next(((n, l) for n, l in candidates if _clean(l) in quoted), None) or next(
        ((n, l) for n, l in candidates if not _is_notice(l, kinds)), None) or (candidates[0] if candidates else None)
    if chosen is None:
        return
    number, title = chosen
    title = _DRAFT.sub("", title).strip() if _DRAFT.search(title) and not title.startswith("关于") else title
    previous = next((line.strip() for n, line in block if n == number - 1), "")
    if title.startswith("关于") and _BODY_LINE.match(_clean(previous)):  # 某某办公室 / 关于…的通知: one title
        title, number = _clean(previous) + title, number - 1
    following = [line for n, line in block if n > number][:2]
    for line in following:
        if re.fullmatch(r"[（(]\s*\d{4}\s*[-—–－~～至到]\s*\d{4}\s*年\s*[）)]", line.strip()):
            title += line.strip()
            break
    facts.title, facts.title_line = title, number
    period = _PERIOD.search(_QUOTED_TITLE.sub("", title))
    facts.period = period.groups() if period else None
    facts.kind = _kind(title, kinds)


def _is_notice(line: str, kinds: Lexicon) -> bool:
    """A cover notice's title (…关于印发…的通知), or a piece of one wrapped onto a line."""
    return "印发" in line or line.endswith("的通知") or _kind(line, kinds) == "notice"


def _is_title(line: str) -> bool:
    line = line.strip()
    unquoted = _QUOTED_TITLE.sub("", line)
    return (4 <= len(line) <= 90 and not line.endswith(("。", "：", ":")) and "，" not in unquoted
            and any(word in unquoted or word in line[-6:] for word in _PLAN_WORDS)
            and not DOCUMENT_NUMBER.fullmatch(line))


def _kind(title: str, kinds: Lexicon) -> str | None:
    """The document kind named last in the title, outside the 《》 of a document it cites."""
    bare = _QUOTED_TITLE.sub("", title)
    best = None
    for label, concept in kinds.labels:
        end = bare.rfind(label)
        if end != -1 and (best is None or end + len(label) > best[0]):
            best = (end + len(label), concept)
    return str(best[1]).rsplit("/", 1)[-1] if best else None


def _number(facts: Facts, block: list[tuple[int, str]]) -> None:
    for number, line in block:
        match = DOCUMENT_NUMBER.fullmatch(line.strip())
        if match:
            facts.number, facts.number_line = line.strip(), number
            return


def _issuers(block: list[tuple[int, str]], closing: list[tuple[int, str]], facts: Facts) -> list[tuple[int, str]]:
    """Bodies printed one a line in the title block (a joint notice's header), after
    发文机关：, or at the close (its signatures, several a line where the text sets them
    side by side, their characters spaced out to align: 教　　育　　部), each once."""
    seen: dict[str, int] = {}
    for number, line in block + closing:
        for name in _names_on_line(line):
            if _BODY_LINE.match(name) and name not in seen and number != facts.title_line:
                seen[name] = number
    return [(n, name) for name, n in seen.items()]


def _names_on_line(line: str) -> list[str]:
    """The names a line sets apart with runs of spaces: where two lengths of run occur,
    the shorter spaces out one name's characters and the longer parts the names."""
    line = re.sub(r"^(发文机关|发文单位|印发机关)[：:]", "", line.strip())
    runs = {len(r) for r in re.findall(r"[ \u3000\t]+", line)}
    if len(runs) > 1:
        widest = max(runs)
        return [_clean(part) for part in re.split(rf"[ \u3000\t]{{{widest},}}", line) if part.strip()]
    parts = [part for part in re.split(r"[ \u3000\t]+", line) if part]
    if parts and all(len(part) == 1 for part in parts):  # one name, spaced out
        return ["".join(parts)]
    return [_clean(part) for part in parts]


def _date(facts: Facts, lines: list[tuple[int, str]]) -> None:
    for number, line in lines:
        match = _DATE.match(_clean(line))
        if match:
            year, month, day = (_to_int(g) for g in match.groups())
            if year and month and day and 1 <= month <= 12 and 1 <= day <= 31:
                facts.date, facts.date_line = f"{year:04d}-{month:02d}-{day:02d}", number


def _to_int(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_to_int(text)


def _implements(text: str, known: dict[str, tuple[str, list[str]]], own_code: str | None) -> list[tuple[str, str]]:
    """Documents of the graph this plan names: by their title in 《》 or their 文号."""
    plain = _dashes(_clean(text)).replace("〈", "《").replace("〉", "》")
    found = []
    for code, (title, numbers) in sorted(known.items()):
        quoted = f"《{_dashes(_clean(title))}》"
        words = quoted if quoted in plain else next((n for n in numbers if _clean(n) in plain), None)
        if code != own_code and words:
            found.append((code, words))
    return found


def _dashes(text: str) -> str:
    return re.sub(r"[—–－~～]", "-", text)
