"""Draft a document graph from a plan's normalised text.

The outline (kgtool.extract.layout), the document's facts (metadata), clauses and
bodies (clauses, actors), targets (targets) and the vocabularies' words
(lexicon) become the same model the curated graphs use (graphs/README.md). What
is read off the text is stated; what is read in — carrier types, themes, target
kinds, counted carrier types, alignments, restatements — is recorded with an
icp:Evidence saying how it was found, and the extraction itself is an
icp:Extraction naming the extractor's version.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from .. import __version__
from ..errors import ExtractError
from ..namespaces import ACTOR, AGENCY, DOC, ELI, ELI_DL, ICP, ID, PLACE, VOCAB
from ..project import Project
from ..store.load import parse_turtle
from .actors import Actors, Resolution
from .alignment import ALIGN_THRESHOLD, find_reuse, suggest_alignments
from .bodies import NewBody
from .clauses import FoundClause, column_assignments, find_clauses, parse_clause
from .layout import Part, parts, read_outline
from .lexicon import Lexicons
from .metadata import Facts, read_facts
from .places import NATIONAL, Division, division, division_by_slug, divisions_named
from .registry import Registry
from .reuse import add_reuse
from .slugs import pinyin_slug, unique
from .targets import FoundTarget, TargetWords, find_targets

EXTRACTOR = f"kgtool extract {__version__}"
_KIND_WORDS = {"implementation-plan": "plan", "action-plan": "plan", "guidance": "guidance",
               "task-division-table": "task-table", "notice": "notice"}
# Slug prefixes for items whose numbering restarts in a later part (graphs/README.md).
_KIND_PREFIX = {"general-requirement": "requirement", "safeguard-measure": "safeguard",
                "organisational-measure": "organisation", "annex-row": "annex", "key-task": "task"}
_QUOTED = re.compile(r"《[^》]*》")
_CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


def vocab(scheme: str, concept: str) -> URIRef:
    return VOCAB[f"{scheme}/{concept}"]


@dataclass
class KnownDocument:
    code: str
    title: str
    numbers: list[str]
    national: bool
    items: dict[URIRef, str]          # item IRI → icp:text
    numbers_of_items: dict[URIRef, str]
    kinds: dict[URIRef, str]          # item IRI → its task kind's local name
    year: str                         # the first year of its period, else of its date: which plan is newest


@dataclass
class Context:
    """What the project knows already: its registry, vocabularies and documents."""

    project: Project
    registry: Registry
    lexicons: Lexicons
    documents: dict[str, KnownDocument]

    @cached_property
    def target_words(self) -> TargetWords:
        """The qualifier and target-kind words of the project's vocabularies."""
        return TargetWords.from_vocabularies(self.project.root / "ontology" / "vocab")

    @classmethod
    def load(cls, project: Project, leave_out: str | None = None) -> "Context":
        """The project's context; `leave_out` is the code being extracted again, whose
        graph and registry file are not context but what is replaced."""
        registry_graph = Graph()
        for path in project.registry_files():
            if path != project.extracted_registry_file(leave_out or ""):
                registry_graph += parse_turtle(path)
        documents_graph = Graph()
        for path in project.document_files():
            if path.stem != leave_out:
                documents_graph += parse_turtle(path)
        return cls(project, Registry(registry_graph), Lexicons(project.root / "ontology" / "vocab"),
                   _documents(documents_graph))


def _documents(graph: Graph) -> dict[str, KnownDocument]:
    documents = {}
    for doc in graph.subjects(RDF.type, ICP.PolicyDocument):
        code = str(doc).rsplit("/", 1)[-1]
        numbers = [str(n) for n in graph.objects(doc, ELI.id_local)]
        items = {t: str(graph.value(t, ICP.text)) for t in graph.subjects(ICP.inDocument, doc)
                 if (t, RDF.type, ICP.Task) in graph and graph.value(t, ICP.text) is not None}
        documents[code] = KnownDocument(
            code, str(graph.value(doc, DCTERMS.title) or ""), numbers,
            graph.value(doc, ELI.jurisdiction) == PLACE["cn"], items,
            {t: str(graph.value(t, ELI.number) or graph.value(t, DCTERMS.title)) for t in items},
            {t: _local(graph.value(t, ICP.taskKind)) or "" for t in items},
            str(graph.value(doc, ICP.periodStart) or graph.value(doc, ELI.date_document) or "")[:4])
    return documents


@dataclass
class Spot:
    """A place a person should look at: its line in the source, and why."""

    line: int
    what: str


