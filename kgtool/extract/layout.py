"""A plan's outline: its sections, numbered items, 专栏 boxes and annex table rows.

Plans number their outline 一、 > （一） > 1. > （1） > ①, in any subset of those
levels. A heading with numbered headings under it is a section; a numbered
heading with none under it is an item, whose text runs to the next heading.
Rows of a task-division table are items too. Two layouts without numbers are
read as well: items that print no number but open with a short title sentence
(弘扬工匠精神。…, the 2016 guidance), and 专栏 boxes, which group the item
printed just before them.

An item's text is everything it prints after its number, verbatim: lines are
joined where a line ended in mid-sentence (a PDF's page or line break) and kept
apart where a paragraph ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .clauses import find_clauses, looks_like_clause
from .numbering import heading_number, to_int
from .registry import ISSUER_ENDING
from .tables import GROUP, TASK, RESPONSIBILITY_ROLES, Table, find_table

# A paragraph ends at a line that ends with one of these.
_PARAGRAPH_END = tuple("。！？；：:;!?」”）)")
_BOX = re.compile(r"^专栏\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[\s:：、.．]*(.*)$")
_ANNEX = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[：:]\s*(.*))?$")
# Lines after the last item that belong to the document's close, not to the item:
# the distribution list, copies, contacts, a signature date, a blank-page note.
_CLOSING = re.compile(
    r"^(各有关单位|抄送|主送|印发|联系人|联系电话|（此页无正文）|\(此页无正文\)"
    r"|附件下载|分享到|扫一扫|【打印本页】|【关闭窗口】|相关链接)"  # a web page's chrome after the text
    r"|^[0-9０-９〇○一二三四五六七八九十]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$"
)
# A line of one or two bodies' names, as a signature block prints them.
_SIGNATURE = re.compile(r"^(?:[\u4e00-\u9fff（）() \u3000]{2,40}?" + ISSUER_ENDING + r"[ \u3000\t]*){1,3}$")
# An unnumbered item opens its paragraph with a short title sentence: 弘扬工匠精神。
_TITLE_SENTENCE = re.compile(r"^([^，。；：,;:（）()]{2,20})。")


@dataclass
class Heading:
    rank: int                 # 1 for 一、 … 5 for ①; 0 for the document
    number: str | None        # as printed, e.g. "（一）"; None where none is printed
    value: int | None
    head: str                 # the rest of the heading's line
    line: int                 # 1-based
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, text) up to the next heading
    children: list["Heading"] = field(default_factory=list)
    parent: "Heading | None" = None
    boxes: list["Box"] = field(default_factory=list)   # 专栏 printed inside, in order
    rows: list[Table] = field(default_factory=list)    # tables printed inside
    annex: bool = False


@dataclass
class Box:
    number: str
    value: int
    title: str
    line: int
    body: list[tuple[int, str]] = field(default_factory=list)
    after: Heading | None = None   # the heading printed just before it


@dataclass
class Outline:
    root: Heading
    preamble: list[tuple[int, str]]      # lines before the first heading (title block, notice)
    closing: list[tuple[int, str]]       # the document's close (distribution list, signatures, date)
    annex_titles: list[tuple[int, str]]  # lines between an annex marker and its first table or heading
    irregular: list[tuple[int, str]]     # headings numbered out of sequence: (line, what to check)


def join_lines(lines: list[str], title_first: bool = False) -> str:
    """Lines joined into paragraphs: a line ending in mid-sentence goes on with the
    next; a line that ends a sentence (or, with `title_first`, a heading's short
    title line that ends without punctuation) ends its paragraph."""
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(line for line in lines if line.strip()):
        line = line.strip()
        if current and (current.endswith(_PARAGRAPH_END) or (title_first and index == 1 and len(paragraphs) == 0
                                                            and _is_title_line(current))):
            paragraphs.append(current)
            current = line
        else:
            current += line
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _is_title_line(text: str) -> bool:
    return len(text) <= 40 and not re.search(r"[，。；]", text)


class _Reader:
    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.root = Heading(0, None, None, "", 0)
        self.current: Heading = self.root
        self.last_value: dict[int, int] = {}
        self.preamble: list[tuple[int, str]] = []
        self.closing: list[tuple[int, str]] = []
        self.annex_titles: list[tuple[int, str]] = []
        self.irregular: list[tuple[int, str]] = []
        self.box: Box | None = None
        self.in_annex = False
        self.closed = False

    def read(self) -> Outline:
        index = 0
        while index < len(self.lines):
            table = find_table(self.lines, index)
            if table and table.rows:
                self._add_table(table)
                index = table.end
                continue
            self._read_line(index + 1, self.lines[index].strip())
            index += 1
        return Outline(self.root, self.preamble, self.closing, self.annex_titles, self.irregular)

    def _read_line(self, number: int, line: str) -> None:
        if not line:
            self._body(number, line)
            return
        annex = _ANNEX.match(line)
        if annex and self.root.children:  # 附件 before any heading heads the document, not an annex
            self._open_annex(number, annex.group(1))
            return
        heading = heading_number(line)
        if self.in_annex and not self._annex_started() and not (heading and heading[2] == 1):
            self.annex_titles.append((number, line))  # the annex's title, before its table or outline
            return
        box = _BOX.match(line)
        if box and not self.in_annex:
            self._open_box(number, box)
            return
        if _CLOSING.match(line) and self.current is not self.root and not self.closed:
            self.closed = True
            self._signatures_to_closing()
        if self.closed:
            self.closing.append((number, line))
            return
        if heading and self._continues_outline(heading[0], heading[2], number, heading[3]):
            self._open_heading(number, *heading)
            return
        self._body(number, line)

    def _signatures_to_closing(self) -> None:
        """The lines of bodies' names just before the close are its signatures, not the
        last item's words."""
        body = self.current.body
        while body and (not body[-1][1] or _SIGNATURE.match(body[-1][1])) and len(body) > 1:
            if body[-1][1]:
                self.closing.insert(0, body[-1])
            body.pop()

    def _body(self, number: int, line: str) -> None:
        if self.closed:
            return
        if self.box is not None:
            self.box.body.append((number, line))
        elif self.current is self.root:
            if line:
                self.preamble.append((number, line))
        else:
            self.current.body.append((number, line))

    def _continues_outline(self, rank: int, value: int, number: int, rest: str) -> bool:
        """Whether a line opening with a number is a heading: the number follows the last
        of its rank, or it opens a title after a line that ends a sentence, a heading, a
        title or a clause — a line wrapped in mid-sentence may open with a number. A number
        out of sequence (a gap, a repeat) that opens a title is a heading too, noted as
        irregular for the review."""
        previous = next((l.strip() for l in reversed(self.lines[: number - 1]) if l.strip()), "")
        after_break = (not previous or previous.endswith(_PARAGRAPH_END) or heading_number(previous) is not None
                       or _is_title_line(previous) or looks_like_clause(previous))
        last = self.last_value.get(rank)
        if value == 1 or last == value - 1:
            return value != 1 or after_break
        if after_break and (_is_title_line(rest.rstrip("。")) or _TITLE_SENTENCE.match(rest)):
            self.irregular.append((number, f"the number {value} follows {last or 'no number'} of its rank: "
                                           "an item missing or printed twice?"))
            return True
        return False

    def _open_heading(self, line: int, rank: int, printed: str, value: int, head: str) -> None:
        self.box = None
        self.closed = False
        parent = self.current
        while parent is not self.root and parent.rank >= rank and not (self.in_annex and parent is self._annex_heading()):
            parent = parent.parent
        heading = Heading(rank, printed, value, head.strip(), line, parent=parent, annex=self.in_annex)
        heading.body.append((line, head.strip()))
        parent.children.append(heading)
        self.current = heading
        self.last_value[rank] = value

    def _open_box(self, line: int, match: re.Match) -> None:
        after = self.current if self.current is not self.root else None
        printed = match.string[: match.end(1)]  # “专栏 1” or “专栏3”, as printed
        self.box = Box(printed, to_int(match.group(1)) or 0, match.group(2).strip(), line, after=after)
        holder = self.current.parent if self.current.parent is not None and not self.current.children else self.current
        holder.boxes.append(self.box)

    def _open_annex(self, line: int, title: str | None) -> None:
        self.box = None
        self.closed = False
        if not self.in_annex:
            self.in_annex = True
            annex = Heading(1, None, None, "", line, parent=self.root, annex=True)
            self.root.children.append(annex)
            self.current = annex
        if title:
            self.annex_titles.append((line, title.strip()))

    def _annex_started(self) -> bool:
        annex = self._annex_heading()
        return bool(annex.children or annex.rows)

    def _annex_heading(self) -> Heading:
        return next(h for h in reversed(self.root.children) if h.annex and h.number is None)

    def _add_table(self, table: Table) -> None:
        if not self.in_annex:
            self._open_annex(table.first_line + 1, None)
        self._annex_heading().rows.append(table)
        self.current = self._annex_heading()
        self.box = None


