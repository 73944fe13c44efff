"""The formats a query's answer is printed in."""

from __future__ import annotations

import csv
import io
import json

from pyoxigraph import Literal, NamedNode

from kgtool.ask.formats import render
from kgtool.ask.results import QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"


def _text_result(columns: list[str], rows: list[dict[str, str]]) -> QueryResult:
    """An answer whose values are plain literals ("" for unbound)."""
    return QueryResult(columns, [tuple(Literal(row[c]) if row[c] else None for c in columns) for row in rows])


def test_a_table_lines_up_columns_of_chinese_text_by_terminal_width():
    # A Chinese character takes two columns of a terminal; full-width brackets too; the
    # dash — and curly quotes take one; 𠀀 (U+20000, beyond the BMP) takes two, so the
    # widest agency is “省”—𠀀, seven columns.
    result = _text_result(
        ["agency", "number", "role"],
        [
            {"agency": "工信部", "number": "（一）", "role": "lead"},
            {"agency": "MIIT", "number": "1.", "role": "participant"},
            {"agency": "“省”—𠀀", "number": "", "role": ""},
        ],
    )
    assert render(result, "table").splitlines() == [
        "agency   number  role",
        "-------  ------  -----------",
        "工信部   （一）  lead",
        "MIIT     1.      participant",
        "“省”—𠀀",
        "(3 rows)",
    ]


# An item's text as the Guangdong plan prints it: a heading, then the text on its own line.
ITEM = "（一）加强工业遗产保护\n推动工业遗产认定。"


def test_a_table_and_markdown_keep_one_row_per_line_when_a_value_holds_a_line_break():
    result = _text_result(["number", "text"], [{"number": "1", "text": ITEM}, {"number": "2", "text": "一行"}])
    table = render(result, "table").splitlines()
    assert table[2:] == ["1       （一）加强工业遗产保护↵推动工业遗产认定。", "2       一行", "(2 rows)"]
    assert render(result, "md").splitlines()[2] == "| 1 | （一）加强工业遗产保护↵推动工业遗产认定。 |"


def test_csv_keeps_a_value_with_a_line_break_whole():
    result = _text_result(["number", "text"], [{"number": "1", "text": ITEM}])
    assert list(csv.DictReader(io.StringIO(render(result, "csv")))) == [{"number": "1", "text": ITEM}]


def test_json_gives_numbers_dates_and_unbound_values_their_json_types():
    result = QueryResult(
        ["agency", "quantity", "tasks", "year", "issued", "note"],
        [(
            NamedNode("https://w3id.org/icpkg/id/agency/miit"),
            Literal("80", datatype=NamedNode(XSD + "decimal")),
            Literal("3", datatype=NamedNode(XSD + "integer")),
            Literal("2025", datatype=NamedNode(XSD + "gYear")),
            Literal("2021-05-31", datatype=NamedNode(XSD + "date")),
            None,
        )],
    )
    assert json.loads(render(result, "json")) == [{
        "agency": "https://w3id.org/icpkg/id/agency/miit", "quantity": 80, "tasks": 3, "year": 2025,
        "issued": "2021-05-31", "note": None,
    }]