@dataclass
class DraftClause:
    iri: URIRef
    found: FoundClause | None
    text: str
    resolved: list[tuple[Resolution, str]]   # (who, role)
    paragraph: URIRef | None = None


@dataclass
class DraftItem:
    part: Part
    iri: URIRef
    clauses: list[DraftClause] = field(default_factory=list)
    targets: list[tuple[URIRef, FoundTarget]] = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    reuse: list = field(default_factory=list)


@dataclass
class Draft:
    code: str
    where: Division
    text: str
    facts: Facts
    graph: Graph
    registry: Graph
    parts: list[Part]
    items: list[DraftItem]
    actors: Actors
    spots: list[Spot]
    targets: list[tuple[Part, URIRef, FoundTarget]]   # (setter, target, what was read)
    order: list[tuple[str | None, URIRef]]          # (banner, subject) in the order to write
    registry_order: list[URIRef]

    @property
    def document(self) -> URIRef:
        return DOC[self.code]


class _Builder:
    def __init__(self, text: str, context: Context, code: str | None, jurisdiction: str | None,
                 source_file: str):
        self.text = text
        self.context = context
        self.lexicons = context.lexicons
        outline = read_outline(text)
        task_kinds = self.lexicons["task-kind"]
        self.parts = parts(outline, lambda title: _local(task_kinds.first_in(title)) or "key-task")
        if not any(p.kind == "item" for p in self.parts):
            raise ExtractError("no numbered items found: the text has no outline of items "
                              "(一、/（一）/1. headings, 专栏, or a task-division table with 序号 and 任务 columns)")
        known = {c: (d.title, d.numbers) for c, d in context.documents.items()}
        self.facts = read_facts(outline.preamble + outline.annex_titles, outline.closing, text,
                                self.lexicons["document-kind"], known, code)
        self.where = _jurisdiction(jurisdiction, self.facts, text)
        self.assumed_national = jurisdiction is None and self.where is NATIONAL
        self.code = code or _propose_code(self.facts, self.where)
        if not _CODE.match(self.code):
            raise ExtractError(f"“{self.code}” is not a document code: use lower-case ASCII words joined by "
                              "hyphens, starting with the place (e.g. zj-2022-plan)")
        self.source_file = source_file
        self.graph = Graph()
        self.registry_graph = Graph()
        self.actors = Actors(context.registry, self.where)
        self.spots: list[Spot] = []
        self.order: list[tuple[str | None, URIRef]] = []
        self.placed: set[URIRef] = set()
        self.items: list[DraftItem] = []
        self.targets: list[tuple[Part, URIRef, FoundTarget]] = []
        self.evidence_taken: set[str] = set()
        self.noted: set[URIRef] = set()
        self.spots += [Spot(line, what) for line, what in outline.irregular]
        if self.assumed_national:
            self.spots.append(Spot(self.facts.title_line or 1, "no place found in the title, the issuers or the "
                                   "text: 全国 is assumed; pass --jurisdiction if the plan is a province's or a city's"))

    # Namespaces of this document's parts ------------------------------------------------

    def iri(self, kind: str, slug: str) -> URIRef:
        return ID[f"{kind}/{self.code}/{slug}"]

    @property
    def doc(self) -> URIRef:
        return DOC[self.code]

    @property
    def extraction(self) -> URIRef:
        return ID[f"extraction/{self.code}"]

    def add(self, subject, predicate, value) -> None:
        self.graph.add((subject, predicate, value))

    def place(self, banner: str | None, subject: URIRef) -> None:
        """Write `subject` under `banner`, where it is first placed."""
        if subject not in self.placed:
            self.placed.add(subject)
            self.order.append((banner, subject))

    # The whole ------------------------------------------------------------------------------

    def build(self) -> Draft:
        self._document()
        self._slugs()
        banner = None
        for part in self.parts:
            if part.kind == "section":
                banner = "".join(x for x in (part.number, part.title) if x) or "附件"
                self._section(part, banner)
            elif part.kind == "programme":
                self._programme(part, banner)
            else:
                self._item(part, banner)
        self._blanket_clauses()
        self._alignments()
        self._restatements()
        self._registry()
        return Draft(self.code, self.where, self.text, self.facts, self.graph, self.registry_graph, self.parts,
                     self.items, self.actors, self.spots, self.targets, self.order, self._registry_order())

    def _document(self) -> None:
        facts, doc = self.facts, self.doc
        self.place("The document", doc)
        self.add(doc, RDF.type, ICP.PolicyDocument)
        self.add(doc, RDF.type, ELI_DL.DraftLegislationWork if facts.draft else ELI.LegalResource)
        if not facts.title:  # a document needs a title: the text's first line stands in, to check
            first = next((n, line.strip()) for n, line in enumerate(self.text.split("\n"), 1) if line.strip())
            facts.title, facts.title_line = first[1][:80], first[0]
            self.spots.append(Spot(first[0], f"no title found; the first line “{facts.title}” stands in"))
        self.add(doc, DCTERMS.title, Literal(facts.title, lang="zh"))
        kind = facts.kind or "implementation-plan"
        if facts.kind is None:
            self.spots.append(Spot(facts.title_line, "the title names no document kind; implementation-plan assumed"))
        self.add(doc, ELI.type_document, vocab("document-kind", kind))
        if facts.number:
            self.add(doc, ELI.id_local, Literal(facts.number))
        for line, name in facts.issuers or self._issuer_from_number():
            who = self.actors.resolve(name)
            self.add(doc, ELI.passed_by, who.iri)
            self._note_resolution(who, line)
        if facts.date:
            self.add(doc, ELI.date_document, Literal(facts.date, datatype=XSD.date))
        if facts.period:
            self.add(doc, ICP.periodStart, Literal(facts.period[0], datatype=XSD.gYear))
            self.add(doc, ICP.periodEnd, Literal(facts.period[1], datatype=XSD.gYear))
        self.add(doc, ICP.status, vocab("document-status", "draft-for-comment" if facts.draft else "final"))
        self.add(doc, ELI.jurisdiction, PLACE[self.where.slug])
        for code, _words in facts.implements:
            self.add(doc, ELI.based_on, DOC[code])
        if not facts.implements and self.where.level == "provincial":
            self.spots.append(Spot(facts.title_line or 1, "the text names no national plan it carries out, so no "
                                   "eli:based_on: kgtool validate reports that where a national plan covers the "
                                   "plan's period; add it only if the text does name one"))
        self.add(doc, ICP.sourceFile, Literal(self.source_file))
        self.add(doc, PROV.wasGeneratedBy, self.extraction)
        self.place("The document", self.extraction)
        self.add(self.extraction, RDF.type, ICP.Extraction)
        self.add(self.extraction, RDFS.label, Literal(EXTRACTOR, lang="en"))
        self.add(self.extraction, ICP.sourceFile, Literal(self.source_file))
        self.add(self.extraction, SKOS.editorialNote, Literal(
            "A draft made by kgtool extract: items, clauses, bodies and targets are read off the text; carrier types, "
            "themes, policy instruments, target kinds, counted carrier types, alignments and restatements are read "
            f"in, each with an icp:Evidence; bodies the registry lacked are in graphs/registry/{self.code}.ttl.",
            lang="en"))

    def _issuer_from_number(self) -> list[tuple[int, str]]:
        """Where no issuing body is printed, the body a 文号 opens with (工信部联产业〔2016〕446号)."""
        number = self.facts.number or ""
        for end in range(min(8, len(number)), 1, -1):
            if self.context.registry.candidates(number[:end], PLACE[self.where.slug]):
                return [(self.facts.number_line, number[:end])]
        return []

    # Slugs ------------------------------------------------------------------------------------

    def _slugs(self) -> None:
        kinds = self.lexicons["programme-kind"]
        for part in self.parts:  # a table's group column naming a 工程 names a programme
            kind = kinds.last_in(part.title) if part.kind == "section" and part.group else None
            if kind is not None and part.title.endswith(kind[0]):
                part.kind, part.programme_kind = "programme", _local(kind[1])
        sections = [p for p in self.parts if p.kind == "section"]
        taken: set[str] = set()
        for part in sections:
            groups = [s for s in sections if s.group and s.parent is part.parent]
            part.slug = unique(_section_slug(part, groups), taken)
        items = [p for p in self.parts if p.kind == "item"]
        counts = Counter(str(p.value) for p in items if p.value is not None)
        main_kind = Counter(p.item_kind for p in items).most_common(1)[0][0]
        taken = set()
        for part in items:
            if part.number and re.fullmatch(r"\d+(?:[.．]\d+)+", part.number):  # 2.1.1 → 2-1-1
                part.slug = unique(re.sub(r"[.．]", "-", part.number), taken)
            elif part.value is None:
                group = part.parent.value if part.parent and part.parent.value else part.parent.slug if part.parent else "0"
                part.slug = unique(f"{group}-{pinyin_slug(part.title, 6) or 'item'}", taken)
            elif counts[str(part.value)] == 1:
                part.slug = unique(str(part.value), taken)
            elif part.item_kind == main_kind and part.item_kind != "annex-row" and str(part.value) not in taken:
                part.slug = unique(str(part.value), taken)
            else:
                part.slug = unique(f"{_KIND_PREFIX[part.item_kind]}-{part.value}", taken)
        taken = set()
        for part in self.parts:
            if part.kind == "programme":
                stem = f"column-{part.value}" if part.value else f"{part.programme_kind}-{pinyin_slug(part.title, 8)}"
                part.slug = unique(stem, taken)

    # Sections, programmes, items ---------------------------------------------------------

    def _section(self, part: Part, banner: str) -> None:
        section = self.iri("section", part.slug)
        self.place(banner, section)
        self.add(section, RDF.type, ICP.Section)
        if part.number:
            self.add(section, ELI.number, Literal(part.number))
        self.add(section, DCTERMS.title, Literal(part.title or "附件", lang="zh"))
        if part.text:
            self.add(section, ICP.text, Literal(part.text, lang="zh"))
        parent = self._parent_iri(part)
        self.add(section, ELI.is_part_of, parent)
        self.add(section, ICP.inDocument, self.doc)
        self.add(section, ICP.order, Literal(_order(self.parts, part)))

    def _parent_iri(self, part: Part) -> URIRef:
        """The section a part is printed in (a table's 工程 groups its rows but is no section)."""
        parent = part.parent
        while parent is not None and parent.kind == "programme":
            parent = parent.parent
        return self.iri("section", parent.slug) if parent is not None else self.doc

    def _programme(self, part: Part, banner: str | None) -> None:
        programme = self.iri("programme", part.slug)
        self.place(banner, programme)
        self.add(programme, RDF.type, ICP.Programme)
        if part.number:
            self.add(programme, ELI.number, Literal(part.number))
        if part.title:
            self.add(programme, DCTERMS.title, Literal(part.title, lang="zh"))
        if part.text:
            self.add(programme, ICP.text, Literal(part.text, lang="zh"))
        self.add(programme, ICP.programmeKind, vocab("programme-kind", part.programme_kind))
        if part.parent is not None:
            self.add(programme, ELI.is_part_of, self._parent_iri(part))
        self.add(programme, ICP.inDocument, self.doc)
        self.add(programme, ICP.order, Literal(1 + sum(1 for p in self.parts[: self.parts.index(part)]
                                                       if p.kind == "programme")))
        self._targets(programme, part, banner)

    def _item(self, part: Part, banner: str | None) -> None:
        task = self.iri("task", part.slug)
        item = DraftItem(part, task)
        self.items.append(item)
        self.place(banner, task)
        self.add(task, RDF.type, ICP.Task)
        if part.number:
            self.add(task, ELI.number, Literal(part.number))
        else:
            self.add(task, ICP.unnumbered, Literal(True))
        self.add(task, DCTERMS.title, Literal(part.title or part.text[:20], lang="zh"))
        self.add(task, ICP.text, Literal(part.text, lang="zh"))
        self.add(task, ICP.taskKind, vocab("task-kind", part.item_kind))
        self.add(task, ELI.is_part_of, self._parent_iri(part) if part.parent else self.doc)
        self.add(task, ICP.inDocument, self.doc)
        self.add(task, ICP.order, Literal(_order(self.parts, part)))
        if part.programme is not None:
            self.add(task, ICP.inProgramme, self.iri("programme", part.programme.slug))
        if part.parent is not None and part.parent.kind == "programme":  # a row of a table's 工程
            self.add(task, ICP.inProgramme, self.iri("programme", part.parent.slug))
        self._clauses(item, banner)
        self._tags(item)
        self._targets(task, part, banner)

    # Clauses ------------------------------------------------------------------------------------

    def _clauses(self, item: DraftItem, banner: str | None) -> None:
        part = item.part
        if part.cells:
            assignments = column_assignments(part.cells)
            text = "\t".join(part.cells[r] for r in ("lead", "partner", "responsible") if part.cells.get(r))
            if assignments:
                self._clause(item, self.iri("clause", part.slug), None, text, assignments, banner)
            return
        found = find_clauses(part.text)
        own = [c for c in found if not c.blanket]
        passages = _passages(part.text, own) if len(own) > 1 else []
        for clause in found:
            if clause.blanket:
                item.clauses.append(DraftClause(self.iri("clause", "blanket"), clause, clause.text, []))
                continue
            index = own.index(clause)
            slug = f"{part.slug}-p{index + 1}" if passages else part.slug
            paragraph = self._paragraph(item, index, passages[index], banner) if passages else None
            if clause.inline:
                self.spots.append(Spot(part.line, f"item {part.number or part.title}: the lead is read from a "
                                                  f"sentence (“{clause.text}”), not from a clause of its own"))
            self._clause(item, self.iri("clause", slug), clause, clause.text, parse_clause(clause.text), banner,
                         paragraph)
        if not found and part.item_kind != "general-requirement":
            self.spots.append(Spot(part.line, f"item {part.number or part.title}: no responsibility clause found"))

    def _paragraph(self, item: DraftItem, index: int, text: str, banner) -> URIRef:
        paragraph = self.iri("task", f"{item.part.slug}-p{index + 1}")
        self.place(banner, paragraph)
        self.add(paragraph, RDF.type, ICP.Paragraph)
        self.add(paragraph, ICP.text, Literal(text, lang="zh"))
        self.add(paragraph, ELI.is_part_of, item.iri)
        self.add(paragraph, ICP.inDocument, self.doc)
        self.add(paragraph, ICP.order, Literal(index + 1))
        return paragraph

    def _clause(self, item: DraftItem, iri: URIRef, found, text: str, assignments, banner, paragraph=None) -> None:
        resolved = self.actors.resolve_clause(assignments)
        for who, _ in resolved:
            self._note_resolution(who, item.part.line)
        clause = DraftClause(iri, found, text, resolved, paragraph)
        item.clauses.append(clause)
        self.place(banner, iri)
        self.add(iri, RDF.type, ICP.ResponsibilityClause)
        self.add(iri, ICP.clauseText, Literal(re.sub(r"\s+", "", text) if "\t" not in text else text, lang="zh"))
        self.add(iri, ICP.inDocument, self.doc)
        if paragraph is not None:
            self.add(iri, ICP.coversParagraph, paragraph)
        for who, role in resolved:
            self.add(iri, ICP[role], who.iri)
        self.add(item.iri, ICP.hasClause, iri)

    def _note_resolution(self, who: Resolution, line: int) -> None:
        """A spot to check, once per body: a name that matched several, a body composed
        with little confidence."""
        if who.iri in self.noted:
            return
        if who.ambiguous:
            self.spots.append(Spot(line, f"“{who.name}” matches more than one body; {who.iri} was taken"))
        elif who.created is not None and who.created.confidence < 0.7:
            self.spots.append(Spot(line, f"“{who.name}” → new body “{who.created.name_zh}”, confidence "
                                         f"{who.created.confidence:.1f}: {who.created.note}"))
        else:
            return
        self.noted.add(who.iri)

    def _blanket_clauses(self) -> None:
        """A blanket clause (以下各项均需各地共同推进落实) covers every item of the document."""
        blanket = next((c for i in self.items for c in i.clauses if c.iri.endswith("/blanket")), None)
        if blanket is None:
            return
        iri = blanket.iri
        resolved = [who for who, _ in self.actors.resolve_clause(parse_clause(blanket.text))]
        self.place(None, iri)
        self.add(iri, RDF.type, ICP.ResponsibilityClause)
        self.add(iri, ICP.clauseText, Literal(blanket.text, lang="zh"))
        self.add(iri, ICP.inDocument, self.doc)
        for who in resolved:
            self.add(iri, ICP.responsible, who.iri)
        blanket.resolved = [(who, "responsible") for who in resolved]
        for item in self.items:
            if item.part.item_kind in ("key-task", "safeguard-measure", "organisational-measure"):
                self.add(item.iri, ICP.hasClause, iri)
                if all(c.iri != iri for c in item.clauses):
                    item.clauses.append(blanket)

    # Interpretation with evidence ---------------------------------------------------------------

    def evidence(self, subject: URIRef, predicate: URIRef, value: URIRef, method: str,
                 score: float | None = None) -> None:
        self.add(subject, predicate, value)
        slug = unique(f"{_tail(subject)}-{predicate.split('#')[-1]}-{_tail(value)}".lower(), self.evidence_taken)
        node = ID[f"evidence/{self.code}/{slug}"]
        self.place("Evidence: how what was read in was found", node)
        self.add(node, RDF.type, ICP.Evidence)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, value)
        self.add(node, ICP.method, Literal(method, lang="en"))
        if score is not None:
            self.add(node, ICP.score, Literal(f"{score:.3f}", datatype=XSD.decimal))
        self.add(node, PROV.wasGeneratedBy, self.extraction)

    def _tags(self, item: DraftItem) -> None:
        """What the vocabularies' labels name in an item's words (its clauses left out:
        bodies' names are no carrier types or themes)."""
        task, content = item.iri, item.part.text
        for clause in item.clauses:
            content = content.replace(clause.text, "")
        for scheme, predicate, stated in (("carrier-type", ICP.carrierType, False), ("theme", ICP.theme, False),
                                          ("policy-instrument", ICP.policyInstrument, False),
                                          ("industrial-spirit", ICP.spirit, True)):
            for match in self.lexicons[scheme].find_all(content):
                if stated:  # the words are in the text: a stated spirit
                    self.add(task, predicate, match.concept)
                else:
                    self.evidence(task, predicate, match.concept,
                                  f"the {scheme} label “{match.label}” occurs in the item's text")

    def _targets(self, setter: URIRef, part: Part, banner) -> None:
        counted = self.lexicons["carrier-type"]
        taken: set[str] = set()
        for found in find_targets(part.text, words=self.context.target_words):
            target = self.iri("target", unique(f"{part.slug}-{pinyin_slug(found.subject, 6) or 'target'}", taken))
            self.place(banner, target)
            self.add(target, RDF.type, ICP.Target)
            self.add(target, ICP.quantity, Literal(found.quantity, datatype=XSD.decimal))
            self.add(target, ICP.unit, Literal(found.unit))
            self.add(target, ICP.qualifier, vocab("target-qualifier", found.qualifier))
            if found.year:
                self.add(target, ICP.deadline, Literal(found.year, datatype=XSD.gYear))
            if not found.subject:  # 每两年评选10名: what is counted goes unsaid; the words stand in
                self.spots.append(Spot(part.line, f"target “{found.quote}”: what it counts is not printed; "
                                                  "its words stand in as icp:subject"))
            self.add(target, ICP.subject, Literal(found.subject or found.quote, lang="zh"))
            if found.subject:
                kind = counted.first_in(found.subject)
                if kind is not None:
                    self.evidence(target, ICP.counts, kind, f"the carrier-type label occurs in the subject “{found.subject}”")
            self.evidence(target, ICP.targetKind, vocab("target-kind", found.kind),
                          "the words around the number (新增, 达到, 每年, 不超过 …) as kgtool.extract.targets reads them")
            if found.per:
                self.add(target, ICP.per, Literal(found.per, lang="zh"))
            self.add(target, ICP.quote, Literal(found.quote, lang="zh"))
            self.add(target, ICP.inDocument, self.doc)
            self.add(setter, ICP.setsTarget, target)
            self.targets.append((part, target, found))
            item = next((i for i in self.items if i.iri == setter), None)
            if item is not None:
                item.targets.append((target, found))

    def _alignments(self) -> None:
        """Suggest national items for each item of a plan below the national level, and
        keep every passage copied word for word from another document."""
        documents = self.context.documents
        national = _framework_items(documents, self.where is NATIONAL)
        items = {str(i.iri): i.part.text for i in self.items}
        working = {iri: text for iri, text in items.items()  # general requirements assign no work to align
                   if next(i for i in self.items if str(i.iri) == iri).part.item_kind != "general-requirement"}
        if self.where is not NATIONAL and national:
            suggestions = suggest_alignments(working, national)
            for item in self.items:
                item.suggestions = suggestions.get(str(item.iri), [])
                self._suggestions(item)
        year = _first_year(self.facts)
        earlier = {str(t): text for d in documents.values() if d.national and not (year and d.year and d.year >= year)
                   for t, text in d.items.items()}
        found = find_reuse(items, earlier) if earlier else []
        slugs = {str(i.iri): i.part.slug for i in self.items}
        for node in add_reuse(self.graph, self.code, found, slugs):
            self.place("Text reuse: passages repeated word for word from national documents", node)
            self.add(node, PROV.wasGeneratedBy, self.extraction)
        for item in self.items:
            item.reuse = [r for r in found if r.item == str(item.iri)]

    def _suggestions(self, item: DraftItem) -> None:
        for suggestion in item.suggestions:
            node = ID[f"suggestion/{self.code}/{item.part.slug}-{suggestion.rank}"]
            self.place("Alignment suggestions, for review", node)
            self.add(node, RDF.type, ICP.AlignmentSuggestion)
            self.add(node, ICP.suggestedFor, item.iri)
            self.add(node, ICP.suggests, URIRef(suggestion.national))
            self.add(node, ICP.score, Literal(f"{suggestion.score:.3f}", datatype=XSD.decimal))
            self.add(node, ICP.rank, Literal(suggestion.rank))
            self.add(node, PROV.wasGeneratedBy, self.extraction)
        best = item.suggestions[0] if item.suggestions else None
        if best is not None and best.score >= ALIGN_THRESHOLD:
            self.evidence(item.iri, ICP.alignsWith, URIRef(best.national),
                          "the most similar national item by character n-gram TF-IDF cosine "
                          f"(kgtool.extract.alignment), above the threshold {ALIGN_THRESHOLD}", best.score)

    def _restatements(self) -> None:
        """An annex row whose task is printed word for word in a key task restates it."""
        rows = [i for i in self.items if i.part.cells]
        others = [i for i in self.items if not i.part.cells]
        for row in rows:
            task = _plain(row.part.cells.get("task", ""))
            source = next((o for o in others if task and task in _plain(o.part.text)), None)
            if source is not None:
                self.evidence(row.iri, ICP.restates, source.iri,
                              "the row's task cell is printed word for word in the item's text")

    # The bodies and places this extraction created ------------------------------------------

    def _registry(self) -> None:
        graph = self.registry_graph
        for body in self.actors.created.values():
            self._created_body(graph, body)
        registry = self.context.registry
        everywhere = registry.places_within(PLACE["cn"])
        for iri, forms in self.actors.forms.items():
            if iri in registry.actors:  # a known body printed in a form the registry lacks
                for form in sorted(f for f in forms if iri not in registry.labelled(f, everywhere)):
                    graph.add((iri, SKOS.altLabel, Literal(form, lang="zh")))
        self._places(graph)

    def _created_body(self, graph: Graph, body: NewBody) -> None:
        iri = (ACTOR if body.generic else AGENCY)[body.slug]
        graph.add((iri, RDF.type, ICP.GenericActor if body.generic else ICP.Agency))
        graph.add((iri, SKOS.prefLabel, Literal(body.name_zh, lang="zh")))
        if body.name_en:
            graph.add((iri, SKOS.prefLabel, Literal(body.name_en, lang="en")))
        for form in sorted(self.actors.forms.get(iri, set()) - {body.name_zh}):
            graph.add((iri, SKOS.altLabel, Literal(form, lang="zh")))
        graph.add((iri, ICP.level, vocab("level", body.level)))
        graph.add((iri, ICP.jurisdiction, PLACE[body.jurisdiction]))
        if body.kind:
            graph.add((iri, ORG.classification, vocab("agency-kind", body.kind)))
        if body.counterpart:
            graph.add((iri, ICP.nationalCounterpart, AGENCY[body.counterpart]))
        graph.add((iri, ICP.namedIn, self.doc))
        printed_in_full = body.name_zh in re.sub(r"\s+", "", self.text)
        basis = "stated" if body.generic or printed_in_full else "extracted"
        graph.add((iri, ICP.nameBasis, vocab("statement-basis", basis)))
        if basis == "extracted":
            graph.add((iri, ICP.confidence, Literal(f"{body.confidence:.2f}", datatype=XSD.decimal)))
        graph.add((iri, SKOS.editorialNote, Literal(body.note, lang="en")))
        graph.add((iri, PROV.wasGeneratedBy, self.extraction))

    def _places(self, graph: Graph) -> None:
        """The plan's place, the places of the bodies it created (大渡口区政府 in Chongqing's
        plan), and each place around them, where the registry lacks them."""
        known = self.context.registry.places_within(PLACE["cn"])
        wanted = [self.where] + [division_by_slug(b.jurisdiction) for b in self.actors.created.values()]
        for where in filter(None, wanted):
            while where is not NATIONAL and PLACE[where.slug] not in known:
                known.add(PLACE[where.slug])
                self._place(graph, where)
                where = division_by_slug(where.within) or NATIONAL

    def _place(self, graph: Graph, where: Division) -> None:
        place = PLACE[where.slug]
        graph.add((place, RDF.type, ICP.Jurisdiction))
        graph.add((place, SKOS.prefLabel, Literal(where.name, lang="zh")))
        graph.add((place, SKOS.prefLabel, Literal(where.english, lang="en")))
        if where.short and where.short != where.name:
            graph.add((place, SKOS.altLabel, Literal(where.short, lang="zh")))
        graph.add((place, ICP.level, vocab("level", where.level)))
        graph.add((place, ICP.withinJurisdiction, PLACE[where.within]))
        graph.add((place, SKOS.editorialNote, Literal(
            f"Added by {EXTRACTOR} from the table of China's administrative divisions it ships "
            f"(adcode {where.adcode}); knowledge from outside the texts.", lang="en")))

    def _registry_order(self) -> list[URIRef]:
        places = sorted(set(self.registry_graph.subjects(RDF.type, ICP.Jurisdiction)))
        bodies = sorted(set(self.registry_graph.subjects()) - set(places))
        return places + bodies


