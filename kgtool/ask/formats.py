"""Write query results as a table for people, or CSV, TSV, JSON or Markdown for programs.

The table and Markdown keep one row per line: a line break inside a value (an
item's text can hold one) is shown as ↵. CSV and TSV keep values whole (quoted
where needed); JSON gives numbers, dates and booleans their JSON types, and null
where a variable is unbound."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from itertools import chain

from .results import QueryResult, json_value

FORMATS = ("table", "csv", "tsv", "json", "md")
LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
PAST_THE_BMP = re.compile("[\U00010000-\U0010FFFF]")  # ideographs of extensions B–G, emoji


@functools.cache
def _narrow_runs() -> re.Pattern:
    """Runs of characters that take one column in a terminal: all but the East Asian
    Wide and Fullwidth ones of the Basic Multilingual Plane (Chinese among them), read
    from unicodedata once. A class of the BMP alone is a bitmap to the regex engine;
    one with the wide ranges above it too is a list of ranges tried one by one."""
    ranges, start = [], None
    for code in range(0x10001):
        wide = code < 0x10000 and unicodedata.east_asian_width(chr(code)) in "WF"
        if wide and start is None:
            start = code
        elif not wide and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return re.compile(f"[^{''.join(ranges)}]+")


def _width(text: str) -> int:
    """The columns `text` takes in a terminal: two for each wide character."""
    if text.isascii():
        return len(text)
    width = len(text) + len(_narrow_runs().sub("", text))  # what is left is wide
    if PAST_THE_BMP.search(text):
        width += sum(1 for char in text if char > "\uffff" and unicodedata.east_asian_width(char) in "WF")
    return width


def _one_line(text: str) -> str:
    return LINE_BREAK.sub("↵", text)


def _table(result: QueryResult) -> str:
    # Column by column, each distinct value measured and padded once: a table repeats
    # its values (an item's text in every row of its bodies). The last column, often
    # the longest, is not padded: nothing follows it.
    columns = result.columns
    shown = {value: _one_line(value) for value in set(chain.from_iterable(result.cells))}
    by_column = {c: [shown[row[i]] for row in result.cells] for i, c in enumerate(columns)}
    distinct = {c: {c, *by_column[c]} for c in columns}
    width_of = {value: _width(value) for values in distinct.values() for value in values}
    widths = {c: max(map(width_of.__getitem__, distinct[c])) for c in columns}
    *before, last = columns
    padded = {c: {value: value + " " * (widths[c] - width_of[value]) for value in distinct[c]} for c in before}
    header = "  ".join([*(padded[c][c] for c in before), last]).rstrip()
    rule = "  ".join("-" * widths[c] for c in columns)
    lines = zip(*(map(padded[c].__getitem__, by_column[c]) for c in before), by_column[last])
    body = ("  ".join(line).rstrip() for line in lines)
    return "\n".join([header, rule, *body, f"({len(result.cells)} rows)"]) + "\n"


def _delimited(result: QueryResult, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(result.cells)
    return buffer.getvalue()


def _markdown(result: QueryResult) -> str:
    def cell(text: str) -> str:
        return _one_line(text).replace("|", "\\|")

    lines = ["| " + " | ".join(result.columns) + " |", "|" + "---|" * len(result.columns)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in result.cells]
    return "\n".join(lines) + "\n"


def render(result: QueryResult, output_format: str, bom: bool = False) -> str:
    """The result in one of FORMATS; csv and tsv begin with a byte-order mark if `bom`
    (Excel reads a file without one in the system's code page, and garbles Chinese)."""
    mark = "\ufeff" if bom else ""
    if output_format == "table":
        return _table(result)
    if output_format == "csv":
        return mark + _delimited(result, ",")
    if output_format == "tsv":
        return mark + _delimited(result, "\t")
    if output_format == "json":
        records = [{column: json_value(value) for column, value in record.items()} for record in result.records()]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if output_format == "md":
        return _markdown(result)
    raise ValueError(f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}")