def read_outline(text: str) -> Outline:
    """The outline of a plan's normalised text."""
    return _Reader(text).read()


# Flattening the outline into the document's parts --------------------------------------


@dataclass
class Part:
    """A section, item, paragraph-less box or table row, as the graph will have it."""

    kind: str                    # "section" | "item" | "programme"
    number: str | None
    title: str
    text: str                    # verbatim; for a section, its own prose
    line: int
    parent: "Part | None" = None
    order: int = 0
    top_title: str = ""          # the title of the outermost section it is in (for its kind)
    group: str | None = None     # a table row's group cell (分类, 工程)
    cells: dict[str, str] = field(default_factory=dict)   # a table row's cells by role
    value: int | None = None
    rank: int = 0
    annex: bool = False
    programme: "Part | None" = None   # the 专栏 box that follows an item
    unnumbered: bool = False
    item_kind: str = ""          # for an item: a local name of the task-kind scheme
    programme_kind: str = ""     # for a programme: a local name of the programme-kind scheme
    slug: str = ""


def parts(outline: Outline, kind_of: Callable[[str], str]) -> list[Part]:
    """Sections, items and programmes in document order. `kind_of` names the kind of
    the items under an outermost section of a given title (key-task, safeguard-measure …)."""
    found: list[Part] = []
    for heading in outline.root.children:
        _walk(heading, None, found, heading.head.rstrip("。"), kind_of)
    for part in found:
        if part.kind == "item":
            part.item_kind = "annex-row" if part.cells else kind_of(part.top_title)
    return found


