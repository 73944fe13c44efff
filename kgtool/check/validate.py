"""Validate plans against the model (shapes/core.ttl) and the national framework (shapes/framework.ttl).

The data graph is the ontology, the vocabularies, the registry, the national
plans' graphs and the plans to check. Validation runs without inference:
SHACL's own rdfs:subClassOf handling over the ontology covers class membership,
and the shapes spell out sub-properties with sh:alternativePath — so the result
is what an OWL RL closure would give for the rules the shapes check, at a
fraction of the cost (see benchmarks/validate.py).

Two SHACL engines, picked by name: pyshacl-turbo ("turbo", the default; Rust, on
an Oxigraph store that Oxigraph's parser fills) and pySHACL ("pyshacl", the
reference; on an rdflib graph). Both give the same report on every shape test
case (tests/test_shapes.py); everything around the engine — targets, findings,
locations, the text report — is one code path reading the data through rdflib.
Turbo's store cannot take a literal written other than in canonical form: with no
engine named pySHACL validates such data, and the result says so and why; with
turbo named, it is an error. The result names the engine that ran and its version.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.store import Store

from ..errors import EngineError, InputError, OptionError
from ..files import check_readable
from ..namespaces import DOC, ELI, ICP, PLACE, VOCAB
from ..progress import Progress, quiet
from ..project import Project, find_project
from ..store.load import oxigraph_term, parse_turtle, rdflib_term, read_quads, subject_lines
from .framework import framework_in_force, national_plans
from .shacl_engines import DEFAULT_ENGINE, engine_release

COVERAGE_SHAPE = URIRef("https://w3id.org/icpkg/shapes/framework#CoverageShape")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL runs a SPARQL-based constraint once per focus node with the same text
    and `$this` bound separately; rdflib would parse the text every time.
    """

    _prepared: dict[str, object] = {}

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            if query_object not in self._prepared:
                self._prepared[query_object] = prepareQuery(query_object)
            query_object = self._prepared[query_object]
        return super().query(query_object, *args, **kwargs)


class _OxigraphTriples(Store):
    """An Oxigraph store's default graph as a read-only rdflib store, so that kgtool's
    work around the engine (targets, findings, the report's labels) reads the data
    the turbo engine validates through the same rdflib calls as pySHACL's graph."""

    def __init__(self, oxigraph):
        super().__init__()
        self.oxigraph = oxigraph

    def triples(self, triple_pattern, context=None):
        import pyoxigraph as ox

        subject, predicate, value = triple_pattern
        if isinstance(subject, Literal):  # rdflib allows asking; no RDF triple has one
            return
        pattern = (oxigraph_term(subject), oxigraph_term(predicate), oxigraph_term(value), ox.DefaultGraph())
        for quad in self.oxigraph.quads_for_pattern(*pattern):
            yield (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)), iter(())

    def __len__(self, context=None):
        return len(self.oxigraph)

    def add(self, triple, context, quoted=False):
        raise TypeError("the data of a turbo validation is read-only")

    def remove(self, triple, context=None):
        raise TypeError("the data of a turbo validation is read-only")


def _default_graph_quads(path: Path) -> tuple[list, tuple | None]:
    """The file's triples as quads of the default graph, and the first literal of them an
    Oxigraph store would give back in another form than the file writes (`_store_rewrite`)."""
    # All files in the default graph: the data graph is their union as a set, as the
    # reference engine sees it (read_quads labels blank nodes apart per file).
    quads = read_quads(path, path.as_uri(), default_graph=True)
    return quads, _store_rewrite(quads)


def _store_rewrite(quads: list) -> tuple | None:
    """The first literal of `quads` a store rewrites, as written and as the store gives it
    back: Oxigraph keeps numbers, dates and booleans in canonical form ("20.0"^^xsd:decimal
    comes back as "20"), so shapes that check how a value is written would see another
    value than the file has."""
    import pyoxigraph as ox

    typed = list(dict.fromkeys(q.object for q in quads if isinstance(q.object, ox.Literal)
                               and q.object.language is None and q.object.datatype.value != XSD.string))
    scratch = ox.Store()
    predicate = ox.NamedNode("urn:icpkg:scratch")
    # Each literal under a subject that numbers it, to tell which came back otherwise.
    scratch.extend(ox.Quad(ox.NamedNode(f"urn:icpkg:scratch:{number}"), predicate, literal)
                   for number, literal in enumerate(typed))
    rewritten = {}
    for quad in scratch:
        number = int(quad.subject.value.rsplit(":", 1)[1])
        if quad.object != typed[number]:
            rewritten[number] = quad.object
    if not rewritten:
        return None
    first = min(rewritten)
    return typed[first], rewritten[first]


