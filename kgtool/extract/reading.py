"""Read a plan file into one normalised text: the text every quote of the graph comes from.

`read_plan` takes a .txt (or any file with an unknown suffix, read as text) or a
.docx and returns a `PlanText`. Normalisation happens once, here, and only ever
removes what is not a word of the document: line-end and edge whitespace, the
debris of the conversions the texts went through (Markdown bold and heading marks,
Word's ``[bookmark: …]`` anchors) and, for text taken from a PDF, page numbers,
running headers and table header rows repeated after a page break. Every line it
drops is listed in `PlanText.removed` for the review. Lines wrapped in mid-sentence
stay as they are: the structure parser joins them, and quotes are compared with
whitespace set aside.

Decoding a .txt is deterministic, with no guessing library: UTF-8 with a BOM,
UTF-16 with a BOM (Word's "Unicode text"), UTF-8, then GB18030 (which covers GBK
and GB2312), each strict; the first that decodes the whole file wins. GB18030
decodes many byte strings that are not text, so a decoded file with NUL bytes,
more than a few control characters, or no Chinese character in a long text is
refused.

A .docx is read in body order: a paragraph is a line, prefixed with its number
where Word numbers it automatically (numbering.xml), and a table row is a line
with its cells joined by tabs, so in a .docx's text a tab always separates cells.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ..errors import InputError
from .numbering import heading_number

Removed = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class PlanText:
    text: str  # the normalised text: "\n" line ends, ends with one "\n"
    source_format: str  # "txt" or "docx"
    encoding: str | None  # "utf-8", "utf-8-sig", "utf-16", "gb18030" for .txt; None for .docx
    # Lines dropped as conversion debris, for the review: (1-based line number in the
    # decoded text, or in the lines read from a .docx; the line as it reads once its
    # edges and inline debris are cleaned).
    removed: Removed


def read_plan(path: Path | str) -> PlanText:
    """Read a plan's .txt or .docx into its normalised text; `InputError` says what to fix."""
    path = Path(path)
    _require_plain_file(path)
    suffix = path.suffix.lower()
    if suffix in _UNREADABLE_FORMATS:
        raise InputError(
            path,
            f"is {_UNREADABLE_FORMATS[suffix]} file, which kgtool cannot read; save it as .docx, "
            "or extract its text to a .txt file (e.g. pdftotext)",
        )
    if suffix == ".docx":
        decoded, source_format, encoding = _docx_text(path), "docx", None
    else:
        decoded, encoding = _decode_text_file(path)
        source_format = "txt"
    text, removed = normalise_text(decoded)
    if not text.strip():
        raise InputError(path, "is empty; give the file that holds the plan's text")
    return PlanText(text, source_format, encoding, removed)


# -- the file --------------------------------------------------------------------------

_UNREADABLE_FORMATS = {
    ".doc": "a Word 97-2003 (.doc)",
    ".pdf": "a PDF",
    ".wps": "a WPS Writer (.wps)",
    ".rtf": "an RTF",
    ".odt": "an OpenDocument (.odt)",
}


# A plan runs to tens of pages: a few hundred kilobytes of text, a few megabytes of .docx
# with its pictures. Far more is not a plan, and reading it would only fill the memory.
MAX_PLAN_BYTES = 50 * 1024 * 1024


def _require_plain_file(path: Path) -> None:
    if not path.exists():
        raise InputError(path, "does not exist; check the path of the plan file")
    if path.is_dir():
        raise InputError(path, "is a directory; give the plan's .txt or .docx file")
    if not path.is_file():  # a device or a pipe: it could be read for ever
        raise InputError(path, "is not a regular file; give the plan's .txt or .docx file")
    if path.stat().st_size > MAX_PLAN_BYTES:
        raise InputError(path, f"is larger than {MAX_PLAN_BYTES // (1024 * 1024)} MB, far more than a plan; "
                               "give the plan's own .txt or .docx file")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(
            path, f"cannot be read ({error.strerror}); check its permissions"
        ) from None


# -- .txt: decoding ----------------------------------------------------------------------

