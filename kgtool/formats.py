"""Write query results as a table for people, or CSV, TSV, JSON or Markdown for programs."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata

from .queries import QueryResult

FORMATS = ("table", "csv", "tsv", "json", "md")


@functools.cache
def _wide_characters() -> re.Pattern:
    """Every East Asian Wide or Fullwidth character (two columns in a terminal: Chinese
    among them) as one character class, read from unicodedata once. All of them lie
    below U+40000."""
    ranges, start = [], None
    for code in range(0x40001):
        wide = code < 0x40000 and unicodedata.east_asian_width(chr(code)) in "WF"
        if wide and start is None:
            start = code
        elif not wide and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return re.compile(f"[{''.join(ranges)}]")


def _width(text: str) -> int:
    return len(text) if text.isascii() else len(text) + len(_wide_characters().findall(text))


def _table(result: QueryResult) -> str:
    # Each distinct value measured once: a table repeats its values (an item's text in
    # every row of its bodies).
    width_of = {value: _width(value) for value in {*result.columns, *(r[c] for r in result.rows for c in result.columns)}}
    widths = {c: max([width_of[c]] + [width_of[r[c]] for r in result.rows]) for c in result.columns}

    def line(cells: dict) -> str:
        return "  ".join(cells[c] + " " * (widths[c] - width_of[cells[c]]) for c in result.columns).rstrip()

    lines = [line({c: c for c in result.columns}), "  ".join("-" * widths[c] for c in result.columns)]
    lines += [line(r) for r in result.rows]
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines) + "\n"


def _delimited(result: QueryResult, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=result.columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(result.rows)
    return buffer.getvalue()


def _markdown(result: QueryResult) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(result.columns) + " |", "|" + "---|" * len(result.columns)]
    lines += ["| " + " | ".join(cell(r[c]) for c in result.columns) + " |" for r in result.rows]
    return "\n".join(lines) + "\n"


def render(result: QueryResult, output_format: str) -> str:
    """The result in one of FORMATS."""
    if output_format == "table":
        return _table(result)
    if output_format == "csv":
        return _delimited(result, ",")
    if output_format == "tsv":
        return _delimited(result, "\t")
    if output_format == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2) + "\n"
    if output_format == "md":
        return _markdown(result)
    raise ValueError(f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}")