@dataclass(frozen=True)
class Location:
    path: Path
    line: int | None


@dataclass
class Finding:
    """One SHACL validation result, with what a person needs to act on it."""

    severity: str
    focus: URIRef
    messages: dict[str, str]
    shape: URIRef | None
    value: object = None
    path: object = None
    location: Location | None = None
    focus_line: int = 0  # orders findings that point to the same line
    result: object = None  # the sh:ValidationResult node of the report

    def message(self, language: str) -> str:
        other = "en" if language == "zh" else "zh"
        return self.messages.get(language) or self.messages.get(other) or next(iter(self.messages.values()), "")


@dataclass
class Validation:
    """The outcome of validating plans: findings, the standard report, the data they refer
    to, and the engine that made the report."""

    findings: list[Finding]
    report: Graph
    data: Graph  # with the turbo engine, a read-only rdflib view of the Oxigraph store
    engine: str  # the engine that ran, by the name `engine` takes: "turbo" or "pyshacl"
    engine_release: str  # its package and version, "pyshacl-turbo 0.6.5"
    plans: list[Path] = field(default_factory=list)
    engine_reason: str | None = None  # why pySHACL ran where no engine was named

    @property
    def counts(self) -> Counter:
        return Counter(finding.severity for finding in self.findings)

    @property
    def conforms(self) -> bool:
        return self.counts["Violation"] == 0


@lru_cache(maxsize=64)
def _parsed(reader, path: Path, modified: int, size: int):
    return reader(path)


def _read(reader, path: Path):
    """`reader(path)`, called once per process while the file is unchanged: validating
    many drafts in one session re-reads only the drafts. Callers must not modify it."""
    stat = path.stat()
    return _parsed(reader, path, stat.st_mtime_ns, stat.st_size)


class _PySHACL:
    """pySHACL, the reference engine: the data in one rdflib graph, each file parsed by rdflib."""

    def new_data(self) -> Graph:
        return _PreparedQueryGraph()

    def add(self, data: Graph, path: Path):
        """Add the file's triples to `data`; return its subjects and how many triples it has."""
        graph = _read(parse_turtle, path)
        data += graph
        return graph.subjects(), len(graph)

    def run(self, data: Graph, shapes: Graph):
        """The report graph, or pySHACL's ValidationFailure."""
        from pyshacl import validate as shacl_validate  # slow to import; only validation needs it

        # advanced=False: SHACL Core and SHACL-SPARQL only; pySHACL then validates our graph
        # itself rather than a copy, so each constraint's SPARQL is parsed once.
        return shacl_validate(data, shacl_graph=shapes, inference="none", advanced=False)[1]


class _StoreRewrites(Exception):
    """A file has a literal the turbo engine's store would rewrite; only the reference
    engine sees it as written. The message says which file and literal."""

    def __init__(self, path: Path, written, stored):
        super().__init__(
            f'turbo cannot take {path}: its store would keep {_shown(written)} as "{stored.value}", '
            "and a shape that checks how a value is written could not see it"
        )


def _shown(literal) -> str:
    """A pyoxigraph literal as Turtle writes it, with xsd: for XML Schema's datatypes."""
    datatype = literal.datatype.value
    short = "xsd:" + datatype.removeprefix(str(XSD)) if datatype.startswith(str(XSD)) else f"<{datatype}>"
    return f'"{literal.value}"^^{short}'