_BOM_UTF8 = b"\xef\xbb\xbf"
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
# A handful of stray control characters turn up in real exports (a DOS end-of-file
# mark, a bell from a table cell); more than this is a binary file.
_MAX_STRAY_CONTROLS = 3
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Long enough that a Chinese plan must show a Chinese character in it.
_LONG_TEXT = 200
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _decode_text_file(path: Path) -> tuple[str, str]:
    data = _read_bytes(path)
    for encoding in _encodings_to_try(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _require_text(path, text)
        return text, encoding
    if b"\x00" in data:
        raise _not_a_text_file(path, "it contains NUL bytes")
    raise InputError(path, "cannot be decoded as UTF-8, UTF-16 or GB18030; save it as UTF-8 text")


def _encodings_to_try(data: bytes) -> list[str]:
    encodings = []
    if data.startswith(_BOM_UTF8):
        encodings.append("utf-8-sig")
    if data.startswith(_BOMS_UTF16):
        encodings.append("utf-16")
    return encodings + ["utf-8", "gb18030"]


def _require_text(path: Path, text: str) -> None:
    if not text.replace("\ufeff", "").strip():
        raise InputError(path, "is empty; give the file that holds the plan's text")
    if "\x00" in text:
        raise _not_a_text_file(path, "it contains NUL bytes")
    controls = len(_STRAY_CONTROL.findall(text))
    if controls > _MAX_STRAY_CONTROLS:
        raise _not_a_text_file(path, f"it contains {controls} control characters")
    if len("".join(text.split())) >= _LONG_TEXT and not _CJK.search(text):
        raise _not_a_text_file(path, "it has no Chinese character")


def _not_a_text_file(path: Path, why: str) -> InputError:
    return InputError(
        path, f"is not a text file of a plan ({why}); save the plan as UTF-8 text or .docx"
    )


# -- normalisation -------------------------------------------------------------------------

# \v is the manual line break of Word's text exports: a line end, counted as one.
_LINE_END = re.compile(r"\r\n|\r|\n|\v")
_EDGE_BLANKS = " \u00a0\u3000"
_HEADING_MARK = re.compile(r"^#{1,6} +")
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
# What stays of the control characters once \t and line ends are taken: a form feed
# (pdftotext's page break, at the start of a page's first line) and stray marks.
_CONTROL = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\x7f]")


def normalise_text(text: str) -> tuple[str, Removed]:
    """The text with "\\n" line ends, clean line edges, conversion debris and PDF page
    debris removed and blank runs collapsed; and the lines dropped, numbered in `text`."""
    lines = _LINE_END.split(text.removeprefix("\ufeff"))
    page_starts = {index for index, line in enumerate(lines) if "\f" in line}
    cleaned = [_clean_line(line) for line in lines]
    dropped = _page_debris([line.lstrip(" ") for line in cleaned], page_starts)
    removed = tuple((index + 1, cleaned[index].strip()) for index in sorted(dropped))
    kept = [line for index, line in enumerate(cleaned) if index not in dropped]
    return _join_collapsing_blank_runs(kept), removed


def _clean_line(line: str) -> str:
    line = _trim_edges(_CONTROL.sub("", line))
    line = _HEADING_MARK.sub("", line).replace("**", "")
    return _trim_edges(_BOOKMARK.sub("", line))


def _trim_edges(line: str) -> str:
    """Strip the line's end and its indentation of wide or no-break spaces, but keep its
    leading tabs and ASCII spaces: they place a table's cells in their columns (a tab
    opens a cell; a PDF's layout text puts a wrapped cell under its column with spaces)."""
    line = line.lstrip("\u00a0\u3000")
    body = line.lstrip("\t ")
    return line[: len(line) - len(body)] + body.rstrip(_EDGE_BLANKS + "\t")


def _join_collapsing_blank_runs(lines: list[str]) -> str:
    joined: list[str] = []
    for line in lines:
        if line or (joined and joined[-1]):
            joined.append(line)
    while joined and not joined[-1]:
        joined.pop()
    return "\n".join(joined) + "\n"


# -- PDF page debris -----------------------------------------------------------------------

