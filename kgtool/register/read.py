"""Read the national industrial heritage lists (国家工业遗产名单) into sites, one per row.

Two shapes of text come in. Batches 1–5 are tab-separated rows (序号, 地址, 名称,
核心物项 and, from batch 5, 申请单位). Batches 6 and 7 are the raw text of a PDF table
(序号, 地址, 申请名称, 核准名称, 核心物项, 申请单位): each cell's lines come out one
after another, column by column, so a row is a run of pieces — the lines, and the
parts of a line between the spaces that stand where cells meet — to be cut into six
cells in order. Repeated header rows, the attachment's title and page numbers are
set aside; justified lines come letter-spaced ("北 京 市") and are joined.

A row is cut where the cells' contents say it must be: the address is the longest
run of pieces that reads as a province, a prefecture and counties of China's
division table; core items begin at the first piece with the punctuation of a list
(，；。); the applicant is the run of short pieces at the end that reads as the name
of a body (…公司, …厂, …政府); the two names are cut where they are alike (equal, or
one holding the other's first words). A row that cannot be cut so is an error naming
the batch and line, never a guess and never dropped: each batch's count of sites is
checked against the number of its last row.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..extract.places import Division, all_divisions, division

HAN = r"\u3400-\u9fff"
# CJK punctuation and full-width forms: a space beside them is layout, not a word gap.
WIDE = HAN + r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
_LIST_PUNCTUATION = re.compile("[，；。：]")
_HEADER = re.compile(r"^序号\s*地址")
_BODY_ENDING = re.compile(
    r"(公司|厂|局|集团|政府|院|所|中心|馆|宫|委员会|学校|大学|站|场|矿|社|处|会|部|队|基地|办公室|企业)）?$"
)
# The applicant's column holds about nine characters a line (中国移动通信集团, 有限责任公司、南雄).
APPLICANT_WIDTH = 9.5
_COUNTY_ENDING = re.compile(r"(区|县|市|旗|特区|林区)$")


@dataclass
class Site:
    """One row of a list, its cells as printed (line breaks and layout spaces removed)."""

    batch: int
    number: int
    line: int  # where the row starts in the source file, 1-based
    address: str
    name: str  # 核准名称, or 名称 where the list has one name
    core_items: str
    applicant: str = ""
    applied_name: str = ""  # 申请名称, where the list prints one
    province: Division | None = None
    prefectures: list[Division] = field(default_factory=list)


# --- addresses ---------------------------------------------------------------------


def _provinces() -> list[Division]:
    return [d for d in all_divisions() if d.level == "provincial"]


def resolve_address(address: str) -> tuple[Division, list[Division], str] | None:
    """The province an address starts with, the prefecture-level divisions it names, and
    what follows them (the counties), or None when it starts with no province's name.
    Full and short names are both read (山东省 and 山东, 德州市 and 德州)."""
    text = re.sub(r"\s", "", address)
    province, rest = _longest_prefix(text, _provinces())
    if province is None:
        return None
    prefectures: list[Division] = []
    inside = [d for d in all_divisions() if d.level == "prefectural" and d.parent == province.slug]
    for part in rest.split("、"):
        prefecture, _ = _longest_prefix(part, inside)
        if prefecture is not None and prefecture not in prefectures:
            prefectures.append(prefecture)
    if prefectures:
        rest = rest[len(_name_at_start(rest, prefectures[0])):]
    return province, prefectures, rest


def _longest_prefix(text: str, divisions: list[Division]) -> tuple[Division | None, str]:
    best: tuple[Division | None, str] = (None, text)
    for d in divisions:
        name = _name_at_start(text, d)
        if name and len(name) > len(text) - len(best[1]):
            best = (d, text[len(name):])
    return best


def _name_at_start(text: str, d: Division) -> str:
    for name in (d.name, d.short):
        if name and text.startswith(name):
            return name
    return ""


def _is_complete_address(text: str, strict: bool = True) -> bool:
    """Whether `text` is a whole address: a province, perhaps a prefecture, and one or
    more counties (joined by 、) that the division table places there — or, not
    `strict`, that read as a county or zone the table lacks (洋浦经济开发区)."""
    resolved = resolve_address(text)
    if resolved is None:
        return False
    province, prefectures, counties = resolved
    if not counties:
        return False
    within = {d.slug for d in prefectures} or {province.slug}
    for county in counties.split("、"):
        known = [d for d in all_divisions() if d.level == "county" and d.name == county]
        if any((d.prefecture or d.parent) in within for d in known):
            continue
        if prefectures and division(county) in prefectures:  # 七台河市 beside 佳木斯市
            continue
        if strict or not (_COUNTY_ENDING.search(county) and len(county) <= 10):
            return False
    return True


# --- batches 1–5: tab-separated ------------------------------------------------------


def read_tabbed(text: str, batch: int, path: Path) -> list[Site]:
    sites: list[Site] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            if cells[0] == "序号":
                header = cells
            continue  # the attachment's title lines before the header
        if not line.strip():
            continue
        if len(cells) != len(header) or not cells[0].isdigit():
            raise InputError(path, f"batch {batch}: a row of {len(header)} tab-separated cells "
                                   f"starting with its number was expected, found {len(cells)} cells", number)
        row = dict(zip(header, cells))
        sites.append(Site(batch, int(cells[0]), number, row["地址"], row["名称"], row["核心物项"],
                          row.get("申请单位", "")))
    if header is None:
        raise InputError(path, f"batch {batch}: no header row (序号, 地址, 名称, …)")
    return sites


# --- batches 6 and 7: the text of a PDF table ----------------------------------------------


@dataclass
class Piece:
    text: str  # layout spaces removed
    line: int
    # What stood before it: "line" (a line break), "space" (a space between two CJK
    # characters: cells meet there) or "weak" (a space before Latin letters or digits,
    # which the PDF also puts inside a cell: 德国 TA60 离心机).
    after: str
    spaced: bool  # a letter-spaced line: justified to the cell's width, so the cell goes on
    full: bool = False  # as wide as the core items' column: that cell goes on below


def _join_layout_spaces(text: str) -> str:
    """Remove the spaces a PDF puts beside CJK characters ("北 京 市", "56 号")."""
    return re.sub(rf"(?<=[{WIDE}]) +| +(?=[{WIDE}])", "", text).strip()


def _is_letter_spaced(line: str) -> bool:
    return bool(re.search(rf"[{HAN}] [{HAN}]", line)) and not re.search(rf"[{HAN}][{HAN}]", line)


def _width(text: str) -> float:
    return sum(0.5 if ord(c) < 128 else 1 for c in _join_layout_spaces(text))


def _pieces(line: str, number: int, full: bool) -> list[Piece]:
    if _is_letter_spaced(line):
        return [Piece(_join_layout_spaces(line), number, "line", True, full)]
    # A space after a number or letter and before a CJK character is the PDF's spacing
    # inside a cell ("56 号", "3502 被服"); every other space may stand where cells meet.
    pieces: list[Piece] = []
    for token in line.split():
        if pieces and re.search(r"[0-9A-Za-z.%]$", pieces[-1].text) and re.match(rf"[{WIDE}]", token):
            pieces[-1].text += token
            continue
        after = "space" if re.match(rf"[{WIDE}]", token) else "weak"
        pieces.append(Piece(token, number, after if pieces else "line", False, full))
    return pieces


def _row_lines(text: str, batch: int, path: Path) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """(row number, first line, [(line, text)…]) per row, debris set aside."""
    lines = text.splitlines()
    rows: list[tuple[int, int, list[tuple[int, str]]]] = []
    expected = 1
    for index, raw in enumerate(lines):
        number, line = index + 1, raw.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not line or _HEADER.match(line) or re.fullmatch(r"附件\s*\d*|第.批国家工业遗产名单", line):
            continue
        if line.isdigit() and (_HEADER.match(following) or following.startswith("附件") or not following):
            continue  # a page number, printed above the header row of the next page
        start = re.match(rf"^{expected}(?: +|$)(.*)$", line)
        if start and (not start.group(1) or resolve_address(start.group(1)) is not None):
            rows.append((expected, number, [(number, start.group(1))] if start.group(1) else []))
            expected += 1
            continue
        if not rows:
            raise InputError(path, f"batch {batch}: text before the first row: '{line[:30]}'", number)
        rows[-1][2].append((number, line))
    return rows


def read_pdf_table(text: str, batch: int, path: Path) -> list[Site]:
    rows = _row_lines(text, batch, path)
    full = _core_column_width([line for _, _, lines in rows for _, line in lines]) - 3
    sites = []
    for number, first, lines in rows:
        pieces = [piece for line_number, line in lines for piece in _pieces(line, line_number, _width(line) >= full)]
        sites.append(_cut_row(pieces, batch, number, first, path))
    return sites


def _core_column_width(lines: list[str]) -> float:
    """The width a core-items line takes when it is full: the commonest of the wide lines'."""
    widths = Counter(int(_width(line)) for line in lines if _width(line) >= 20)
    if not widths:
        return float("inf")
    return widths.most_common(1)[0][0]


