"""Write query results as a table for people, or CSV, TSV, JSON or Markdown for programs."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from .queries import QueryResult

FORMATS = ("table", "csv", "tsv", "json", "md")


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(result: QueryResult) -> str:
    widths = {c: max([_width(c)] + [_width(r[c]) for r in result.rows]) for c in result.columns}
    lines = ["  ".join(_pad(c, widths[c]) for c in result.columns).rstrip()]
    lines.append("  ".join("-" * widths[c] for c in result.columns))
    lines += ["  ".join(_pad(r[c], widths[c]) for c in result.columns).rstrip() for r in result.rows]
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