def _walk(heading: Heading, parent: Part | None, found: list[Part], top_title: str, kind_of) -> None:
    body = [text for _, text in heading.body]
    is_section = bool(heading.children) or bool(heading.rows) or heading.rank == 1 and not _has_clause(body)
    if heading.annex and heading.number is None:
        part = Part("section", None, "", "", heading.line, parent, top_title=top_title, annex=True, rank=1)
        found.append(part)
        for table in heading.rows:
            _table_rows(table, part, found)
        for child in heading.children:
            _walk(child, part, found, top_title, kind_of)
        return
    # Items that print no number are key tasks (the 2016 guidance); principles printed
    # as short titled paragraphs (基本原则) are one item.
    unnumbered = None if is_section or kind_of(top_title) != "key-task" else _unnumbered_items(heading, body)
    if is_section or unnumbered:
        own = body[1:] if not heading.children else [t for n, t in heading.body[1:] if n < heading.children[0].line]
        title = heading.head.rstrip("。")
        part = Part("section", heading.number, title, "" if unnumbered else join_lines(own), heading.line, parent,
                    top_title=top_title, value=heading.value, rank=heading.rank, annex=heading.annex)
        found.append(part)
        for child in heading.children:
            _walk(child, part, found, top_title, kind_of)
        for paragraph_line, paragraph in unnumbered or ():
            found.append(Part("item", None, _TITLE_SENTENCE.match(paragraph).group(1), paragraph, paragraph_line,
                              part, top_title=top_title, unnumbered=True))
    else:
        text = join_lines(body, title_first=True)
        found.append(Part("item", heading.number, item_title(text), text, heading.line, parent, top_title=top_title,
                          value=heading.value, rank=heading.rank, annex=heading.annex))
    for box in heading.boxes:
        _add_box(box, found)


def _add_box(box: Box, found: list[Part]) -> None:
    after = next((p for p in reversed(found) if p.kind == "item" and box.after is not None and p.line == box.after.line),
                 None)
    section = after.parent if after else next((p for p in reversed(found) if p.kind == "section"), None)
    programme = Part("programme", box.number, box.title, join_lines([t for _, t in box.body]), box.line, section,
                     value=box.value, programme_kind="column")
    if after:
        after.programme = programme
    found.append(programme)


def _has_clause(body: list[str]) -> bool:
    return bool(find_clauses(join_lines(body)))


def _unnumbered_items(heading: Heading, body: list[str]) -> list[tuple[int, str]] | None:
    """The paragraphs of a heading that are items printing no number, when every
    paragraph after its title opens with a short title sentence (and there are two
    or more); None otherwise."""
    lines = [(n, t) for n, t in heading.body[1:] if t.strip()]
    paragraphs: list[tuple[int, str]] = []
    for number, text in lines:
        if paragraphs and not paragraphs[-1][1].endswith(_PARAGRAPH_END):
            paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + text)
        else:
            paragraphs.append((number, text))
    if len(paragraphs) < 2 or not all(_TITLE_SENTENCE.match(t) for _, t in paragraphs):
        return None
    if not _is_title_line(heading.head.rstrip("。")):
        return None
    return paragraphs


def item_title(text: str) -> str:
    """An item's title as printed: its first line where that line is a title of its
    own, else its first sentence, else its first phrase — without the closing 。"""
    first_line = text.split("\n", 1)[0]
    if "\n" in text and _is_title_line(first_line.rstrip("。")):
        return first_line.rstrip("。")
    sentence = re.match(r"[^。；]*", first_line).group()
    if len(sentence) <= 40:
        return sentence
    return re.match(r"[^，。；,]*", first_line).group()


def _table_rows(table: Table, annex: Part, found: list[Part]) -> None:
    group_value, group_part = "", None
    for row in table.rows:
        group = row.cells.get(GROUP, "").strip()
        if group and group != group_value:
            group_value = group
            numbered = heading_number(group)  # 一、工业遗产保护利用行动, printed across the table
            number, title = (numbered[1], numbered[3]) if numbered else (None, group)
            group_part = Part("section", number, re.sub(r"\s+", "", title), "", row.line, annex, group=group,
                              annex=True)
            found.append(group_part)
        # The row's text: its task cell and responsibility cells, as printed (graphs/README.md).
        cells = [row.cells.get(TASK, "")] + [row.cells[r] for r in RESPONSIBILITY_ROLES if row.cells.get(r)]
        text = "\t".join(c.strip() for c in cells if c.strip())
        task = row.cells.get(TASK, "").strip()
        title = re.match(r"[^，。；,]*", task).group()
        found.append(Part("item", row.number, title, text, row.line, group_part or annex, group=group_value or None,
                          cells=dict(row.cells), value=int(row.number), annex=True))
