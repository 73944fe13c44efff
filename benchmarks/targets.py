"""How well kgtool.extract.targets reads the targets the curators recorded in the seeds.

For every item (icp:Task), programme (icp:Programme) and section with prose of its
own (icp:Section with icp:text) of a document graph, its icp:text is the passage;
`find_targets(passage)` is compared with the icp:Target resources the passage's
resource icp:setsTarget. Per document it prints

  * precision, recall and F1 of the tuple (quantity, unit, qualifier, deadline),
    counted over every passage, so a number read in a passage with no target is a
    false positive;
  * of the targets found with the right tuple, the share whose kind and whose
    subject are the curators'.

A document with no curated target and nothing found scores 1.0. `--verbose` lists
each miss and each false positive.

    python benchmarks/targets.py
    python benchmarks/targets.py --verbose graphs/gd-2023-plan.ttl
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kgtool.extract.targets import find_targets  # noqa: E402
from kgtool.namespaces import ICP  # noqa: E402

SEEDS = ("cn-2016-guidance", "cn-2021-plan", "fj-2026-plan", "gd-2023-plan", "js-task-table")
PASSAGE_CLASSES = (ICP.Task, ICP.Programme, ICP.Section)


@dataclass(frozen=True)
class Reading:
    """A target as compared: the tuple scored for F1, then its kind and subject."""

    quantity: str
    unit: str
    qualifier: str
    year: str | None
    kind: str
    subject: str

    @property
    def key(self) -> tuple:
        return (self.quantity, self.unit, self.qualifier, self.year)


@dataclass
class Passage:
    setter: str
    text: str
    gold: list[Reading]


@dataclass
class Scores:
    document: str
    passages: int = 0
    gold: int = 0
    found: int = 0
    matched: int = 0
    kind_right: int = 0
    subject_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.matched if self.matched else 1.0

    @property
    def subject_accuracy(self) -> float:
        return self.subject_right / self.matched if self.matched else 1.0


def _slug(iri) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _decimal(value) -> str:
    return str(Decimal(str(value)).normalize()) if "." in str(value) else str(int(Decimal(str(value))))


def gold_reading(graph: Graph, target) -> Reading:
    deadline = graph.value(target, ICP.deadline)
    return Reading(
        quantity=_decimal(graph.value(target, ICP.quantity)),
        unit=str(graph.value(target, ICP.unit)),
        qualifier=_slug(graph.value(target, ICP.qualifier)),
        year=str(deadline) if deadline is not None else None,
        kind=_slug(graph.value(target, ICP.targetKind)),
        subject=str(graph.value(target, ICP.subject)),
    )


def passages(graph: Graph) -> list[Passage]:
    """Every item, programme and section with a text, with the targets it sets."""
    found = []
    for cls in PASSAGE_CLASSES:
        for resource in sorted(graph.subjects(RDF.type, cls)):
            text = graph.value(resource, ICP.text)
            if text is None:
                continue
            gold = [gold_reading(graph, t) for t in sorted(graph.objects(resource, ICP.setsTarget))]
            found.append(Passage(_slug(resource), str(text), gold))
    return found


def found_readings(text: str) -> list[Reading]:
    return [Reading(_decimal(t.quantity), t.unit, t.qualifier, t.year, t.kind, t.subject)
            for t in find_targets(text)]


def _pair(gold: Reading, pool: list[Reading]) -> Reading | None:
    """The reading with gold's tuple, one with its kind and subject too if any; taken from the pool."""
    same = [r for r in pool if r.key == gold.key]
    if not same:
        return None
    best = next((r for r in same if (r.kind, r.subject) == (gold.kind, gold.subject)), same[0])
    pool.remove(best)
    return best


def score_document(path: Path) -> Scores:
    graph = Graph().parse(path, format="turtle")
    scores = Scores(path.stem)
    for passage in passages(graph):
        pool = found_readings(passage.text)
        scores.passages += 1
        scores.gold += len(passage.gold)
        scores.found += len(pool)
        for gold in passage.gold:
            reading = _pair(gold, pool)
            if reading is None:
                scores.misses.append(f"{passage.setter}: {gold}")
                continue
            scores.matched += 1
            scores.kind_right += reading.kind == gold.kind
            scores.subject_right += reading.subject == gold.subject
            if (reading.kind, reading.subject) != (gold.kind, gold.subject):
                scores.wrong_details.append(f"{passage.setter}: read {reading.kind} “{reading.subject}”, "
                                            f"curated {gold.kind} “{gold.subject}”")
        scores.false_positives += [f"{passage.setter}: {reading}" for reading in pool]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="*", type=Path,
                        default=[REPO / "graphs" / f"{code}.ttl" for code in SEEDS])
    parser.add_argument("--verbose", action="store_true", help="list each miss, false positive and wrong reading")
    args = parser.parse_args()
    print(f"{'document':<18} {'passages':>8} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'kind':>6} {'subject':>8}")
    for path in args.graphs:
        s = score_document(path)
        print(f"{s.document:<18} {s.passages:>8} {s.gold:>5} {s.found:>5} {s.precision:>6.3f} {s.recall:>6.3f} "
              f"{s.f1:>6.3f} {s.kind_accuracy:>6.3f} {s.subject_accuracy:>8.3f}")
        if args.verbose:
            for line in (*(f"  miss  {m}" for m in s.misses), *(f"  extra {f}" for f in s.false_positives),
                         *(f"  wrong {w}" for w in s.wrong_details)):
                print(line)


if __name__ == "__main__":
    main()
