"""The build: an Oxigraph store of asserted and inferred quads, and a summary — written
once, read by every command.

This module is the one place that knows how a build is stored on disk: it writes
what kgtool.store.build makes, opens a build (`open_build`, the one way to) and reads
it (`Build`). The store (`store/`) answers SPARQL without anything being loaded
first, and gives its quads to rdflib for those who want a Graph (`dataset`,
`union`). Beside it, `answers/` keeps the rows of each saved query as the build
answered them, so a question asked again is read, not evaluated again
(`KeptAnswers` writes and reads them; kgtool.ask.queries asks them first). A build
is written into a temporary sibling folder and swapped in with renames: a failed
build never leaves a half-written folder, and the previous build survives until
the new one is complete (kgtool.atomic).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import BuildDamagedError, BuildMissingError, BuildStaleError, KgtoolError
from ..namespaces import INFERRED_GRAPH_IRI
from ..project import Project, find_project

STORE_DIR = "store"
QUADS_FILE = "store.nq"  # the store's quads, for a copy in memory
ANSWERS_DIR = "answers"
SUMMARY_FILE = "summary.json"
# How RocksDB, under Oxigraph, says a store's files are missing, cut short or garbled.
_DAMAGE = re.compile(r"\b(?:Corruption|IO error): ")
# What every build's summary holds and the commands read (kgtool stats, serve, publish).
_SUMMARY_KEYS = ("files", "graphs", "changed", "per_document", "documents", "items", "agencies", "generic_actors",
                 "asserted_triples", "inferred_triples", "failed_queries", "seconds")
FORMAT_VERSION = 5  # 5: the store's N-Quads beside it; answers kept when first asked


def save_store(memory_store, staging: Path) -> None:
    """Write an in-memory pyoxigraph store into a build folder being written: as the
    indexed store on disk, and as one N-Quads file from which `Build.store` fills a
    store in memory (four times faster than reading the store on disk quad by quad).

    The store on disk is written by one bulk extend, quad by quad: the bulk loader
    writes its tables directly, so a read-only open has no log to replay, and the
    blank nodes keep their labels (a load from N-Quads gives them new random ones,
    and the same input must give the same store). The N-Quads are written in
    Oxigraph, outside Python's lock, at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    from pyoxigraph import RdfFormat, Store

    with ThreadPoolExecutor(max_workers=1) as writer:
        dumping = writer.submit(memory_store.dump, output=str(staging / QUADS_FILE), format=RdfFormat.N_QUADS)
        store = Store(str(staging / STORE_DIR))
        store.bulk_extend(memory_store)
        del store  # closed before the folder is renamed into place
        dumping.result()


def copy_store(build: "Build", staging: Path) -> None:
    """Copy the store of a finished build into a build folder being written, to be
    changed there: its table files are hard links (RocksDB never changes a table
    file, it writes new ones), the rest copies — milliseconds, not the minute a
    rewrite takes at a million triples. Where links cannot be made, a copy."""
    source, target = build.store_folder, staging / STORE_DIR
    target.mkdir()
    for path in source.iterdir():
        if path.name == "LOCK":
            continue
        if path.suffix == ".sst":
            try:
                os.link(path, target / path.name)
                continue
            except OSError:
                pass
        shutil.copy2(path, target / path.name)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_summary(staging: Path, summary: dict) -> None:
    """Write the summary beside the store, in a build folder being written (kgtool.atomic)."""
    document = {"format": FORMAT_VERSION, **summary}
    (staging / SUMMARY_FILE).write_text(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )


def open_build(root: Project | Path | str | None = None, build_dir: Path | str | None = None,
               in_memory: bool = False) -> Build:
    """The last build of a project — `root`, a Project or its folder (default: the one
    kgtool finds) — or the build in `build_dir`, opened for reading: the one way to open
    a build. With `in_memory=True` its store is copied into memory on first use, for
    faster queries in a long-running process. Raises BuildMissingError where there is none."""
    target = Path(build_dir) if build_dir else find_project(root).build_dir
    if not (target / SUMMARY_FILE).is_file():
        raise BuildMissingError(target)
    return Build(target, in_memory)