def _cut_row(pieces: list[Piece], batch: int, number: int, first: int, path: Path) -> Site:
    def fail(what: str) -> InputError:
        return InputError(path, f"batch {batch}, row {number}: {what}", first)

    address_end = _address_end(pieces)
    if address_end is None:
        raise fail("no address of a province, prefecture and county at the start of the row")
    core_start = _core_start(pieces, address_end)
    if core_start is None or core_start - address_end < 2:
        raise fail("no two names (申请名称, 核准名称) before the core items")
    applicant_start = _applicant_start(pieces, core_start)
    if applicant_start is None:
        raise fail("no applicant (申请单位) at the end of the row")
    applied, approved = _cut_names(pieces[address_end:core_start])
    return Site(batch, number, first, _text(pieces[:address_end]), approved,
                _text(pieces[core_start:applicant_start]), _text(pieces[applicant_start:]), applied)


def _text(pieces: list[Piece]) -> str:
    out = ""
    for piece in pieces:
        glue = " " if out and re.match(r"[0-9A-Za-z]", piece.text) and re.search(r"[0-9A-Za-z]$", out) else ""
        out += glue + piece.text
    return out


def _address_end(pieces: list[Piece]) -> int | None:
    """How many pieces the longest whole address at the row's start takes; a county or
    zone the division table lacks is accepted only where no known one reads."""
    for strict in (True, False):
        ends = [i for i in range(1, min(len(pieces), 8) + 1) if _is_complete_address(_text(pieces[:i]), strict)]
        if ends:
            return ends[-1]
    return None


