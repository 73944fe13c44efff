"""What a person checks after an extraction: a summary, and a table for side-by-side reading.

The summary counts what was found (items by kind, clauses, bodies resolved and
created, targets, alignments, passages reused) and lists every low-confidence
spot with its line in the source. The review table has one row per item: its
number and title, its bodies by role, its targets and its suggested alignments.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from .alignment import ALIGN_THRESHOLD
from .draft import Draft, KnownDocument, Spot

ROLE_WORDS = {"lead": "牵头", "participant": "参与", "responsible": "负责"}
COLUMNS = ("number", "title", "kind", "line", "bodies", "targets", "suggested_alignments", "reuse")


@dataclass
class Summary:
    code: str
    title: str
    jurisdiction: str
    items_by_kind: Counter
    clauses: int
    assignments: int
    bodies_known: int
    bodies_created: list[tuple[str, str, float]]   # (full name, as printed, confidence)
    generic_actors: int
    targets: int
    aligned: int
    reused: int
    spots: list[Spot]

    @property
    def items(self) -> int:
        return sum(self.items_by_kind.values())


def summarise(draft: Draft) -> Summary:
    clauses = {c.iri: c for item in draft.items for c in item.clauses}
    resolutions = [who for c in clauses.values() for who, _ in c.resolved]
    known = {who.iri for who in resolutions if who.created is None and not who.generic}
    generic = {who.iri for who in resolutions if who.generic}
    created = sorted({(b.name_zh, b.printed, b.confidence) for b in draft.actors.created.values() if not b.generic})
    assignments = {(item.iri, who.iri, role) for item in draft.items for c in item.clauses for who, role in c.resolved}
    return Summary(
        draft.code, draft.facts.title, draft.where.name,
        Counter(item.part.item_kind for item in draft.items), len(clauses), len(assignments), len(known),
        created, len(generic), len(draft.targets),
        sum(1 for i in draft.items if _aligned(i)), sum(len(i.reuse) for i in draft.items),
        sorted(draft.spots, key=lambda s: s.line))


def _aligned(item) -> bool:
    """Whether the item's best suggestion was recorded as icp:alignsWith."""
    return bool(item.suggestions) and item.suggestions[0].score >= ALIGN_THRESHOLD


def summary_text(summary: Summary) -> str:
    kinds = ", ".join(f"{n} {k}" for k, n in summary.items_by_kind.most_common())
    lines = [
        f"{summary.code}: {summary.title} ({summary.jurisdiction})",
        f"  items            {summary.items:>5}  ({kinds})",
        f"  clauses          {summary.clauses:>5}  ({summary.assignments} body-role assignments)",
        f"  bodies known     {summary.bodies_known:>5}  (in the registry)",
        f"  bodies created   {len(summary.bodies_created):>5}" + (
            f"  (in graphs/registry/{summary.code}.ttl, to review)" if summary.bodies_created else ""),
        f"  generic actors   {summary.generic_actors:>5}",
        f"  targets          {summary.targets:>5}",
        f"  aligned items    {summary.aligned:>5}  (icp:alignsWith from the best suggestion)",
        f"  reused passages  {summary.reused:>5}  (12+ characters word for word from another document)",
    ]
    for name, printed, confidence in summary.bodies_created:
        lines.append(f"    new body {name} (printed “{printed}”, confidence {confidence:.2f})")
    if summary.spots:
        lines.append(f"  to check ({len(summary.spots)}):")
        lines += [f"    line {spot.line}: {spot.what}" for spot in summary.spots]
    return "\n".join(lines) + "\n"


def review_rows(draft: Draft, documents: dict[str, KnownDocument]) -> list[dict[str, str]]:
    labels = {str(t): f"{code} {number}" for code, d in documents.items() for t, number in d.numbers_of_items.items()}
    rows = []
    for item in draft.items:
        bodies = [f"{who.name}（{ROLE_WORDS[role]}）" for c in item.clauses for who, role in c.resolved]
        targets = [f"{t.quote}" + (f"（{t.year}）" if t.year else "") for _, t in item.targets]
        suggestions = [f"{labels.get(s.national, s.national)} ({s.score:.2f})" for s in item.suggestions]
        reuse = [f"{labels.get(r.reused, r.reused)}: {r.passage}" for r in item.reuse]
        rows.append({
            "number": item.part.number or "", "title": item.part.title, "kind": item.part.item_kind,
            "line": str(item.part.line), "bodies": "、".join(dict.fromkeys(bodies)), "targets": "；".join(targets),
            "suggested_alignments": "; ".join(suggestions), "reuse": " | ".join(reuse),
        })
    return rows


def review_table(rows: list[dict[str, str]], markdown: bool) -> str:
    """The review as CSV (for a spreadsheet) or as a Markdown table (for reading)."""
    if not markdown:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    cell = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(row[c]) for c in COLUMNS) + " |" for row in rows]
    return "\n".join(lines) + "\n"