def draft(text: str, context: Context, code: str | None = None, jurisdiction: str | None = None,
          source_file: str | None = None) -> Draft:
    """The draft graph of a plan's normalised `text`. `code` and `jurisdiction` are
    proposed from the text where not given."""
    builder = _Builder(text, context, code, jurisdiction, source_file or "")
    if not source_file:
        builder.source_file = f"sources/{builder.code}.txt"
    return builder.build()


# Helpers -----------------------------------------------------------------------------------


def _framework_items(documents: dict[str, KnownDocument], national_plan: bool) -> dict[str, str]:
    """The items a plan's items are aligned with: for a provincial or city plan, the
    tasks of the newest national plan (the framework in force); for a national plan,
    those of every national document before it. General requirements assign no work
    and are left out."""
    candidates = sorted((d for d in documents.values() if d.national), key=lambda d: (d.year, d.code))
    chosen = candidates if national_plan else candidates[-1:]
    return {str(t): text for d in chosen for t, text in d.items.items() if d.kinds[t] != "general-requirement"}


def _local(concept) -> str | None:
    return str(concept).rsplit("/", 1)[-1] if concept is not None else None


def _tail(iri: URIRef) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", str(iri).rsplit("/", 1)[-1]).strip("-")


def _plain(text: str) -> str:
    return re.sub(r"[\s，。；、：,.;:“”\"（）()]", "", text)


