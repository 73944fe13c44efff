"""How close `kgtool extract` comes to the curated graphs of the five seeds.

    python benchmarks/extract.py            # the tables
    python benchmarks/extract.py --details  # and every miss and false find

Each seed's source text is extracted into a scratch folder (with its own code, so
the document is not its own context) and compared with its curated graph, field
by field: items (kind, number, verbatim text), assignments (item, body, role),
targets (setter, quantity, unit, qualifier, year) and the document's facts
(title, kind, 文号, issuing bodies, date, period, status, jurisdiction, the
documents it implements). A value the curated graph takes from another document
(an icp:Attestation) is not asked of the extractor. Goal: F1 ≥ 0.97 on every
field of every document.

A second table scores the plans written and annotated by hand, in layouts the seeds
do not use, in tests/fixtures/extract/plans/ (and heldout/, a second set annotated
later): the same fields, against each plan's .expected.json.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "tests"))

import extract_scoring as annotated  # noqa: E402
from kgtool.extract.draft import Context, draft  # noqa: E402
from kgtool.extract.reading import read_plan  # noqa: E402
from kgtool.extract.write import extract  # noqa: E402
from kgtool.project import find_project  # noqa: E402
from kgtool.namespaces import DOCUMENT_CODES, DOC, ELI, ICP  # noqa: E402

ROLES = (ICP.lead, ICP.participant, ICP.responsible)
FACTS = (("title", DCTERMS.title), ("kind", ELI.type_document), ("number", ELI.id_local), ("issuers", ELI.passed_by),
         ("date", ELI.date_document), ("period start", ICP.periodStart), ("period end", ICP.periodEnd),
         ("status", ICP.status), ("jurisdiction", ELI.jurisdiction), ("implements", ELI.based_on))
DEBRIS = re.compile(r"\s+|\*\*|\[bookmark:\s*_GoBack\]")


def plain(text) -> str:
    return DEBRIS.sub("", str(text))


def item_key(graph: Graph, item) -> tuple[str, str]:
    kind = str(graph.value(item, ICP.taskKind)).rsplit("/", 1)[-1]
    number = graph.value(item, ELI.number)
    return kind, plain(number) if number is not None else plain(graph.value(item, DCTERMS.title))


def items(graph: Graph, document) -> set:
    return {(*item_key(graph, t), plain(graph.value(t, ICP.text)))
            for t in graph.subjects(ICP.inDocument, document) if (t, RDF.type, ICP.Task) in graph}


def assignments(graph: Graph, document) -> set:
    found = set()
    for task in graph.subjects(ICP.inDocument, document):
        if (task, RDF.type, ICP.Task) not in graph:
            continue
        for clause in graph.objects(task, ICP.hasClause):
            for role in ROLES:
                found |= {(item_key(graph, task), str(who), role.split("#")[-1]) for who in graph.objects(clause, role)}
    return found


def setter_key(graph: Graph, setter) -> tuple[str, str]:
    if (setter, RDF.type, ICP.Programme) in graph:
        return "programme", plain(graph.value(setter, ELI.number) or graph.value(setter, DCTERMS.title))
    return item_key(graph, setter)


def targets(graph: Graph, document) -> set:
    found = set()
    for setter, target in graph.subject_objects(ICP.setsTarget):
        if (target, ICP.inDocument, document) in graph:
            year = graph.value(target, ICP.deadline)
            found.add((setter_key(graph, setter), f"{float(graph.value(target, ICP.quantity)):g}",
                       str(graph.value(target, ICP.unit)), str(graph.value(target, ICP.qualifier)).rsplit("/", 1)[-1],
                       str(year) if year is not None else ""))
    return found


def facts(graph: Graph, document, attested: set) -> dict[str, set]:
    return {name: {plain(v) for v in graph.objects(document, prop)} for name, prop in FACTS
            if (document, prop) not in attested}


def attested(graph: Graph) -> set:
    return {(graph.value(a, RDF.subject), graph.value(a, RDF.predicate))
            for a in graph.subjects(RDF.type, ICP.Attestation)}


def score(gold: set, found: set) -> tuple[int, int, int]:
    return len(gold & found), len(found - gold), len(gold - found)


def f1(tp: int, fp: int, fn: int) -> float:
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def compare(code: str, scratch: Path, details: bool) -> list[tuple[str, int, int, int]]:
    document = DOC[code]
    curated = Graph()
    for path in (REPO / "graphs").glob("*.ttl"):
        curated.parse(path)
    extract(REPO / "sources" / f"{code}.txt", code=code, root=REPO, out=scratch, force=True)
    drafted = Graph().parse(scratch / "graphs" / f"{code}.ttl")
    rows = []
    for field, reader in (("items", items), ("assignments", assignments), ("targets", targets)):
        gold, found = reader(curated, document), reader(drafted, document)
        rows.append((field, *score(gold, found)))
        if details:
            for miss in sorted(gold - found, key=str):
                print(f"  {code} {field} missed: {miss}")
            for extra in sorted(found - gold, key=str):
                print(f"  {code} {field} extra:  {extra}")
    gold_facts, found_facts = facts(curated, document, attested(curated)), facts(drafted, document, set())
    for name in gold_facts:
        rows.append((name, *score(gold_facts[name], found_facts.get(name, set()))))
        if details and gold_facts[name] != found_facts.get(name, set()):
            print(f"  {code} {name}: curated {sorted(gold_facts[name])} extracted {sorted(found_facts.get(name, set()))}")
    return rows


def compare_annotated(folder: Path, name: str, context: Context, scratch: Path) -> list[tuple[str, int, int, int]]:
    """A plan against its hand annotation: items, assignments, targets, the document's facts."""
    expected = annotated.expected(name, folder)
    made = draft(read_plan(annotated.plan_file(name, scratch, folder)).text, context, code=name)
    found_items = annotated.items(made)
    hits = sum(1 for item in expected["items"] if any(annotated.matches(item, f) for f in found_items))
    rows = [("items", hits, len(found_items) - hits, len(expected["items"]) - hits),
            ("assignments", *score(annotated.expected_assignments(expected), annotated.assignments(made))),
            ("targets", *score(annotated.expected_targets(expected), annotated.targets(made)))]
    found = annotated.found_document(made)
    right = sum(1 for field, value in expected["document"].items() if annotated.same(value, found[field]))
    rows.append(("document facts", right, len(expected["document"]) - right, len(expected["document"]) - right))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="print every miss and false find")
    args = parser.parse_args()
    started = time.perf_counter()
    worst = 1.0
    print(f"{'document':<18}{'field':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'F1':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        for code in DOCUMENT_CODES:
            for field, tp, fp, fn in compare(code, Path(scratch), args.details):
                value = f1(tp, fp, fn)
                worst = min(worst, value)
                print(f"{code:<18}{field:<14}{tp:>5}{fp:>5}{fn:>5}{value:>8.3f}{'' if value >= 0.97 else '  < 0.97'}")
    print(f"lowest F1 {worst:.3f}; {time.perf_counter() - started:.1f} s for five extractions")
    context = Context.load(find_project(REPO))
    for folder in (annotated.PLANS, annotated.HELDOUT, annotated.HELDOUT2):
        names = annotated.plan_names(folder)
        if not names:
            continue
        print(f"\n{'plan (' + folder.name + ')':<18}{'field':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'F1':>8}")
        with tempfile.TemporaryDirectory() as scratch:
            for name in names:
                for field, tp, fp, fn in compare_annotated(folder, name, context, Path(scratch)):
                    value = f1(tp, fp, fn)
                    print(f"{name:<18}{field:<16}{tp:>5}{fp:>5}{fn:>5}{value:>8.3f}{'' if value >= 0.97 else '  < 0.97'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
