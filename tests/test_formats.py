"""The formats a query's rows are printed in."""

from __future__ import annotations

from kgtool.formats import render
from kgtool.queries import QueryResult


def test_a_table_lines_up_columns_of_chinese_text_by_terminal_width():
    # A Chinese character takes two columns of a terminal; full-width brackets too; the
    # dash — and curly quotes take one; 𠀀 (U+20000, beyond the BMP) takes two, so the
    # widest agency is “省”—𠀀, seven columns.
    result = QueryResult(
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