class _Turbo:
    """pyshacl-turbo, the Rust engine: the data in an Oxigraph store, each file parsed by
    Oxigraph (rdflib would take 40 s for a million triples); the shapes stay in rdflib."""

    def new_data(self) -> Graph:
        import pyoxigraph as ox

        return Graph(store=_OxigraphTriples(ox.Store()))

    def add(self, data: Graph, path: Path):
        quads, rewrite = _read(_default_graph_quads, path)
        if rewrite:
            raise _StoreRewrites(path, *rewrite)
        data.store.oxigraph.extend(quads)
        return (rdflib_term(quad.subject) for quad in quads), len(quads)

    # The engine runs on one core and lets go of Python's lock: the shapes, shared between
    # two groups by their cost, validate side by side on two cores. Each run parses its own
    # copy of the data (7.5 s and about 1.1 GB at 1M triples), so more runs would cost more
    # than they save here.
    runs = min(len(os.sched_getaffinity(0)), 2)

    def run(self, data: Graph, shapes: Graph):
        """The report graph, or pyshacl-turbo's ValidationFailure."""
        import pyoxigraph as ox
        from pyshacl_turbo import Input
        from pyshacl_turbo import validate as shacl_validate

        # The store written out once, as pyshacl-turbo itself would for each run.
        nquads = data.store.oxigraph.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")

        def report(use_shapes):
            snapshot = Input(nquads, "oxigraph-nquads", None, {}, preserve_ids=True)
            return shacl_validate(snapshot, shacl_graph=shapes, inference="none", advanced=False,
                                  use_shapes=use_shapes)[1]

        if self.runs < 2:
            return report(None)
        with ThreadPoolExecutor(self.runs) as pool:
            return _merged_report(list(pool.map(report, _shape_groups(shapes, self.runs))))


COST = URIRef("https://w3id.org/icpkg/shapes/core#cost")


def targeted_shapes(shapes: Graph) -> set:
    """The shapes that select focus nodes themselves (a target of any kind)."""
    return {shape for target in TARGETS for shape in shapes.subjects(target, None)}


def _shape_groups(shapes: Graph, count: int) -> list[list]:
    """The shapes with targets in `count` groups of about equal cost (core:cost, one second
    where a shape gives none): the costliest first, each to the group with least so far."""
    targeted = targeted_shapes(shapes)
    cost = {shape: float(shapes.value(shape, COST, default=Literal(1))) for shape in targeted}
    groups: list[list] = [[] for _ in range(count)]
    totals = [0.0] * count
    for shape in sorted(targeted, key=lambda shape: (-cost[shape], str(shape))):
        lightest = totals.index(min(totals))
        groups[lightest].append(shape)
        totals[lightest] += cost[shape]
    return [group for group in groups if group]


def _merged_report(reports: list):
    """One SHACL report holding the results of `reports` (their result nodes are blank
    nodes unique to each run); a ValidationFailure, if a run gave one, instead."""
    failure = next((report for report in reports if not isinstance(report, Graph)), None)
    if failure is not None:
        return failure
    merged = Graph(namespace_manager=reports[0].namespace_manager)
    roots = []
    for report in reports:
        merged += report
        roots.append(report.value(predicate=RDF.type, object=SH.ValidationReport))
    root = roots[0]
    conforms = all(merged.value(node, SH.conforms).toPython() for node in roots)
    for node in roots[1:]:
        for result in list(merged.objects(node, SH.result)):
            merged.add((root, SH.result, result))
        merged.remove((node, None, None))
    merged.set((root, SH.conforms, Literal(conforms)))
    return merged


# An engine for each name of kgtool.check.shacl_engines, which the CLI offers without loading this.
ENGINES = {"turbo": _Turbo(), "pyshacl": _PySHACL()}


def _check_engine(name: str | None) -> None:
    if name is not None and name not in ENGINES:
        raise OptionError(f"unknown SHACL engine '{name}': choose {' or '.join(ENGINES)}")


def _context_files(project: Project, framework: str, national: list[Path]) -> list[Path]:
    """What a plan is read with: the ontology, the registry, the framework's graph and
    every other national plan's (a plan's eli:based_on may name an earlier one, and the
    framework shapes ask what it is)."""
    framework_file = project.root / "graphs" / f"{framework}.ttl"
    if not framework_file.is_file():
        known = ", ".join(p.stem for p in project.document_files()) or "none"
        raise OptionError(f"no graph for the framework '{framework}' in {project.root / 'graphs'} (documents: {known})")
    ontology = sorted((project.root / "ontology").rglob("*.ttl"))
    return ontology + project.registry_files() + list(dict.fromkeys([framework_file, *national]))


