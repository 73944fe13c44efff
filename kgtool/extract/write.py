"""`extract`: a plan file in; its source text, draft graph and new bodies written out.

Three files, written all or none and each checked after writing (the text read
back, the Turtle parsed back and compared with the graph): sources/<code>.txt,
graphs/<code>.ttl and, where the plan names bodies the registry lacks,
graphs/registry/<code>.ttl. An existing file is replaced only with `force`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from ..atomic import write_files
from ..errors import OptionError, OutputError
from ..namespaces import ACTOR, AGENCY, DOC, ELI, ELI_DL, ICP, ID, PLACE, VOCAB
from ..project import Project, find_project
from .draft import EXTRACTOR, Context, Draft, draft
from .reading import PlanText, read_plan
from .review import Summary, review_rows, review_table, summarise
from .turtle import Block, write_turtle

_PREDICATES = [
    ELI.number, DCTERMS.title, ICP.translation, SKOS.prefLabel, SKOS.altLabel, ELI.type_document, ELI.id_local, ELI.passed_by,
    ELI.date_document, ICP.status, ICP.periodStart, ICP.periodEnd, ELI.jurisdiction, ELI.based_on, ICP.sourceFile,
    ICP.unnumbered, ICP.text, ICP.taskKind, ICP.programmeKind, ELI.is_part_of, ICP.inDocument,
    ICP.order, ICP.inProgramme, ICP.hasClause, ICP.clauseText, ICP.coversParagraph, ICP.lead, ICP.participant,
    ICP.responsible, ICP.spirit, ICP.theme, ICP.policyInstrument, ICP.carrierType, ICP.alignsWith, ICP.restates, ICP.setsTarget,
    ICP.quantity, ICP.unit, ICP.qualifier, ICP.deadline, ICP.subject, ICP.counts, ICP.targetKind, ICP.per,
    ICP.quote, RDF.subject, RDF.predicate, RDF.object, ICP.method, ICP.suggestedFor, ICP.suggests, ICP.score,
    ICP.rank, ICP.reusingItem, ICP.reusedItem, ICP.passageLength, ICP.level, ICP.jurisdiction,
    ICP.withinJurisdiction, ORG.classification, ICP.nationalCounterpart, ICP.namedIn, ICP.nameBasis,
    ICP.confidence, RDFS.label, SKOS.editorialNote, PROV.wasGeneratedBy,
]


def _prefixes(code: str) -> dict[str, str]:
    base = str(ID)
    return {
        "icp": str(ICP), "eli": str(ELI), "eli-dl": str(ELI_DL), "dcterms": str(DCTERMS), "rdf": str(RDF),
        "rdfs": str(RDFS), "skos": str(SKOS), "xsd": str(XSD), "org": str(ORG), "prov": str(PROV),
        "doc": str(DOC), "agency": str(AGENCY), "actor": str(ACTOR), "place": str(PLACE),
        "sec": f"{base}section/{code}/", "task": f"{base}task/{code}/", "clause": f"{base}clause/{code}/",
        "prog": f"{base}programme/{code}/", "target": f"{base}target/{code}/",
        "evidence": f"{base}evidence/{code}/", "suggestion": f"{base}suggestion/{code}/",
        "reuse": f"{base}reuse/{code}/", "extraction": f"{base}extraction/",
        "cn16": f"{base}task/cn-2016-guidance/", "cn21": f"{base}task/cn-2021-plan/",
        **{name: f"{VOCAB}{scheme}/" for name, scheme in (
            ("dockind", "document-kind"), ("status", "document-status"), ("taskkind", "task-kind"),
            ("progkind", "programme-kind"), ("theme", "theme"), ("ctype", "carrier-type"),
            ("spirit", "industrial-spirit"), ("qualifier", "target-qualifier"), ("targetkind", "target-kind"),
            ("level", "level"), ("agencykind", "agency-kind"), ("basis", "statement-basis"),
            ("instrument", "policy-instrument"))},
    }


@dataclass
class Extraction:
    """What `extract` read and wrote."""

    plan: PlanText
    draft: Draft
    summary: Summary
    written: list[Path]           # every file, in the order written
    graph: Path                   # the document's graph
    registry: Path | None         # the bodies and places it created, where it created any


def extract(plan: Path | str, code: str | None = None, jurisdiction: str | None = None,
            root: Project | Path | str | None = None,
            out: Path | str | None = None, force: bool = False, review: Path | str | None = None) -> Extraction:
    """Read the plan at `plan` (.txt or .docx) and write its normalised text, draft graph
    and new bodies into `out` (default: the project), never replacing a file unless
    `force`. With `review`, also write the review table (.md or .csv) there."""
    project = find_project(root)
    text = read_plan(plan)
    context = Context.load(project)
    made = draft(text.text, context, code, jurisdiction)
    if force and made.code in context.documents:  # extracting a document again: it is not its own context
        made = draft(text.text, Context.load(project, leave_out=made.code), made.code, jurisdiction)
    folder = Path(out) if out is not None else project.root
    targets = _targets(folder, made.code)
    _refuse_overwrite(targets, review, made.code, project.root, force)
    contents = {targets["source"]: made.text.encode("utf-8"), targets["graph"]: _document_turtle(made).encode("utf-8")}
    if len(made.registry):
        contents[targets["registry"]] = _registry_turtle(made).encode("utf-8")
    if review is not None:
        contents[Path(review)] = _review(review_rows(made, context.documents), Path(review)).encode("utf-8")
    graphs = {targets["graph"]: made.graph, targets["registry"]: made.registry}
    try:
        write_files(contents, lambda target, written: _verify(target, written, contents[target], graphs.get(target)))
    except OSError as error:  # a read-only folder, a full disk: nothing was written
        raise OutputError(f"cannot write {error.filename or folder}: {error.strerror}; nothing was written") from None
    registry = targets["registry"] if targets["registry"] in contents else None
    return Extraction(text, made, summarise(made), list(contents), targets["graph"], registry)


def _targets(folder: Path, code: str) -> dict[str, Path]:
    return {"source": folder / "sources" / f"{code}.txt", "graph": folder / "graphs" / f"{code}.ttl",
            "registry": folder / "graphs" / "registry" / f"{code}.ttl"}


def _refuse_overwrite(targets: dict[str, Path], review, code: str, root: Path, force: bool) -> None:
    """Nothing is replaced without `force`; with it, only files an extraction made: a
    graph drafted by kgtool extract, its source and registry file, an earlier review."""
    existing = [p for p in [root / "graphs" / f"{code}.ttl", *targets.values(), *([Path(review)] if review else [])]
                if p.exists()]
    if not existing:
        return
    if not force:
        if review and existing[0] == Path(review):
            raise OutputError(f"{existing[0]} exists; kgtool extract never overwrites: choose another --review "
                              "file, or pass --force to replace an earlier review")
        raise OutputError(f"{existing[0]} exists (the code {code} is taken); kgtool extract never overwrites: "
                          "pass --code to choose another code, or --force to replace an earlier extraction")
    made = set(targets.values()) if _extracted(targets["graph"]) else set()
    for path in [*targets.values(), *([Path(review)] if review else [])]:  # what would be replaced
        if path.exists() and path not in made and not (review and path == Path(review) and _earlier_review(path)):
            raise OutputError(f"{path} was not made by kgtool extract, so --force does not replace it; "
                              "choose another --code (or another --review file)")


def _extracted(graph: Path) -> bool:
    """Whether a document graph was drafted by kgtool extract (its document was generated by an icp:Extraction)."""
    if not graph.exists():
        return False
    try:
        parsed = Graph().parse(graph, format="turtle")
    except Exception:  # a graph that does not parse was not written by the extractor
        return False
    return any((activity, RDF.type, ICP.Extraction) in parsed for activity in parsed.objects(None, PROV.wasGeneratedBy))


def _earlier_review(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:200]
    return head.startswith(("| number | title |", "number,title,"))


def _review(rows: list[dict[str, str]], path: Path) -> str:
    if path.suffix.lower() not in (".md", ".csv"):
        raise OptionError(f"the review file {path} must end in .md or .csv")
    return review_table(rows, markdown=path.suffix.lower() == ".md")


def _verify(target: Path, written: Path, expected: bytes, graph: Graph | None) -> None:
    """Check what was written: the bytes read back, and Turtle parsed back into the graph it came from."""
    if written.read_bytes() != expected:
        raise OutputError(f"writing {target} failed: what was read back differs from what was written")
    if graph is not None and not isomorphic(Graph().parse(written, format="turtle"), graph):
        raise OutputError(f"writing {target} failed: the Turtle written does not parse back to the draft graph")


def _document_turtle(made: Draft) -> str:
    blocks: list[Block] = []
    for banner, subject in made.order:
        if not blocks or blocks[-1].banner != banner:
            blocks.append(Block([], banner))
        blocks[-1].subjects.append(subject)
    header = "\n".join([
        "# " + "=" * 77,
        f"# icpkg — document graph of {made.code}, drafted by {EXTRACTOR}",
        f"# {made.facts.title}",
        f"# Source: sources/{made.code}.txt (every icp:text, icp:clauseText and icp:quote is verbatim from it)",
        "#",
        "# A draft to review. Read off the text (stated): the document's facts, sections, items,",
        "# clauses with their bodies and roles, targets. Read in (interpreted), each with an",
        "# icp:Evidence saying how it was found: carrier types, themes, policy instruments, target kinds, counted",
        "# carrier types, alignments (from icp:AlignmentSuggestion) and restatements. Bodies the",
        f"# registry lacked are in graphs/registry/{made.code}.ttl, marked icp:nameBasis extracted.",
        "# " + "=" * 77,
    ])
    return write_turtle(made.graph, _prefixes(made.code), blocks, header, _PREDICATES)


def _registry_turtle(made: Draft) -> str:
    header = "\n".join([
        "# " + "=" * 77,
        f"# icpkg — bodies and places that {EXTRACTOR} created for {made.code}",
        "#",
        "# Kept apart from the curated registry (graphs/agencies.ttl, graphs/places.ttl) until",
        "# a person accepts them: check each composed full name (icp:nameBasis extracted, with",
        "# icp:confidence and a note), then move the entry to graphs/agencies.ttl with",
        "# icp:nameBasis stated (printed in a source) or external, and drop icp:confidence.",
        "# Forms a known body is printed in that the registry lacks are added here as skos:altLabel.",
        "# " + "=" * 77,
    ])
    return write_turtle(made.registry, _prefixes(made.code), [Block(made.registry_order, None)], header, _PREDICATES)


__all__ = ["Extraction", "extract"]
