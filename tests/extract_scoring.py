"""Scoring a draft against a hand annotation (tests/fixtures/extract/plans/*.expected.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from docx import Document

PLANS = Path(__file__).parent / "fixtures" / "extract" / "plans"
HELDOUT = Path(__file__).parent / "fixtures" / "extract" / "heldout"
HELDOUT2 = Path(__file__).parent / "fixtures" / "extract" / "heldout2"
_SPACE = re.compile(r"\s+")


def plan_names(folder: Path = PLANS) -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in folder.glob("*.expected.json"))


def expected(name: str, folder: Path = PLANS) -> dict:
    return json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))


def plan_file(name: str, scratch: Path, folder: Path = PLANS) -> Path:
    """The plan's file; a .docx is built from its readable spec into `scratch`."""
    spec = folder / f"{name}.docx.json"
    if not spec.exists():
        return folder / f"{name}.txt"
    document = Document()
    for block in json.loads(spec.read_text(encoding="utf-8"))["blocks"]:
        if "p" in block:
            document.add_paragraph(block["p"])
        else:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, cells in zip(table.rows, rows):
                for cell, text in zip(row.cells, cells):
                    first, *rest = text.split("\n")
                    cell.text = first
                    for paragraph in rest:
                        cell.add_paragraph(paragraph)
    path = scratch / f"{name}.docx"
    document.save(path)
    return path


def squeeze(text: str) -> str:
    return _SPACE.sub("", text or "")


def same(value, found) -> bool:
    """An annotated fact and the one read, alike but for whitespace."""
    if isinstance(value, list):
        return [squeeze(v) for v in value] == [squeeze(v) for v in found or []]
    return squeeze(str(value)) == squeeze(str(found))


def found_document(draft) -> dict:
    facts = draft.facts
    return {
        "title": facts.title, "number": facts.number, "issuers": [name for _, name in facts.issuers],
        "date": facts.date, "period": list(facts.period) if facts.period else None,
        "status": "draft-for-comment" if facts.draft else "final",
        "implements": facts.implements[0][0] if facts.implements else None,
        "jurisdiction": draft.where.name, "kind": facts.kind,
    }


def items(draft) -> list[tuple[str, str, str, str]]:
    """(number or title, kind, title, text without whitespace) of each item drafted."""
    return [(i.part.number or i.part.title, i.part.item_kind, squeeze(i.part.title), squeeze(i.part.text))
            for i in draft.items]


def matches(item: dict, found: tuple[str, str, str, str]) -> bool:
    """Whether a drafted item is the annotated one: same number, kind and title, and a
    text that starts and ends with the annotated words."""
    number, kind, title, text = found
    return ((item["number"] or item["title"]) == number and item["kind"] == kind and squeeze(item["title"]) == title
            and text.startswith(squeeze(item["text_start"])) and text.endswith(squeeze(item["text_end"])))


def assignments(draft) -> set:
    return {(item.part.number or item.part.title, item.part.item_kind, who.name, role)
            for item in draft.items for clause in item.clauses for who, role in clause.resolved}


def expected_assignments(annotation: dict) -> set:
    return {(item["number"] or item["title"], item["kind"], name, role)
            for item in annotation["items"] for name, role in item["assignments"]}


def targets(draft) -> set:
    return {(part.number, f"{float(t.quantity):g}", t.unit, t.qualifier, t.year, t.kind) for part, _, t in draft.targets}


def expected_targets(annotation: dict) -> set:
    return {(t["item"], f"{float(t['quantity']):g}", t["unit"], t["qualifier"], t["year"], t["kind"])
            for t in annotation["targets"]}