@dataclass
class Build:
    """A finished build, opened for reading by `open_build`. Quads are parsed on first use.

    `in_memory`: the store is filled in memory from the build's N-Quads when first
    used (about 4 s and 1 GB per million triples on a 2-core machine), and queries
    evaluated on it run five to ten times faster than on disk — for a notebook, a
    server or any process that asks many questions. On disk (the default) it opens
    at once."""

    path: Path
    in_memory: bool = False
    _datasets: dict = field(default_factory=dict, repr=False)

    @cached_property
    def summary(self) -> dict:
        try:
            summary = json.loads((self.path / SUMMARY_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise BuildDamagedError(self.path, f"{SUMMARY_FILE} cannot be read: {error}") from None
        if not isinstance(summary, dict):
            raise BuildDamagedError(self.path, f"{SUMMARY_FILE} is not what kgtool writes")
        if summary.get("format") != FORMAT_VERSION:
            raise BuildStaleError(f"the build in {self.path} was made by another kgtool version; run `kgtool build` again")
        missing = [key for key in _SUMMARY_KEYS if key not in summary]
        if missing:
            raise BuildDamagedError(self.path, f"{SUMMARY_FILE} lacks {', '.join(missing)}")
        return summary

    @property
    def store_folder(self) -> Path:
        """The folder of the build's Oxigraph store (what `kgtool serve` serves)."""
        self.summary  # a build from another kgtool version is refused before its store is read
        location = self.path / STORE_DIR
        if not location.is_dir():
            raise BuildStaleError(f"the build in {self.path} has no store; run `kgtool build` again")
        return location

    @property
    def quads_file(self) -> Path:
        """The build's quads as one N-Quads file (what a store in memory is filled from)."""
        self.summary  # a build from another kgtool version is refused before its files are read
        location = self.path / QUADS_FILE
        if not location.is_file():
            raise BuildDamagedError(self.path, f"{QUADS_FILE} is missing")
        return location

    @cached_property
    def store(self):
        """The build's pyoxigraph store, opened read-only (several processes may read it),
        or, for a build opened `in_memory`, a store in memory filled from its N-Quads."""
        from pyoxigraph import RdfFormat, Store

        with self.reading_store():
            on_disk = Store.read_only(str(self.store_folder))
            if not self.in_memory:
                return on_disk
            # Oxigraph reads every string of a store on disk through RocksDB, a few
            # microseconds a lookup; in memory a lookup is a hash-map probe. The file is
            # kgtool's own, checked when it was written: `lenient` skips checking its
            # IRIs again (a fifth of the time). The load labels blank nodes afresh.
            memory = Store()
            memory.load(path=str(self.quads_file), format=RdfFormat.N_QUADS, lenient=True)
            return memory

    @contextmanager
    def reading_store(self):
        """Around anything that reads the build's store (here or in another process):
        the store's complaint about a file missing, cut short or garbled becomes
        BuildDamagedError. Opening the store finds a missing or truncated file; a
        garbled one is found only when a query reads it."""
        try:
            yield
        except Exception as error:
            message = str(error)
            if isinstance(error, BuildDamagedError) or not _DAMAGE.search(message):
                raise
            named = re.search(rf"/{STORE_DIR}/([^\s:/]+)", message)
            what = f"{STORE_DIR}/{named[1]}" if named else f"a file of {STORE_DIR}/"
            state = "is missing" if "No such file" in message else "is cut short or garbled"
            raise BuildDamagedError(self.path, f"{what} {state}") from None

    @cached_property
    def answers(self) -> KeptAnswers:
        """The answers of saved queries this build keeps (kgtool.ask.queries asks them first)."""
        return KeptAnswers(self.path / ANSWERS_DIR, self.fingerprint)

    @cached_property
    def fingerprint(self) -> str:
        """What the build was made from, in 16 hex digits: the digest of its input files'
        digests, so two builds of the same files share it."""
        files = sorted(f"{entry['path']}:{entry['sha256']}" for entry in self.summary.get("files", []))
        return _digest("\n".join(files))[:16]

    def default_graphs(self, inferred: bool = True) -> list:
        """The store's named graphs that make up the default graph of a query: every
        graph, or every graph but the inferred one."""
        from pyoxigraph import NamedNode

        names = self.summary["graphs"]
        return [NamedNode(name) for name in names if inferred or name != INFERRED_GRAPH_IRI]

    def dataset(self, inferred: bool = True):
        """The asserted named graphs and, unless `inferred=False`, the inferred graph, as an
        rdflib Dataset whose default graph is the union of the named graphs (a query sees
        every triple without GRAPH clauses). Read from the store once per build and flag."""
        from pyoxigraph import RdfFormat
        from rdflib import Dataset

        from ..namespaces import INFERRED_GRAPH, PREFIXES

        if inferred not in self._datasets:
            dataset = Dataset(default_union=True)
            for prefix, namespace in PREFIXES.items():
                dataset.bind(prefix, namespace)
            with self.reading_store():
                quads = self.store.dump(format=RdfFormat.N_QUADS)
            dataset.parse(data=quads, format="nquads")
            if not inferred:
                dataset.remove_graph(dataset.graph(INFERRED_GRAPH))
            self._datasets[inferred] = dataset
        return self._datasets[inferred]

    @cached_property
    def union(self):
        """Every triple of the build, asserted and inferred, as one rdflib Graph."""
        from rdflib import Graph

        from ..namespaces import PREFIXES

        union = Graph()
        for prefix, namespace in PREFIXES.items():
            union.bind(prefix, namespace)
        for s, p, o, _ in self.dataset().quads((None, None, None, None)):
            union.add((s, p, o))
        return union


class KeptAnswers:
    """The answers of saved queries a build keeps in its `answers/` folder, one JSON file
    a query: the one place that writes and reads them. An answer is read back only on the
    build it came from (`fingerprint`) and for the exact text evaluated, and is read
    from disk once, like the store it was read beside."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self._documents: dict = {}

    def read(self, name: str, text: str) -> tuple[list[str], list[tuple]] | None:
        """The columns and solutions (tuples of pyoxigraph terms) the build gave for the
        saved query `name`, if they were kept (`keep`) for exactly `text` (a query
        edited since, or other parameter values, do not match)."""
        if name not in self._documents:
            try:
                self._documents[name] = json.loads((self.folder / f"{name}.json").read_bytes())
            except (OSError, ValueError):
                self._documents[name] = None
        document = self._documents[name]
        if not isinstance(document, dict) or document.get("sha256") != _digest(text) \
                or document.get("build") != self.fingerprint:
            return None
        terms = [_decode_term(encoded) for encoded in document["terms"]]
        return document["columns"], [
            tuple(None if number is None else terms[number] for number in row) for row in document["rows"]
        ]

    def keep(self, result, text: str) -> None:
        """Keep the answer a saved query gave on the build (kgtool.ask.results.QueryResult)
        for the exact text evaluated (parameters written in), so that asking again reads
        it instead of evaluating it. The first to ask pays; a build does not answer
        every saved query in advance (at a million triples that was half its time).

        Written under a hidden name and renamed, so a reader never sees half a file;
        a build folder that cannot be written to (read-only, or replaced meanwhile by a
        new build) keeps nothing, and the answer is still returned. Each distinct term
        is written once, as [kind, value, datatype or @language], and rows name terms by
        number: an item's text recurs in every row of its bodies, and reading half the
        bytes and a seventh of the strings is what lets `responsibilities` (110,000 rows
        at a million triples) come back in under half a second."""
        numbers: dict = {}
        cells = [[None if term is None else numbers.setdefault(term, len(numbers)) for term in solution]
                 for solution in result.solutions]
        document = {
            "query": result.query, "sha256": _digest(text), "build": self.fingerprint, "columns": result.columns,
            "terms": [_encode_term(term) for term in numbers], "rows": cells,
        }
        self._documents[result.query] = document
        from ..atomic import write_files  # only when an answer is kept, not at start-up

        target = self.folder / f"{result.query}.json"
        try:
            write_files({target: json.dumps(document, ensure_ascii=False).encode("utf-8")}, verify=lambda *_: None)
        except (OSError, KgtoolError):
            pass  # a build folder that cannot be written to keeps nothing; the answer stands


def _encode_term(term) -> list:
    """A pyoxigraph term as a kept answer writes it: [kind, value, datatype or @language]."""
    kind = type(term).__name__
    if kind == "Literal":
        return ["l", term.value, f"@{term.language}" if term.language else term.datatype.value]
    return ["b" if kind == "BlankNode" else "i", term.value]


def _decode_term(encoded: list):
    """The pyoxigraph term `_encode_term` wrote."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    kind, value, *rest = encoded
    if kind == "i":
        return NamedNode(value)
    if kind == "b":
        return BlankNode(value)
    marker = rest[0]
    if marker.startswith("@"):
        return Literal(value, language=marker[1:])
    return Literal(value, datatype=NamedNode(marker))