def _order(all_parts: list[Part], part: Part) -> int:
    siblings = [p for p in all_parts if p.parent is part.parent and p.kind == part.kind]
    return siblings.index(part) + 1


def _section_slug(part: Part, groups: list[Part]) -> str:
    """sec:2, sec:2-1; the annex sec:annex and its groups sec:annex-1 … in order."""
    if part.annex and part.parent is None:
        return "annex"
    if part.group:
        own = 1 + groups.index(part)
        return f"{part.parent.slug}-{own}" if part.parent else f"annex-{own}"
    stem = str(part.value) if part.value is not None else pinyin_slug(part.title, 6) or "part"
    return f"{part.parent.slug}-{stem}" if part.parent is not None else stem


def _passages(text: str, clauses: list[FoundClause]) -> list[str]:
    """The passages of an item with several clauses: each runs from the end of the
    clause before (or from the end of the item's title line) to the end of its own
    clause, with the full stop after it."""
    start = text.index("\n") + 1 if "\n" in text and not find_clauses(text.split("\n", 1)[0]) else 0
    passages = []
    for number, clause in enumerate(clauses):
        end = clause.end + (1 if text[clause.end:clause.end + 1] == "。" else 0)
        if number == len(clauses) - 1:
            end = len(text)
        passages.append(text[start:end].strip())
        start = end
    return passages