# Fewer lines than this between two bare numbers is a table's rows, not a page.
_MIN_LINES_PER_PAGE = 10
# How close (in non-blank lines) to a page break a running header or a repeated table
# header row must sit.
_PAGE_EDGE_REACH = 2
# How many lines (a table header row's cells, one a line) may sit between 序号 and 1.
_HEADER_CELLS_REACH = 6
_MAX_RUNNING_HEADER = 40
_MAX_HEADER_CELL = 20
_DASHES = "-－—–―─"
_PAGE_NUMBER = re.compile(
    rf"[{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+"  # — 3 —, - 3 -, –3–
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第3页, 第 3 页 共 12 页
    r"|共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页"
)
# 3/12, Page 3 of 12; three digits at most, so that a line like 2025/2030 is no page.
_PAGE_OF_PAGES = re.compile(r"(?:page\s*)?(\d{1,3})\s*(?:/|of)\s*(\d{1,3})", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"\d{1,4}")
_NUMBER_COLUMN_HEADER = re.compile(r"^[序编]\s*号")
_SENTENCE_END = tuple("。；;！？")


def _page_debris(lines: list[str], page_starts: set[int]) -> set[int]:
    """The lines that are page numbers, running headers or repeated table header rows."""
    ordinals = _non_blank_ordinals(lines)
    numbers = _explicit_page_numbers(lines) | _bare_page_numbers(lines, ordinals, page_starts)
    page_edges = numbers | page_starts
    headers = _running_headers(lines, ordinals, page_edges, numbers)
    dropped = numbers | headers
    repeats = _repeated_table_header_rows(lines, ordinals, page_edges | headers, dropped)
    return dropped | repeats


def _non_blank_ordinals(lines: list[str]) -> list[int]:
    """For each line, how many non-blank lines come before it: distances that blank lines
    (which conversions scatter freely) do not stretch."""
    ordinals, count = [], 0
    for line in lines:
        ordinals.append(count)
        count += bool(line)
    return ordinals


def _non_blank_count(lines: list[str]) -> int:
    return sum(1 for line in lines if line)


def _is_table_cell(line: str) -> bool:
    return "\t" in line


def _explicit_page_numbers(lines: list[str]) -> set[int]:
    return {
        index
        for index, line in enumerate(lines)
        if line and not _is_table_cell(line) and _is_page_number(line)
    }


def _is_page_number(line: str) -> bool:
    if _PAGE_NUMBER.fullmatch(line):
        return True
    page_of = _PAGE_OF_PAGES.fullmatch(line)
    return bool(page_of) and 0 < int(page_of[1]) <= int(page_of[2])


def _bare_page_numbers(lines: list[str], ordinals: list[int], page_starts: set[int]) -> set[int]:
    """Numbers alone on a line that count pages, told apart from a table's 序号 cells."""
    bare = [index for index, line in enumerate(lines) if _BARE_NUMBER.fullmatch(line)]
    return _page_footers(lines, bare, page_starts) | _page_sequences(lines, ordinals, bare)


def _page_footers(lines: list[str], bare: list[int], page_starts: set[int]) -> set[int]:
    """With form feeds (pdftotext writes one per page), a number that ends a page."""
    if not page_starts:
        return set()
    page_ends = page_starts | {len(lines)}
    return {index for index in bare if _next_line_or_page(lines, index, page_starts) in page_ends}


def _next_line_or_page(lines: list[str], index: int, page_starts: set[int]) -> int:
    for following in range(index + 1, len(lines)):
        if lines[following] or following in page_starts:
            return following
    return len(lines)


