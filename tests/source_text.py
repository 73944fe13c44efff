"""Reading the source texts independently of the graphs, for tests that hold the graphs to them."""

from __future__ import annotations

import re

from helpers import REPO

CLAUSE_IN_BRACKETS = re.compile(r"[（(]([^（）()]*?(?:牵头|参与|负责|落实|责任单位)[^（）()]*)[）)]")
# What the extraction from the published files added and the graphs leave out:
# Markdown bold marks and Word's "[bookmark: _GoBack]" anchors (sources/README.md).
EXTRACTION_DEBRIS = re.compile(r"\s+|\*\*|\[bookmark:\s*_GoBack\]")


def source(code: str) -> str:
    return (REPO / "sources" / f"{code}.txt").read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """The text without whitespace and extraction debris: how verbatim is compared."""
    return EXTRACTION_DEBRIS.sub("", text)


def clauses(code: str) -> list[str]:
    """Every responsibility clause and table cell the source prints, in order, normalised."""
    text = source(code)
    found = CLAUSE_IN_BRACKETS.findall(normalise(text))  # the Guangdong PDF breaks clauses across lines
    if code == "gd-2023-plan":  # the annex's 责任单位 column
        found += [line.split("\t")[-1] for line in text.splitlines() if re.match(r"^\d+\t", line)]
    if code == "js-task-table":  # the 责任部门 column
        found += [line.strip() for line in text.splitlines() if re.search(r"(牵头|负责|参与)\s*$", line)]
    return [normalise(clause) for clause in found]


def fujian_units_concerned() -> list[str]:
    """Fujian's closing list of the units concerned (各有关单位), which names every body once."""
    return re.findall(r"各有关单位：(.*?)。", normalise(source("fj-2026-plan")))