def _core_start(pieces: list[Piece], address_end: int) -> int | None:
    """The first piece of the core items: the first with a list's punctuation or wider
    than a name's column, with the pieces before it on its line when a number only
    parts them ("1 号防空洞及 2 号主变压器，…")."""
    start = next((i for i in range(address_end, len(pieces))
                  if _LIST_PUNCTUATION.search(pieces[i].text) or _width(pieces[i].text) > 14), None)
    if start is None:
        return None
    back = start
    while back > address_end and pieces[back].after == "weak":
        back -= 1
    return back if pieces[back].after == "line" and back > address_end else start


def _applicant_start(pieces: list[Piece], core_start: int) -> int | None:
    """The first piece of the longest run at the row's end that reads as a body's name
    (…公司, …政府): pieces as narrow as the applicant's column with no list punctuation,
    each line but the last filling that column, starting a line or after a space where
    cells meet, not inside a cell (no such space within the run), and not starting as
    the rest of a list does (a number, 等, 及, 、, a closing bracket)."""
    start = None
    for i in range(len(pieces) - 1, core_start, -1):
        run = pieces[i:]
        if re.search(r"[，；。：0-9]", pieces[i].text) or _width(pieces[i].text) > APPLICANT_WIDTH:
            break
        first = pieces[i].text
        starts_a_name = (
            pieces[i].after != "weak"
            and not re.match(r"[0-9０-９、，等及和与号）)]", first)
            and "、" not in first
            and first.count("）") + first.count(")") <= first.count("（") + first.count("(")
        )
        one_cell = all(piece.after != "space" for piece in run[1:])
        if starts_a_name and one_cell and _lines_fill_column(run) and _BODY_ENDING.search(_text(run)):
            start = i
    return start


def _lines_fill_column(run: list[Piece]) -> bool:
    """Whether each line of the run but its last fills the applicant's column, or ends
    one body's name where another begins (two applicants one under the other)."""
    line_numbers = sorted({piece.line for piece in run})
    for number in line_numbers[:-1]:
        upto = [piece for piece in run if piece.line <= number]
        on_line = [piece for piece in upto if piece.line == number]
        if _width(_text(on_line)) < APPLICANT_WIDTH - 4 and not _BODY_ENDING.search(_text(upto)):
            return False
    return True


def _cut_names(pieces: list[Piece]) -> tuple[str, str]:
    """Cut the pieces between address and core items into 申请名称 and 核准名称, where the
    approved name is most nearly drawn from the applied-for one (the longest sequence of
    characters they share, over the approved name's length: 1 when equal or contained in
    order, averaged with their likeness as a pair), the two not wildly unequal in length;
    a cut after a justified cell's last line (not letter-spaced) wins where the column
    is letter-spaced."""
    letter_spaced = any(piece.spaced for piece in pieces)

    def score(k: int) -> float:
        applied, approved = _text(pieces[:k]), _text(pieces[k:])
        shared = _common_subsequence(applied, approved)
        points = (shared / len(approved) + 2 * shared / (len(applied) + len(approved))) / 2
        if min(len(applied), len(approved)) < 0.25 * max(len(applied), len(approved)):
            points -= 1
        if letter_spaced and not pieces[k - 1].spaced and pieces[k].after == "line":
            points += 2  # the layout's word outweighs the names' likeness
        if pieces[k].after == "weak":
            points -= 0.1  # more often a number inside a name (航天 061 导弹) than a cell's edge
        return points

    best = max(range(1, len(pieces)), key=lambda k: (score(k), -abs(2 * k - len(pieces))))
    return _text(pieces[:best]), _text(pieces[best:])


def _common_subsequence(a: str, b: str) -> int:
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if char == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


# --- a batch ---------------------------------------------------------------------------


def read_batch(path: Path | str, batch: int, expected: int) -> list[Site]:
    """The sites of one batch's list, each with its province and prefectures resolved.
    Raises InputError naming the batch and line for a row that cannot be read, an
    address with no province, or a count of rows other than `expected`."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    tabbed = any(line.startswith("序号\t") for line in text.splitlines())
    sites = read_tabbed(text, batch, path) if tabbed else read_pdf_table(text, batch, path)
    for position, site in enumerate(sites, start=1):
        if site.number != position:
            raise InputError(path, f"batch {batch}: row {site.number} where row {position} was expected", site.line)
        resolved = resolve_address(site.address)
        if resolved is None:
            raise InputError(path, f"batch {batch}, row {site.number}: the address '{site.address}' "
                                   "names no province", site.line)
        site.province, site.prefectures, _ = resolved
    if len(sites) != expected:
        raise InputError(path, f"batch {batch}: {len(sites)} sites read where the list has {expected}")
    return sites