def _shapes(project: Project, data: Graph, framework: str) -> Graph:
    shapes = Graph()
    for path in sorted((project.root / "shapes").glob("*.ttl")):
        shapes += _read(parse_turtle, path)
    national = DOC[framework]
    if (national, ELI.jurisdiction, PLACE["cn"]) not in data:
        raise OptionError(f"'{framework}' is not a national plan, so it cannot be the framework")
    key_task = VOCAB["task-kind/key-task"]
    for task in data.subjects(ICP.inDocument, national):
        if (task, ICP.taskKind, key_task) in data:
            shapes.add((COVERAGE_SHAPE, SH.targetNode, task))
    return shapes


def _message_languages(shapes: Graph) -> list[tuple[re.Pattern, str]]:
    """Each language-tagged sh:message as a pattern its substituted text matches."""
    patterns = []
    for message in set(shapes.objects(None, SH.message)):
        if isinstance(message, Literal) and message.language:
            pieces = re.split(r"\{[?$]\w+\}", str(message))
            patterns.append((re.compile(".*?".join(map(re.escape, pieces)) + r"\Z", re.S), message.language))
    return patterns


def _restore_languages(report: Graph, shapes: Graph) -> None:
    # pySHACL 0.40 drops the language tag of a message after filling in {?var};
    # pyshacl-turbo 0.6, which follows its reports, does the same.
    patterns = _message_languages(shapes)
    for result, message in list(report.subject_objects(SH.resultMessage)):
        if isinstance(message, Literal) and not message.language:
            language = next((lang for pattern, lang in patterns if pattern.match(str(message))), None)
            if language:
                report.remove((result, SH.resultMessage, message))
                report.add((result, SH.resultMessage, Literal(str(message), lang=language)))


def _simple_literals(report: Graph) -> None:
    # RDF 1.1 makes "x" and "x"^^xsd:string one term, but rdflib tells them apart, and
    # pyshacl-turbo on an Oxigraph store writes out the datatype where pySHACL does not.
    for subject, predicate, value in list(report):
        if isinstance(value, Literal) and value.datatype == XSD.string:
            report.remove((subject, predicate, value))
            report.add((subject, predicate, Literal(str(value))))


def _findings(report: Graph, data: Graph, locations: dict[str, Location]) -> list[Finding]:
    findings = []
    # Top-level results only: a failed sh:node nests its own results under sh:detail.
    for result in report.objects(None, SH.result):
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        # A finding about a plan as a whole (a national task it does not cover) points to the plan.
        # (A missing value must not become a wildcard: every finding would point nowhere.)
        located = value if value is not None and (value, RDF.type, ICP.PolicyDocument) in data else focus
        messages = {
            (m.language or "en"): str(m) for m in report.objects(result, SH.resultMessage) if isinstance(m, Literal)
        }
        findings.append(
            Finding(
                severity=SEVERITIES.get(report.value(result, SH.resultSeverity), "Violation"),
                focus=focus,
                messages=messages,
                shape=report.value(result, SH.sourceShape),
                value=value,
                path=report.value(result, SH.resultPath),
                location=locations.get(str(located)),
                focus_line=getattr(locations.get(str(focus)), "line", None) or 0,
                result=result,
            )
        )
    return findings


@dataclass
class ValidationInputs:
    """What validation reads: the data graph, the shapes, and where each subject is written."""

    data: Graph
    shapes: Graph
    locations: dict[str, Location]
    plans: list[Path]
    defined_in_plans: set | None = None  # with files given: the subjects those files define
    engine: str = DEFAULT_ENGINE  # the engine that validates these inputs
    engine_reason: str | None = None  # why pySHACL does where no engine was named