def _jurisdiction(name: str | None, facts: Facts, text: str) -> Division:
    """The plan's jurisdiction: as given; else the place its title opens with; else the
    place its issuing bodies open with; else national, unless the text names one place
    far more than any other (a plan that calls its province 我省 and names it in its
    preamble)."""
    if name is not None:
        found = division(name.strip())
        if found is None:
            raise ExtractError(f"unknown jurisdiction “{name}”: give 全国, a province (浙江省, 浙江), a "
                              "prefecture-level city (杭州市) or a county-level one (义乌市, 景德镇市珠山区)")
        return found
    place = next(_divisions_at_start(facts.title), None)
    if place is not None:
        return place
    in_title = sorted(divisions_named(_QUOTED.sub("", facts.title)), key=lambda d: d.level != "prefectural")
    if in_title:  # 省市共建苏州…示范区: the most local place the title names
        return in_title[0]
    for _, issuer in facts.issuers:
        place = next(_divisions_at_start(issuer), None)
        if place is not None:
            return place
    named = divisions_named(text).most_common(2)
    if named and named[0][1] >= 3 and (len(named) == 1 or named[0][1] >= 2 * named[1][1]) \
            and not any(issuer.endswith("部") for _, issuer in facts.issuers):
        return named[0][0]
    return NATIONAL


def _divisions_at_start(title: str):
    """The place a title opens with, the longest name that fits (景德镇市珠山区…, not 景德镇)."""
    found = [division(title[:length]) for length in range(2, 16)]
    found = [d for d in found if d is not None and d is not NATIONAL]
    if found:
        yield found[-1]


def _first_year(facts: Facts) -> str:
    """The year a plan prints first: its date's, its period's start, its 文号's."""
    number_year = re.search(r"(\d{4})", facts.number or "")
    return (facts.date or "")[:4] or (facts.period[0] if facts.period else "") or (
        number_year.group(1) if number_year else "")


def _propose_code(facts: Facts, where: Division) -> str:
    year = _first_year(facts)
    word = _KIND_WORDS.get(facts.kind or "", "plan")
    return "-".join(x for x in (where.slug, year, word) if x)
