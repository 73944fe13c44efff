"""The build: asserted and inferred quads plus a summary, written once, read by every command.

This module is the one place that knows how a build is stored on disk, so a
faster engine can replace N-Quads files without touching the commands. A build
is written into a temporary sibling folder and swapped in with renames: a
failed build never leaves a half-written folder, and the previous build
survives until the new one is complete (kgtool.atomic).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Dataset, Graph

from .atomic import staged_folder
from .errors import BuildMissingError, KgtoolError
from .namespaces import INFERRED_GRAPH, PREFIXES

ASSERTED_FILE = "asserted.nq"
INFERRED_FILE = "inferred.nq"
SUMMARY_FILE = "summary.json"
FORMAT_VERSION = 1


def _sorted_nquads(dataset: Dataset) -> bytes:
    # Sorted lines make identical inputs give byte-identical files.
    text = dataset.serialize(format="nquads")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def write_build(build_dir: Path, asserted: Dataset, inferred: Graph, summary: dict) -> None:
    """Write a complete build to `build_dir`, replacing any previous one atomically."""
    with staged_folder(build_dir) as staging:
        (staging / ASSERTED_FILE).write_bytes(_sorted_nquads(asserted))
        inferred_dataset = Dataset()
        inferred_graph = inferred_dataset.graph(INFERRED_GRAPH)
        inferred_graph += inferred
        (staging / INFERRED_FILE).write_bytes(_sorted_nquads(inferred_dataset))
        document = {"format": FORMAT_VERSION, **summary}
        (staging / SUMMARY_FILE).write_text(
            json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )


@dataclass
class Build:
    """A finished build, opened for reading. Quads are parsed on first use."""

    path: Path
    _datasets: dict = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, build_dir: Path) -> "Build":
        build_dir = Path(build_dir)
        if not (build_dir / SUMMARY_FILE).is_file():
            raise BuildMissingError(build_dir)
        return cls(build_dir)

    @cached_property
    def summary(self) -> dict:
        try:
            summary = json.loads((self.path / SUMMARY_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise KgtoolError(f"{self.path / SUMMARY_FILE} is unreadable ({error}); run `kgtool build` again") from None
        if summary.get("format") != FORMAT_VERSION:
            raise KgtoolError(f"the build in {self.path} was made by another kgtool version; run `kgtool build` again")
        return summary

    @cached_property
    def fingerprint(self) -> str:
        """The SHA-256 of the summary: it changes with every build, so what is derived
        from a build (a server's store) can be reused until the next one."""
        return hashlib.sha256((self.path / SUMMARY_FILE).read_bytes()).hexdigest()

    def quad_files(self, inferred: bool = True) -> list[Path]:
        """The N-Quads files of the build: the asserted named graphs and, unless
        `inferred=False`, the inferred graph."""
        names = [ASSERTED_FILE, INFERRED_FILE] if inferred else [ASSERTED_FILE]
        return [self.path / name for name in names]

    def dataset(self, inferred: bool = True) -> Dataset:
        """The asserted named graphs and, unless `inferred=False`, the inferred graph.

        The default graph is the union of the named graphs, so a query sees every
        triple without GRAPH clauses. Parsed once per build and flag."""
        if inferred not in self._datasets:
            dataset = Dataset(default_union=True)
            for prefix, namespace in PREFIXES.items():
                dataset.bind(prefix, namespace)
            for path in self.quad_files(inferred):
                dataset.parse(path, format="nquads")
            self._datasets[inferred] = dataset
        return self._datasets[inferred]

    @cached_property
    def union(self) -> Graph:
        """Every triple of the build, asserted and inferred, as one graph."""
        union = Graph()
        for prefix, namespace in PREFIXES.items():
            union.bind(prefix, namespace)
        for s, p, o, _ in self.dataset().quads((None, None, None, None)):
            union.add((s, p, o))
        return union