def prepare(
    files: list[Path | str] | None = None,
    framework: str | None = None,
    root: Project | Path | str | None = None,
    engine: str | None = None,
    progress: Progress = quiet,
) -> ValidationInputs:
    """Load the plans — `files`, or every document graph of the project — with the
    ontology, vocabularies, registry and the `framework`'s graph (a document code; by
    default the national plan in force, `framework_in_force`), in the form the
    `engine` validates (an rdflib graph for pyshacl, an Oxigraph store seen through
    rdflib for turbo), and the shapes with the framework's key tasks as coverage targets.
    With no `engine` named, turbo, unless a file writes a literal in a form turbo's store
    would rewrite (a number not in canonical form): then pySHACL, and `engine_reason`
    says why; with "turbo" named, such a file is an EngineError."""
    _check_engine(engine)
    project = find_project(root)
    national = national_plans(project)
    framework = framework or framework_in_force(project, national)
    context = _context_files(project, framework, national.files)
    plans = [Path(f) for f in files] if files else project.document_files() + project.register_files()
    for path in context + plans:  # a link that leads nowhere or round in a loop, a folder, a pipe…
        check_readable(path)
    paths = list(dict.fromkeys(p.resolve() for p in context + plans))
    plan_paths = {p.resolve() for p in plans} if files else set()
    data, defined, engine, reason = _load_with(engine, paths, plan_paths, progress)
    if files:
        _check_a_document_is_given(data, defined)
        _mark_collisions(ENGINES[engine], data, _collisions(project, defined, plan_paths))
    locations: dict[str, Location] = {}
    for path in paths:
        for iri, line in subject_lines(path).items():
            locations.setdefault(iri, Location(path, line))
    shapes = _shapes(project, data, framework)
    return ValidationInputs(data, shapes, locations, plans, defined if files else None, engine, reason)


def _check_a_document_is_given(data: Graph, defined: set) -> None:
    """The files given must describe a document: a registry file alone, or a fragment with
    no document, would pass validation having checked nothing a plan is held to."""
    documents = {s for cls in (ICP.PolicyDocument, ICP.HeritageList) for s in data.subjects(RDF.type, cls)}
    if not documents & defined:
        raise OptionError(
            "none of the files describes a document (an icp:PolicyDocument or icp:HeritageList); "
            "validate a plan's graph, with its registry file beside it if it has one"
        )


# A new plan's own resources live under its document code; any of them another document
# file of the project already defines means the code (or an IRI) is taken.
_DOCUMENT_SCOPED = re.compile(r"^https://w3id\.org/icpkg/id/(doc|task|section|paragraph|clause|programme|target)/")


def _collisions(project: Project, defined: set, plan_paths: set[Path]) -> dict[str, str]:
    """The document-scoped IRIs the given files define that another document file of the
    project defines too, each with that file (relative to the project)."""
    mine = {str(s) for s in defined if _DOCUMENT_SCOPED.match(str(s))}
    found: dict[str, str] = {}
    for path in project.document_files():
        if path.resolve() in plan_paths:
            continue
        for iri in mine.intersection(subject_lines(path)):
            found.setdefault(iri, path.relative_to(project.root).as_posix())
    return found


def _mark_collisions(backend, data: Graph, collisions: dict[str, str]) -> None:
    """State each collision in the data (icp:alreadyDefinedIn), for core:CollisionShape."""
    if not collisions:
        return
    lines = [f'<{iri}> <{ICP.alreadyDefinedIn}> "{where}" .' for iri, where in sorted(collisions.items())]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collisions.ttl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        backend.add(data, path)


def _load_with(engine: str | None, paths: list[Path], plan_paths: set[Path],
               progress: Progress) -> tuple[Graph, set, str, str | None]:
    """`_load` for `engine`, or with none named for turbo where its store can take the
    data and pySHACL where it cannot; with the engine that validates and why, where
    pySHACL does in turbo's place."""
    try:
        return (*_load(engine or DEFAULT_ENGINE, paths, plan_paths, progress), engine or DEFAULT_ENGINE, None)
    except _StoreRewrites as rewrite:
        if engine is not None:  # an engine named is the one that answers: turbo passing the value would mislead
            raise EngineError(f"{rewrite}; validate with --engine pyshacl, the reference engine") from None
        return (*_load("pyshacl", paths, plan_paths, progress), "pyshacl", f"{rewrite}; pySHACL, the reference, validated instead")