def _page_sequences(lines: list[str], ordinals: list[int], bare: list[int]) -> set[int]:
    """Without form feeds: numbers each one more than the nearest such number a page of
    lines before it. A number within a few lines of its neighbour in value numbers a
    table's rows and is left out, and so is a sequence that starts at 1 under a 序号
    header (a table with long rows): when in doubt a number stays, as words must."""
    row_numbers = {
        bare[position]
        for position in range(len(bare))
        if _is_row_number(lines, ordinals, bare, position)
    }
    candidates = [index for index in bare if index not in row_numbers]
    group_of = {index: [index] for index in candidates}
    for position, index in enumerate(candidates):
        previous = _nearest_with_value(lines, candidates[:position], int(lines[index]) - 1)
        if previous is not None and ordinals[index] - ordinals[previous] - 1 >= _MIN_LINES_PER_PAGE:
            merged = group_of[previous] + group_of[index]
            for member in merged:
                group_of[member] = merged
    groups = {id(group): group for group in group_of.values()}.values()
    return {
        index
        for group in groups
        if len(group) >= 2 and not _numbers_table_rows(group, lines, ordinals)
        for index in group
    }


def _is_row_number(lines, ordinals, bare: list[int], position: int) -> bool:
    """Whether the number before it is one less, or the one after it one more, a few
    lines away: a table numbering its rows."""
    index, value = bare[position], int(lines[bare[position]])
    neighbours = [(position - 1, value - 1), (position + 1, value + 1)]
    return any(
        0 <= other < len(bare)
        and int(lines[bare[other]]) == expected
        and abs(ordinals[bare[other]] - ordinals[index]) - 1 < _MIN_LINES_PER_PAGE
        for other, expected in neighbours
    )


def _nearest_with_value(lines: list[str], earlier: list[int], value: int) -> int | None:
    return next((index for index in reversed(earlier) if int(lines[index]) == value), None)


def _numbers_table_rows(group: list[int], lines: list[str], ordinals: list[int]) -> bool:
    return any(
        int(lines[number]) == 1 and _follows_number_column_header(lines, ordinals, number)
        for number in group
    )


def _follows_number_column_header(lines: list[str], ordinals: list[int], number: int) -> bool:
    """Whether a 序号 (or 编号) header sits among the few lines before `number`: the header
    row's other cells come between, one a line."""
    index = number - 1
    while index >= 0 and ordinals[number] - ordinals[index] <= _HEADER_CELLS_REACH:
        if _NUMBER_COLUMN_HEADER.match(lines[index]):
            return True
        index -= 1
    return False


def _running_headers(lines, ordinals, page_edges: set[int], page_numbers: set[int]) -> set[int]:
    """Short lines that recur three or more times, each time at a page's edge."""
    if not page_edges:  # with no page break in sight, a recurring line is the document's own
        return set()
    occurrences: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if index not in page_numbers and _could_be_running_header(line):
            occurrences[line].append(index)
    # The text's start and end are the first page's top and the last page's foot.
    edge_ordinals = [-1, *sorted(ordinals[index] for index in page_edges), _non_blank_count(lines)]
    return {
        index
        for indices in occurrences.values()
        if len(indices) >= 3 and all(_at_page_edge(ordinals[i], edge_ordinals) for i in indices)
        for index in indices
    }


def _could_be_running_header(line: str) -> bool:
    return (
        bool(line)
        and len(line) <= _MAX_RUNNING_HEADER
        and not _is_table_cell(line)
        and heading_number(line) is None
        and not _BARE_NUMBER.fullmatch(line)  # a number is a page's or a table row's
    )


def _at_page_edge(ordinal: int, edge_ordinals: list[int]) -> bool:
    return any(abs(ordinal - edge) <= _PAGE_EDGE_REACH for edge in edge_ordinals)


def _repeated_table_header_rows(
    lines, ordinals, page_edges: set[int], dropped: set[int]
) -> set[int]:
    """A table header row printed again after a page break: the same row, with only the
    table's rows since its last printing or just after a page break."""
    edge_ordinals = sorted(ordinals[index] for index in page_edges)
    last_printed: dict[str, int] = {}
    repeats = set()
    for index, line in enumerate(lines):
        if index in dropped or not _looks_like_header_row(line):
            continue
        previous = last_printed.get(line)
        if previous is not None and (
            _still_in_tab_separated_table(lines, previous, index, dropped)
            or _at_page_edge(ordinals[index], edge_ordinals)
        ):
            repeats.add(index)
        else:
            last_printed[line] = index  # the first printing, or a new table with the same header
    return repeats


