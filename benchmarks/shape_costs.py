"""What each shape costs pyshacl-turbo to check: the source of the shapes' core:cost.

Validates the project's data with each targeted shape alone, and once with a shape
that selects nothing, and prints each shape's seconds beyond that baseline (the
engine parsing the data, which every run pays) beside the core:cost the shapes give
it. kgtool shares the shapes between its two engine runs by those costs, so a cost
that has drifted far from what this prints makes one run wait for the other.

    python benchmarks/generate.py --triples 1000000 /tmp/rollout   # once
    python benchmarks/shape_costs.py /tmp/rollout
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.namespace import RDF, SH

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kgtool.check.validate import COST, ENGINES, TARGETS, prepare, targeted_shapes  # noqa: E402


def seconds(inputs, shapes) -> float:
    started = time.perf_counter()
    ENGINES["turbo"].run(inputs.data, shapes)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path, help="a project folder (a generated rollout, or the repository)")
    args = parser.parse_args()
    ENGINES["turbo"].runs = 1  # one shape at a time
    inputs = prepare(root=args.project)
    nothing = BNode()
    empty = _only(inputs.shapes, [])
    empty.add((nothing, RDF.type, SH.NodeShape))
    empty.add((nothing, SH.targetNode, BNode()))
    baseline = min(seconds(inputs, empty) for _ in range(2))  # the first also warms caches
    print(f"baseline (parsing the data): {baseline:.1f} s")
    print(f"{'shape':55} {'seconds':>8} {'core:cost':>10}")
    for shape in sorted(targeted_shapes(inputs.shapes)):
        cost = inputs.shapes.value(shape, COST)
        spent = max(0.0, seconds(inputs, _only(inputs.shapes, [shape])) - baseline)
        print(f"{str(shape).rsplit('/', 1)[-1]:55} {spent:8.1f} {'' if cost is None else str(cost):>10}", flush=True)


def _only(shapes, kept: list):
    """The shapes graph with the targets of every shape but `kept` removed."""
    only = Graph()
    only += shapes
    for target in TARGETS:
        for shape, value in list(only.subject_objects(target)):
            if shape not in kept:
                only.remove((shape, target, value))
    return only


if __name__ == "__main__":
    main()