def _load(engine: str, paths: list[Path], plan_paths: set[Path], progress: Progress) -> tuple[Graph, set]:
    """The data graph of `paths` in the form `engine` validates, and the subjects the
    files of `plan_paths` define."""
    backend = ENGINES[engine]
    data = backend.new_data()
    defined: set = set()
    read = 0
    for number, path in enumerate(paths, 1):
        subjects, triples = backend.add(data, path)
        if path in plan_paths:
            if not triples:  # "0 violations" would certify nothing
                raise InputError(path, "holds no triples: there is nothing to validate")
            defined.update(subjects)
        # Counted as read, not len(data): Oxigraph counts a store by scanning it.
        read += triples
        progress(f"files read · {read:,} triples", number, len(paths))
    return data, defined


def validate(
    files: list[Path | str] | None = None,
    framework: str | None = None,
    root: Project | Path | str | None = None,
    engine: str | None = None,
    progress: Progress = quiet,
) -> Validation:
    """Validate plan graphs — `files`, or every document graph of the project — against
    the model and the national `framework` (by default the national plan in force), with
    the ontology, vocabularies and registry, using the SHACL `engine`: "turbo"
    (pyshacl-turbo) or "pyshacl" (the reference). With none named, turbo where it can
    take the data, else pySHACL (see `prepare`); the result says which ran and why."""
    inputs = prepare(files, framework, root, engine, progress)
    shapes = inputs.shapes
    if inputs.defined_in_plans is not None:
        # The context (ontology, registry, national plan) is checked when the whole
        # repository is validated; here the question is about the plans given, so only
        # their resources — and the national key tasks they must cover — are targets.
        coverage_targets = set(shapes.objects(COVERAGE_SHAPE, SH.targetNode))
        shapes = _restrict_targets(shapes, inputs.data, inputs.defined_in_plans | coverage_targets)
    progress(f"validating {len(inputs.data):,} triples with {inputs.engine}")
    report = ENGINES[inputs.engine].run(inputs.data, shapes)
    if not isinstance(report, Graph):  # both engines return their ValidationFailure here
        raise EngineError(f"the {inputs.engine} SHACL engine could not validate: {report}")
    _restore_languages(report, inputs.shapes)
    _simple_literals(report)
    findings = _findings(report, inputs.data, inputs.locations)
    if inputs.defined_in_plans is not None:
        findings = [f for f in findings if f.focus in inputs.defined_in_plans or f.value in inputs.defined_in_plans]
        report = _report_of(findings, report)
    return Validation(findings, report, inputs.data, inputs.engine, engine_release(inputs.engine), inputs.plans,
                      inputs.engine_reason)


def _instances(data: Graph, cls) -> set:
    """SHACL instances of a class: rdf:type/rdfs:subClassOf* in the data graph."""
    classes, todo = set(), [cls]
    while todo:
        current = todo.pop()
        if current not in classes:
            classes.add(current)
            todo.extend(data.subjects(RDFS.subClassOf, current))
    return {node for c in classes for node in data.subjects(RDF.type, c)}


def _restrict_targets(shapes: Graph, data: Graph, allowed: set) -> Graph:
    """The shapes with every target replaced by the explicit focus nodes it selects
    among `allowed`. (pySHACL's own focus_nodes option would also skip nested checks
    of values outside the list — a misspelt concept would pass.)"""
    restricted = Graph()
    restricted += shapes
    selectors = {
        SH.targetClass: lambda cls: _instances(data, cls),
        SH.targetSubjectsOf: lambda p: set(data.subjects(p, None)),
        SH.targetObjectsOf: lambda p: set(data.objects(None, p)),
        SH.targetNode: lambda node: {node},
    }
    for shape in targeted_shapes(shapes):
        focus = set()
        for target, select in selectors.items():
            for argument in list(restricted.objects(shape, target)):
                focus |= select(argument)
                restricted.remove((shape, target, argument))
        for node in focus & allowed:
            restricted.add((shape, SH.targetNode, node))
    return restricted


def _report_of(findings: list[Finding], full: Graph) -> Graph:
    """A standard SHACL report holding only `findings`' results."""
    report = Graph(namespace_manager=full.namespace_manager)
    node = full.value(predicate=RDF.type, object=SH.ValidationReport)
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(not any(f.severity == "Violation" for f in findings))))
    for finding in findings:
        report.add((node, SH.result, finding.result))
        report += full.cbd(finding.result)
    return report