def _looks_like_header_row(line: str) -> bool:
    cells = [cell for cell in (line.split("\t") if _is_table_cell(line) else line.split()) if cell]
    return len(cells) >= 2 and all(
        len(cell) <= _MAX_HEADER_CELL and not cell.isdigit() and not cell.endswith(_SENTENCE_END)
        for cell in cells
    )


def _still_in_tab_separated_table(lines, start: int, end: int, dropped: set[int]) -> bool:
    """Whether only rows of the header's table come between its two printings. Rows aligned
    with spaces cannot be told from prose, so they need a page break in sight instead."""
    return _is_table_cell(lines[start]) and all(
        _is_table_cell(lines[index])
        for index in range(start + 1, end)
        if lines[index] and index not in dropped
    )


# -- .docx ---------------------------------------------------------------------------------

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and WPS files
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_R, _T = qn("w:r"), qn("w:t")
_VAL = qn("w:val")
_TEXT_BOX = qn("w:txbxContent")
# The copy of a drawing Word keeps for older readers: its text boxes are read once, from
# the drawing itself.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not the paragraph's own text: deleted text, text moved away, and text boxes (read as
# lines of their own after the paragraph).
_NOT_READ_IN_PARAGRAPH = {qn("w:del"), qn("w:moveFrom"), _TEXT_BOX, _FALLBACK}
_FULL_WIDTH_CLOSING_MARKS = "、，．。：）】」』"
_RUN_CHARACTERS = {
    qn("w:tab"): " ",  # a tab would read as a table cell; whitespace is not compared anyway
    qn("w:ptab"): " ",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}


def _docx_text(path: Path) -> str:
    document = _open_docx(path)
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in _blocks(document.element.body):
        lines.extend(_block_lines(block, numbering))
    return "\n".join(lines)


def _block_lines(block, numbering: _Numbering) -> list[str]:
    """A paragraph's line and its text boxes' lines, or a table's rows."""
    if block.tag == _TBL:
        return _table_lines(block, numbering)
    lines = [_paragraph_line(block, numbering)]
    for text_box in _text_boxes(block):
        for inner in _blocks(text_box):
            lines.extend(_block_lines(inner, numbering))
    return lines


def _text_boxes(paragraph) -> Iterator:
    """The text boxes anchored in a paragraph (a 专栏 is often one), each once."""
    for text_box in paragraph.iter(_TEXT_BOX):
        between = []
        for ancestor in text_box.iterancestors():
            if ancestor is paragraph:
                break
            between.append(ancestor.tag)
        if _FALLBACK not in between and _TEXT_BOX not in between and _P not in between:
            yield text_box


def _open_docx(path: Path):
    if _read_bytes(path).startswith(_OLE_SIGNATURE):
        raise InputError(
            path,
            "is a Word 97-2003 or WPS file named .docx; open it in Word or WPS and save it as .docx",
        )
    if not zipfile.is_zipfile(path):
        raise _unreadable_docx(path, "it is not a zip archive")
    _refuse_a_zip_bomb(path)
    try:
        return docx.Document(str(path))
    except Exception as error:  # a damaged package fails in zipfile, lxml or python-docx alike
        raise _unreadable_docx(path, _why_unreadable(error)) from None


def _refuse_a_zip_bomb(path: Path) -> None:
    """A .docx is a zip archive, and its XML is parsed whole in memory: a 2 MB file whose XML
    unpacks to a gigabyte took minutes and gigabytes before it was refused. A plan's XML is
    a few megabytes; the sizes the archive declares are checked before anything is unpacked
    (zipfile never unpacks more than an entry declares)."""
    try:
        with zipfile.ZipFile(path) as package:
            xml = sum(item.file_size for item in package.infolist() if item.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError) as error:
        raise _unreadable_docx(path, _why_unreadable(error)) from None
    if xml > MAX_PLAN_BYTES:
        raise _unreadable_docx(
            path, f"its XML unpacks to {xml // (1024 * 1024):,} MB, far more than any plan's: a damaged or hostile file"
        )


