"""Task-division tables (任务分工表) in the three shapes their text takes.

A table's header names its columns (序号 / 任务 / 牵头单位 / 配合单位 / 责任单位 /
完成时限 …). Its rows come as

- one row a line, cells split by tabs (a .docx read by kgtool, or a table pasted
  as text: sources/gd-2023-plan.txt's annex);
- one cell a line, each opening with a tab, rows apart by a blank line (a table
  converted to plain text: sources/js-task-table.txt);
- one row a line, cells apart by runs of spaces, a long cell wrapping onto lines
  of its own (text extracted from a PDF with its layout kept).

The reader gives each row's cells by column role; a vertically merged cell is
empty in the rows below its first, as the text prints it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .numbering import heading_number

NUMBER, GROUP, TASK, LEAD, PARTNER, RESPONSIBLE, DEADLINE, OTHER = (
    "number", "group", "task", "lead", "partner", "responsible", "deadline", "other")

# Header words of each column role, most specific first: layout words of the
# documents, not concepts of the graph.
_COLUMN_WORDS = (
    (NUMBER, ("序号", "编号")),
    (LEAD, ("牵头单位", "牵头部门", "牵头")),
    (PARTNER, ("配合单位", "配合部门", "参与单位", "参与部门", "协同单位", "协办单位", "参加单位", "配合")),
    (RESPONSIBLE, ("责任单位", "责任部门", "负责单位", "承担单位", "实施单位", "责任主体", "单位")),
    (DEADLINE, ("完成时限", "完成时间", "时间进度", "进度安排", "时间安排", "时限")),
    (TASK, ("具体任务", "重点任务", "工作任务", "主要任务", "任务内容", "工作内容", "具体内容",
            "主要内容", "工作措施", "重点工作", "具体措施", "任务", "内容", "措施")),
)
RESPONSIBILITY_ROLES = (LEAD, PARTNER, RESPONSIBLE)
_SPACES = re.compile(r"(?:[ \u3000]{2,}|\t)+")
_ROW_NUMBER = re.compile(r"^\d{1,3}$")


@dataclass
class Row:
    number: str
    line: int                       # 1-based line of the row's number
    cells: dict[str, str] = field(default_factory=dict)  # role → text as printed

    @property
    def responsibility(self) -> dict[str, str]:
        return {role: self.cells[role] for role in RESPONSIBILITY_ROLES if self.cells.get(role)}


@dataclass
class Table:
    roles: list[str]                # column roles, in order
    rows: list[Row]
    first_line: int                 # 0-based index of the header's first line
    end: int                        # 0-based index just past the table


def column_role(header: str) -> str | None:
    header = re.sub(r"\s+", "", header)
    for role, words in _COLUMN_WORDS:
        if any(word in header for word in words):
            return role
    return None


def _roles(headers: list[str]) -> list[str] | None:
    """Column roles for a header row, or None when it is not a task-division table's:
    it needs 序号, a task column and a responsibility column."""
    roles = [column_role(h) or OTHER for h in headers]
    if NUMBER not in roles or TASK not in roles or not set(RESPONSIBILITY_ROLES) & set(roles):
        return None
    # The last task-like column holds the task (工作任务 / 具体措施: the measures); a column before
    # it that is not numbered or named, or is task-like too, groups the rows (分类, 五项工程, 工作任务);
    # one after it that is not named (备注) is kept out of the row's text.
    task = len(roles) - 1 - roles[::-1].index(TASK)
    return [GROUP if r in (OTHER, TASK) and i < task else r for i, r in enumerate(roles)]


def find_table(lines: list[str], start: int) -> Table | None:
    """The task-division table whose header starts at lines[start], if one does."""
    line = lines[start]
    if "\t" in line.strip("\t") and "序号" in line:
        return _tab_rows(lines, start)
    if line.startswith("\t") and re.sub(r"\s+", "", line) == "序号":
        return _cell_lines(lines, start)
    if "序号" in line and len(_SPACES.split(line.strip())) >= 3:
        return _spaced_rows(lines, start)
    return None


def _new_row(roles: list[str], cells: list[str], line: int) -> Row | None:
    cells = [c.strip() for c in cells]
    number = cells[roles.index(NUMBER)] if len(cells) > roles.index(NUMBER) else ""
    if not _ROW_NUMBER.match(number):
        return None
    row = Row(number, line + 1)
    for role, cell in zip(roles, cells):
        if role != NUMBER:  # two columns of one role (two 分类 levels) read as one
            row.cells[role] = f"{row.cells[role]} {cell}".strip() if role in row.cells else cell
    return row


def _tab_rows(lines: list[str], start: int) -> Table | None:
    header = lines[start].strip("\t").split("\t")
    roles = _roles(header)
    if roles is None:
        return None
    rows, index, group = [], start + 1, ""
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if "\t" not in line:
            if not _group_row(lines, index):
                break
            group = line.strip()  # a row of its own naming the group of the rows under it
            index += 1
            continue
        cells = line.split("\t")
        if [re.sub(r"\s+", "", c) for c in cells] != [re.sub(r"\s+", "", h) for h in header]:
            row = _new_row(roles, cells, index)
            if row:
                if group and not row.cells.get(GROUP):
                    row.cells[GROUP] = group
                rows.append(row)
            elif rows:  # a cell that went on past a line break
                _continue_row(rows[-1], roles, cells)
        index += 1
    return Table(roles, rows, start, index)


def _group_row(lines: list[str], index: int) -> bool:
    """A short line inside a tab-separated table, followed by the table's next row: a
    group heading (一、工业遗产保护利用行动) printed across the table."""
    following = next((line for line in lines[index + 1:] if line.strip()), "")
    return len(lines[index].strip()) <= 40 and "\t" in following and bool(_ROW_NUMBER.match(following.split("\t")[0].strip()))


def _continue_row(row: Row, roles: list[str], cells: list[str]) -> None:
    for role, cell in zip(roles, cells):
        if cell.strip() and role != NUMBER:
            row.cells[role] = row.cells.get(role, "") + cell.strip()


def _cells(lines: list[str], start: int) -> tuple[list[tuple[int, str]], int]:
    """The tab-opened cells from `start` on, with their lines: a line without the tab
    right after a cell goes on with it (a break inside the cell); blank lines between
    cells are passed over (a converter leaves them inside rows too)."""
    cells: list[tuple[int, str]] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if line.startswith("\t"):
            cells.append((index, line[1:]))
        elif line and cells and lines[index - 1] != "":
            cells[-1] = (cells[-1][0], cells[-1][1] + "\n" + line)
        elif line:
            break
        index += 1
    return cells, index


def _cell_lines(lines: list[str], start: int) -> Table | None:
    cells, end = _cells(lines, start)
    header = []
    while cells and cells[0][0] - start == len(header) and not _ROW_NUMBER.match(cells[0][1].strip()):
        header.append(cells.pop(0)[1])
    roles = _roles(header)
    if roles is None:
        return None
    rows: list[Row] = []
    current: list[str] = []
    first = 0
    for index, cell in cells + [(end, "")]:
        if index == end or (_ROW_NUMBER.match(cell.strip()) and (not current or len(current) >= len(roles))):
            row = _new_row(roles, current, first) if current else None
            if row:
                rows.append(row)
            current, first = [], index
        current.append(cell)
    return Table(roles, rows, start, end)


def _display_columns(line: str, wide: bool) -> list[tuple[int, str]]:
    """The space-separated fields of a line with the column each starts at: counting
    characters, or (`wide`) counting a wide character as two."""
    fields, column, index = [], 0, 0
    for match in re.finditer(r"\S+(?: \S+)*", line.replace("\u3000", "  ")):
        column += _width(line[index:match.start()], wide)
        fields.append((column, match.group()))
        column += _width(match.group(), wide)
        index = match.end()
    return fields


def _width(text: str, wide: bool) -> int:
    return sum(2 if wide and unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _alignment(lines: list[str], start: int) -> bool:
    """Whether the table's fields line up with its header counting wide characters as
    two (an editor's view) rather than as one: a PDF's text tools do either."""
    def fit(wide: bool) -> int:
        starts = [c for c, _ in _display_columns(lines[start], wide)]
        fields = [c for line in lines[start + 1: start + 40] for c, _ in _display_columns(line, wide)]
        return sum(1 for c in fields if any(abs(c - s) <= 1 for s in starts))
    return fit(True) > fit(False)


def _spaced_rows(lines: list[str], start: int) -> Table | None:
    wide = _alignment(lines, start)
    header, index = _spaced_header(lines, start, wide)
    roles = _roles([text for _, text in header])
    if roles is None:
        return None
    starts = [column for column, _ in header]
    rows = []
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        fields = _display_columns(line, wide)
        if _is_header_again(fields, header):
            index += 1
            continue
        if _ROW_NUMBER.match(fields[0][1]) and len(fields) >= 2:
            rows.append(Row(fields[0][1], index + 1))
        elif not rows or _looks_like_prose(line):
            break
        for column, text in fields[1 if rows[-1].line == index + 1 else 0:]:
            role = roles[_nearest(starts, column)]
            if role != NUMBER:
                rows[-1].cells[role] = rows[-1].cells.get(role, "") + text
        index += 1
    return Table(roles, rows, start, index)


def _spaced_header(lines: list[str], start: int, wide: bool) -> tuple[list[tuple[int, str]], int]:
    """The header's columns, with the words a narrow column wraps onto the next line
    (牵头 / 单位) joined to them; and the index of the line after the header."""
    header = _display_columns(lines[start], wide)
    index = start + 1
    while index < len(lines) and lines[index].strip():
        fields = _display_columns(lines[index], wide)
        if _ROW_NUMBER.match(fields[0][1]) or any(len(text) > 6 for _, text in fields):
            break
        starts = [column for column, _ in header]
        for column, text in fields:
            at = _nearest(starts, column)
            header[at] = (header[at][0], header[at][1] + text)
        index += 1
    return header, index


def _is_header_again(fields: list[tuple[int, str]], header: list[tuple[int, str]]) -> bool:
    """A header printed again after a page break (its first line, or all of it)."""
    words = [text for _, text in fields]
    return bool(words) and words[0] == re.sub(r"\s+", "", header[0][1]) and len(words) > 1 and \
        not _ROW_NUMBER.match(words[0]) and words[1] == header[1][1][: len(words[1])]


def _nearest(starts: list[int], column: int) -> int:
    """The column a field belongs to: the last whose start is at or before it, with a
    little slack, since a PDF's text does not align exactly."""
    best = 0
    for i, start in enumerate(starts):
        if start <= column + 2:
            best = i
    return best


def _looks_like_prose(line: str) -> bool:
    """A line after a space-aligned table that is the document's text again."""
    stripped = line.strip()
    return heading_number(stripped) is not None or stripped.startswith("附件") or len(_SPACES.split(stripped)) == 1 and len(stripped) > 40