def _unreadable_docx(path: Path, why: str) -> InputError:
    return InputError(
        path,
        f"is not a readable .docx file ({why}); open it in Word or WPS and save it again as .docx",
    )


def _why_unreadable(error: Exception) -> str:
    if isinstance(error, KeyError) and error.args:  # str() of a KeyError adds quotes
        return str(error.args[0])
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _blocks(container) -> Iterator:
    """The paragraphs and tables of a body or a cell, in order."""
    return _children(container, (_P, _TBL))


def _children(container, tags: tuple[str, ...]) -> Iterator:
    """The children of `container` with one of `tags`, looking inside content controls."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tags)


def _paragraph_line(paragraph, numbering: _Numbering) -> str:
    text = "".join(_run_texts(paragraph))
    label = numbering.label_of(paragraph)
    return label + text if text else label.rstrip(" ")


def _run_texts(element) -> Iterator[str]:
    for child in element:
        if child.tag in _NOT_READ_IN_PARAGRAPH:
            continue
        if child.tag == _R:
            yield from (_run_character(part) for part in child)
        else:
            yield from _run_texts(child)


def _run_character(element) -> str:
    if element.tag == _T:
        return element.text or ""
    if element.tag == qn("w:br"):
        # A page or column break is layout; a line break is a line.
        return "" if element.get(qn("w:type")) in ("page", "column") else "\n"
    return _RUN_CHARACTERS.get(element.tag, "")


def _table_lines(table, numbering: _Numbering) -> list[str]:
    lines = []
    for row in _children(table, (_TR,)):
        cells = _row_cells(row, numbering)
        if any(cells):  # an empty row holds no word
            lines.append("\t".join(cells))
    return lines


def _row_cells(row, numbering: _Numbering) -> list[str]:
    # A cell merged across columns is one w:tc (gridSpan), so it is written once.
    return [
        "" if _continues_vertical_merge(cell) else _cell_text(cell, numbering)
        for cell in _children(row, (_TC,))
    ]


def _continues_vertical_merge(cell) -> bool:
    """A cell under the first of a vertical merge: Word shows nothing of it."""
    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(_VAL, "continue") == "continue"


def _cell_text(cell, numbering: _Numbering) -> str:
    parts = []
    for block in _blocks(cell):
        parts.extend(_block_lines(block, numbering))
    # The row is one line and a tab separates cells: a cell's own breaks become spaces.
    return re.sub(r"[\t\n]", " ", " ".join(part for part in parts if part.strip()))


# -- .docx: Word's automatic numbering -----------------------------------------------------


@dataclass(frozen=True)
class _Level:
    index: int  # ilvl, 0-based
    start: int
    number_format: str
    text: str  # lvlText: "%1、", "（%1）", "%1.%2"
    legal: bool  # isLgl: show every level's number in decimal
    suffix: str  # what follows the number: tab, space or nothing


class _Numbering:
    """The numbers Word shows before numbered paragraphs, counted in document order."""

    def __init__(self, document):
        self._styles = _styles_by_id(document)
        numbering = _numbering_element(document)
        self._abstract = {
            element.get(qn("w:abstractNumId")): element
            for element in (numbering.findall(qn("w:abstractNum")) if numbering is not None else [])
        }
        self._nums = {
            element.get(qn("w:numId")): element
            for element in (numbering.findall(qn("w:num")) if numbering is not None else [])
        }
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = defaultdict(dict)

    def label_of(self, paragraph) -> str:
        """The number Word shows before this paragraph ("" if none); advances the count."""
        num_id, level_index = self._number_of(paragraph)
        levels = self._levels_of(num_id) if num_id else {}
        level = levels.get(level_index)
        if level is None:
            return ""
        counters = self._counters[num_id]
        counters[level_index] = (
            counters[level_index] + 1 if level_index in counters else level.start
        )
        for deeper in [index for index in counters if index > level_index]:
            del counters[deeper]  # a new heading starts its items again
        if level.number_format in ("bullet", "none"):
            return ""  # a bullet is a glyph, often from a symbol font: no word of the text
        label = _render_level_text(level, levels, counters)
        # Word puts a tab (or a space) after the number. A tab would read as a table
        # cell; after a full-width mark like 、 or ） nothing reads as the text is printed.
        spaced = level.suffix != "nothing" and label and label[-1] not in _FULL_WIDTH_CLOSING_MARKS
        return label + " " if spaced else label

    def _number_of(self, paragraph) -> tuple[str | None, int | None]:
        """The paragraph's (numId, ilvl): its own numPr, else its style's (and basedOn's)."""
        own_num_id, own_level = _num_pr(paragraph.find(qn("w:pPr")))
        style_id = _style_id(paragraph)
        style_num_id, style_level = self._style_numbering(style_id)
        num_id = own_num_id if own_num_id is not None else style_num_id
        if num_id in (None, "0"):
            return None, None
        level = own_level if own_level is not None else style_level
        if level is None:
            level = self._level_linked_to_style(num_id, style_id)
        return num_id, level

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            num_id, level = _num_pr(style.find(qn("w:pPr")))
            if num_id is not None:
                return num_id, level
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(_VAL) if based_on is not None else None
        return None, None

    def _level_linked_to_style(self, num_id: str, style_id: str | None) -> int:
        """A heading style numbered by a list names its level there (w:pStyle)."""
        abstract = self._abstract_of(num_id)
        for element in abstract.findall(qn("w:lvl")) if abstract is not None else []:
            if style_id and _child_val(element, "w:pStyle") == style_id:
                return int(element.get(qn("w:ilvl"), "0"))
        return 0

    def _levels_of(self, num_id: str) -> dict[int, _Level]:
        if num_id not in self._levels:
            self._levels[num_id] = self._read_levels(num_id)
        return self._levels[num_id]

    def _read_levels(self, num_id: str) -> dict[int, _Level]:
        abstract = self._abstract_of(num_id)
        if abstract is None:
            return {}
        levels = {level.index: level for level in map(_read_level, abstract.findall(qn("w:lvl")))}
        for override in self._nums[num_id].findall(qn("w:lvlOverride")):
            index = int(override.get(qn("w:ilvl"), "0"))
            start = _child_val(override, "w:startOverride")  # "restart numbering at …"
            if start is not None and index in levels:
                levels[index] = replace(levels[index], start=int(start))
        return levels

    def _abstract_of(self, num_id: str):
        num = self._nums.get(num_id)
        abstract_id = _child_val(num, "w:abstractNumId") if num is not None else None
        abstract = self._abstract.get(abstract_id)
        linked_style = _child_val(abstract, "w:numStyleLink") if abstract is not None else None
        if linked_style:  # the definition lives with the numbering style it links to
            linked_num, _ = self._style_numbering(linked_style)
            linked = self._nums.get(linked_num)
            if linked is not None and linked_num != num_id:
                return self._abstract.get(_child_val(linked, "w:abstractNumId"))
        return abstract


def _styles_by_id(document) -> dict:
    try:
        styles = document.styles.element
    except KeyError:
        return {}
    return {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}


def _numbering_element(document):
    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return None  # no numbering part: nothing is numbered


def _style_id(paragraph) -> str | None:
    properties = paragraph.find(qn("w:pPr"))
    return _child_val(properties, "w:pStyle") if properties is not None else None


def _num_pr(properties) -> tuple[str | None, int | None]:
    number = properties.find(qn("w:numPr")) if properties is not None else None
    if number is None:
        return None, None
    level = _child_val(number, "w:ilvl")
    return _child_val(number, "w:numId"), int(level) if level is not None else None


def _child_val(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(_VAL) if child is not None else None


def _read_level(element) -> _Level:
    legal = element.find(qn("w:isLgl"))
    return _Level(
        index=int(element.get(qn("w:ilvl"), "0")),
        start=int(_child_val(element, "w:start") or 0),
        number_format=_child_val(element, "w:numFmt") or "decimal",
        text=_child_val(element, "w:lvlText") or "",
        legal=legal is not None and legal.get(_VAL, "true") not in ("0", "false"),
        suffix=_child_val(element, "w:suff") or "tab",
    )


def _render_level_text(level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
    def number(match: re.Match) -> str:
        index = int(match[1]) - 1
        shown = levels.get(index)
        value = counters.get(index, shown.start if shown else 0)
        number_format = "decimal" if level.legal or shown is None else shown.number_format
        return _format_number(value, number_format)

    return re.sub(r"%([1-9])", number, level.text)


# -- number formats ---------------------------------------------------------------------

_CHINESE_DIGITS = "〇一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)


def _format_number(value: int, number_format: str) -> str:
    """`value` as Word shows it in `number_format` (ST_NumberFormat); decimal for the rest."""
    formatter = _FORMATTERS.get(number_format)
    shown = formatter(value) if formatter and value > 0 else None
    return shown if shown is not None else str(value)


def _chinese_counting(value: int) -> str | None:
    """一 … 十, 十一, 二十一; from 100 digit by digit (一〇一), as Word does."""
    if value < 100:
        return _chinese_below_hundred(value)
    if value < 10000:
        return "".join(_CHINESE_DIGITS[int(digit)] for digit in str(value))
    return None


def _chinese_counting_thousand(value: int) -> str | None:
    """一 … 十, 十一, 二十一, 一百, 一百〇一, 一百一十, 一千〇一 (Word's 一，二，三 (简))."""
    if value < 100:
        return _chinese_below_hundred(value)
    if value >= 10000:
        return None
    thousands, hundreds, rest = value // 1000, value // 100 % 10, value % 100
    shown = ""
    if thousands:
        shown += _CHINESE_DIGITS[thousands] + "千"
    if hundreds:
        shown += _CHINESE_DIGITS[hundreds] + "百"
    elif thousands and rest:
        shown += "〇"
    if rest:
        if hundreds and rest < 10:
            shown += "〇"
        shown += _CHINESE_DIGITS[rest] if rest < 10 else _chinese_tens(rest)
    return shown


def _chinese_below_hundred(value: int) -> str:
    if value < 10:
        return _CHINESE_DIGITS[value]
    if value < 20:
        return "十" + (_CHINESE_DIGITS[value - 10] if value > 10 else "")
    return _chinese_tens(value)


def _chinese_tens(value: int) -> str:
    tens, ones = divmod(value, 10)
    return _CHINESE_DIGITS[tens] + "十" + (_CHINESE_DIGITS[ones] if ones else "")


def _ideograph_digital(value: int) -> str:
    return "".join(_CHINESE_DIGITS[int(digit)] for digit in str(value))


def _heavenly_stem(value: int) -> str | None:
    return _HEAVENLY_STEMS[value - 1] if value <= 10 else None


def _enclosed_circle(value: int) -> str | None:
    if value <= 20:
        return chr(0x2460 + value - 1)  # ①–⑳
    if value <= 35:
        return chr(0x3251 + value - 21)  # ㉑–㉟
    if value <= 50:
        return chr(0x32B1 + value - 36)  # ㊱–㊿
    return None


def _enclosed_parenthesis(value: int) -> str | None:
    return chr(0x2474 + value - 1) if value <= 20 else None  # ⑴–⒇


def _enclosed_full_stop(value: int) -> str | None:
    return chr(0x2488 + value - 1) if value <= 20 else None  # ⒈–⒛


def _full_width(value: int) -> str:
    return "".join(chr(0xFF10 + int(digit)) for digit in str(value))


def _letter(value: int) -> str:
    """a … z, then aa … zz: Word repeats the letter."""
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    shown = ""
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        shown += numeral * count
    return shown


_FORMATTERS = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "ideographDigital": _ideograph_digital,
    # ideographTraditional is the heavenly stems 甲乙丙丁 (ECMA-376 ST_NumberFormat), not 一二三
    "ideographTraditional": _heavenly_stem,
    "decimalEnclosedCircle": _enclosed_circle,
    "decimalEnclosedParen": _enclosed_parenthesis,
    "decimalEnclosedFullstop": _enclosed_full_stop,
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "lowerLetter": _letter,
    "upperLetter": lambda value: _letter(value).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
}
