"""`site`: the release's pages for people.

One HTML page per document, numbered item, agency (registry bodies and generic
actors), programme, carrier type, target, national industrial heritage list and
heritage site, in Chinese with English beside; an index with a search box (its records
and scripts from kgtool.release.site_search), the documents, the coverage matrix (each number
linking to its item) and the co-responsibility network; the heritage register (a map of
sites per province and every row of the lists, by province and by batch); a page
per vocabulary (its concepts as a tree); the ontology's documentation (pyLODE); a page
per named graph of the release; and, for every other IRI the data mints (sections,
clauses, paragraphs, designations, places, named carriers, concepts…), the generic
page: its names and every property both ways, with links.

Paths follow the IRIs (the contract the publish module and the README rely on):
the resource https://w3id.org/icpkg/<path> is written to <out>/<path>.html, and
its description to <out>/<path>.ttl, .jsonld and .nt, so one rewrite rule on the
host serves each IRI by content negotiation (the README's w3id.org .htaccess). Links between pages are
relative, so a release works from any static host and from file://.

Identical input gives identical bytes: the asserted graph is indexed once with
every list sorted, pages carry no time, and the network's layout is computed,
not random. Anything stated with a property whose `icp:basis` is *interpreted*
in the ontology is shown under a "解读 / interpretation" mark, never as text.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, RDFS, SKOS

from ..ask.queries import find_query, run_query
from ..check.labels import NAME_PROPERTIES, Labels, local_name
from ..check.framework import national_plan_in_force
from ..errors import PublishError
from ..namespaces import BASE, DOC, ELI, GRAPH, ICP, ID, INFERRED_GRAPH, ONTOLOGY_IRI, PREFIXES, VOCAB
from ..project import Project
from ..store.build_folder import Build
from .choropleth import PROVINCES, province_choropleth
from .metadata import Citation
from .serialize import jsonld, ntriples, turtle
from .site_search import SEARCH_SCRIPTS, search_files

CARRIER_SCHEME = URIRef(BASE + "vocab/carrier-type")
INDEX_PAGE = "index.html"
# The heritage register twice, in two orders: the pages carry no script to sort with,
# so a click on a column's heading opens the table sorted by it.
HERITAGE_PAGE = "heritage.html"
HERITAGE_BY_BATCH_PAGE = "heritage-by-batch.html"
REGISTER_CRUMB = "国家工业遗产 National industrial heritage"
ONTOLOGY_PAGE = "ontology.html"
STYLESHEET = "site.css"
# Written by the publish module beside the pages; the index links to them.
DUMPS_FOLDER = "dumps/"
DESCRIPTION_FILE = "void.ttl"

BASIS = {
    VOCAB["statement-basis/stated"]: "stated",
    VOCAB["statement-basis/interpreted"]: "interpreted",
    VOCAB["statement-basis/external"]: "external",
}
ROLES = (
    (ICP.lead, "牵头", "lead"),
    (ICP.participant, "参与", "participant"),
    (ICP.responsible, "负责", "responsible"),
)
LANGUAGE_TAGS = {"zh": "zh-Hans", "en": "en"}

# Reused terms carry no labels in the ontology; these name them on the pages.
TERM_LABELS = {
    RDF.type: ("类型", "type"),
    DCTERMS.title: ("标题", "title"),
    DCTERMS.spatial: ("地点", "place"),
    DCTERMS.source: ("出处", "source"),
    ELI.number: ("编号", "number as printed"),
    ELI.type_document: ("文件种类", "kind of document"),
    ELI.id_local: ("文号", "document number"),
    ELI.date_document: ("印发日期", "date issued"),
    ELI.passed_by: ("印发机关", "issued by"),
    ELI.jurisdiction: ("行政区域", "jurisdiction"),
    ELI.based_on: ("贯彻落实", "based on"),
    ELI.is_part_of: ("所属章节", "section"),
    ORG.classification: ("机构种类", "kind of body"),
    SKOS.prefLabel: ("名称", "name"),
    SKOS.altLabel: ("原文中的其他写法", "other forms in the texts"),
    SKOS.definition: ("定义", "definition"),
    SKOS.scopeNote: ("使用说明", "scope note"),
    SKOS.broader: ("上位类型", "broader type"),
    SKOS.editorialNote: ("编辑说明", "editorial note"),
    SKOS.note: ("说明", "note"),
    SKOS.inScheme: ("所属词表", "in vocabulary"),
    SKOS.topConceptOf: ("为其顶层概念的词表", "top concept of"),
    SKOS.hasTopConcept: ("顶层概念", "top concepts"),
    SKOS.example: ("示例", "example"),
    SKOS.relatedMatch: ("相关概念", "related concept"),
    RDF.subject: ("所述对象", "statement about"),
    RDF.predicate: ("所述属性", "property stated"),
    RDF.object: ("所述值", "value stated"),
}
# A property read backwards (from the resource it points to) needs its own words.
INVERSE_LABELS = {
    ELI.based_on: ("贯彻落实本文件的文件", "documents based on this one"),
    ELI.passed_by: ("印发的文件", "documents it issued"),
    ICP.alignsWith: ("对应本条的条目", "items aligned with this one"),
    ICP.restates: ("复述本条的分工表行", "annex rows restating this item"),
    ICP.inProgramme: ("所含条目", "items it groups"),
    ICP.contributesTo: ("服务于本专项的条目", "items read as serving it"),
    ICP.setsTarget: ("设定者", "set by"),
    ICP.nationalCounterpart: ("对口的省级机构", "provincial counterparts"),
    ICP.includedIn: ("包括", "includes"),
    ICP.carrierType: ("涉及本类型的条目、载体和目标", "items, carriers and targets of this type"),
    ICP.counts: ("计数本类型的目标", "targets that count this type"),
    SKOS.broader: ("下位类型", "narrower types"),
    ICP.hasClause: ("含本表述的条目", "items with this clause"),
    ICP.coversParagraph: ("适用于本段的表述", "clauses that cover it"),
    ICP.namesCarrier: ("点名本载体的条目", "items that name it"),
    SKOS.hasTopConcept: ("以本项为顶层概念的词表", "vocabularies it tops"),
    SKOS.relatedMatch: ("相关概念", "related concepts"),
}


def _term_key(term) -> tuple:
    if isinstance(term, Literal):
        return (1, str(term), term.language or "", str(term.datatype or ""))
    return (0, str(term), "", "")


class Facts:
    """The asserted graph indexed once both ways, every list sorted, so that pages
    are built without a query each and come out in the same order every run."""

    def __init__(self, graph: Graph):
        forward: dict = defaultdict(lambda: defaultdict(list))
        backward: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o in graph:
            # Only the ontology's owl:AllDisjointClasses list is made of blank
            # nodes, and no page shows it; leaving them out keeps output stable.
            if isinstance(s, BNode) or isinstance(o, BNode):
                continue
            forward[s][p].append(o)
            if isinstance(o, URIRef):
                backward[o][p].append(s)
        self._forward = {s: {p: sorted(os, key=_term_key) for p, os in ps.items()} for s, ps in forward.items()}
        self._backward = {o: {p: sorted(ss, key=_term_key) for p, ss in ps.items()} for o, ps in backward.items()}

    def objects(self, subject, predicate) -> list:
        return self._forward.get(subject, {}).get(predicate, [])

    def value(self, subject, predicate):
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def subjects(self, predicate, obj) -> list:
        return self._backward.get(obj, {}).get(predicate, [])

    def instances(self, cls) -> list:
        return self.subjects(RDF.type, cls)

    def pairs(self, subject) -> list[tuple]:
        """Every (predicate, object) of a subject, sorted."""
        return [(p, o) for p in self.properties(subject) for o in self.objects(subject, p)]

    def properties(self, subject) -> list:
        return sorted(self._forward.get(subject, {}), key=str)

    def inverse_properties(self, obj) -> list:
        """The properties that point to a resource, sorted."""
        return sorted(self._backward.get(obj, {}), key=str)

    def nodes(self) -> set:
        """Every IRI the graph names, as subject or object."""
        return {s for s in self._forward if isinstance(s, URIRef)} | set(self._backward)

    def text(self, subject, predicate, language: str) -> str | None:
        for value in self.objects(subject, predicate):
            if isinstance(value, Literal) and value.language == language:
                return str(value)
        return None

    def is_a(self, node, cls) -> bool:
        return cls in self.objects(node, RDF.type)


# --- what gets a page ------------------------------------------------------------------


def resources_by_kind(facts: Facts) -> dict[str, list[URIRef]]:
    """The resources that get a page of their own, by kind, each list sorted by IRI."""
    agencies = facts.instances(ICP.Agency) + facts.instances(ICP.GenericActor)
    kinds = {
        "document": facts.instances(ICP.PolicyDocument),
        "item": facts.instances(ICP.Task),
        "agency": sorted(agencies, key=str),
        "programme": facts.instances(ICP.Programme),
        "carrier-type": facts.subjects(SKOS.inScheme, CARRIER_SCHEME),
        "target": facts.instances(ICP.Target),
        "heritage-list": facts.instances(ICP.HeritageList),
        "heritage-site": designated_sites(facts),
        "vocabulary": facts.instances(SKOS.ConceptScheme),
    }
    kinds = {kind: [iri for iri in iris if str(iri).startswith(BASE)] for kind, iris in kinds.items()}
    with_template = {iri for iris in kinds.values() for iri in iris}
    for kind, iris in _generic_resources(facts, with_template).items():
        kinds[kind] = iris
    return kinds


# Every other IRI the data mints under id/ and vocab/ gets the generic page (resource.html:
# its names, types and every property both ways, with links), named here by its class.
GENERIC_KINDS = (
    (ICP.Section, "section"),
    (ICP.Paragraph, "paragraph"),
    (ICP.ResponsibilityClause, "clause"),
    (ICP.Designation, "designation"),
    (ICP.Carrier, "carrier"),
    (ICP.Attestation, "attestation"),
    (ICP.TextReuse, "text-reuse"),
    (ICP.Jurisdiction, "place"),
    (SKOS.Concept, "concept"),
)


def _generic_resources(facts: Facts, with_template: set) -> dict[str, list[URIRef]]:
    minted = sorted(
        (node for node in facts.nodes() if str(node).startswith((str(ID), str(VOCAB))) and node not in with_template),
        key=str,
    )
    kinds: dict[str, list[URIRef]] = {kind: [] for _, kind in GENERIC_KINDS}
    for node in minted:
        kind = next((kind for cls, kind in GENERIC_KINDS if facts.is_a(node, cls)), "resource")
        kinds.setdefault(kind, []).append(node)
    return {kind: iris for kind, iris in kinds.items() if iris}


def designated_sites(facts: Facts) -> list[URIRef]:
    """The carriers a heritage list designates, sorted by IRI. They get pages; the other
    named carriers are shown by the words of the text that name them."""
    designations = facts.instances(ICP.Designation)
    return sorted({site for d in designations for site in facts.objects(d, ICP.designatedSite)}, key=str)


_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


def page_path(iri: URIRef, suffix: str = ".html") -> str:
    """Where a resource's page (or, with another suffix, its data) is written, relative
    to the release folder: https://w3id.org/icpkg/<path> → <path>.html. An IRI whose
    path is not plain segments (`..`, `%`, `?`, `#`) would write outside the release or
    give a broken link: it is refused."""
    local = str(iri)[len(BASE):]
    segments = local.split("/")
    if not all(_SAFE_SEGMENT.fullmatch(segment) and segment not in (".", "..") for segment in segments):
        raise PublishError(f"<{iri}> cannot have a page: its path must be plain segments (letters, digits, . _ ~ -)")
    return local + suffix


# --- values the templates show ---------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One row of a page's facts: a property and its values, read forwards or backwards,
    with the attestations (values another document prints) that back it."""

    prop: URIRef
    values: list
    inverse: bool = False
    attestations: tuple = ()


@dataclass(frozen=True)
class Clause:
    node: URIRef
    text: Literal | None
    passage: URIRef | None
    roles: list  # (role zh, role en, actors)
    shared_by: int  # how many items carry this clause


@dataclass(frozen=True)
class Source:
    """The source text a quote is taken from: its file and the document's title and 文号."""

    path: str
    title: str
    number: str | None


class Site:
    """The graph as the templates see it: names, links and the basis of each property."""

    def __init__(self, facts: Facts, kinds: dict[str, list[URIRef]]):
        self.facts = facts
        self.kinds = kinds
        self.paths = {iri: page_path(iri) for iris in kinds.values() for iri in iris}
        ontology = URIRef(ONTOLOGY_IRI)
        self.paths[ontology] = ONTOLOGY_PAGE
        for version in facts.objects(ontology, OWL.versionIRI):
            if str(version).startswith(BASE):
                self.paths[version] = page_path(version)
        self._positions: dict = {}
        self.labels = Labels(facts)
        # The national plan whose items are the rows of the coverage matrix.
        self.framework = national_plan_in_force(facts)

    # names -------------------------------------------------------------------

    def zh(self, node) -> str:
        """The Chinese name, else the resource's kind and the end of its IRI (kgtool.check.labels;
        the English name has its own place on the page, so it is not borrowed)."""
        return self.labels.label(node, "zh", borrow=False)

    def _english(self, node) -> tuple[str, URIRef | None]:
        if isinstance(node, Literal):
            return "", None
        return self.labels.stated(node, "en") or ("", None)

    def en(self, node) -> str:
        """The English name: a label the data states, else the project's translation."""
        return self._english(node)[0]

    def translated(self, node) -> bool:
        """Whether the English name is an interpretation (the project's translation)."""
        text, prop = self._english(node)
        return bool(text) and self.basis(prop) == "interpreted"

    def number(self, node) -> str:
        return str(self.facts.value(node, ELI.number) or "")

    def heading(self, node) -> str:
        """How a numbered part is cited: its number as printed, then its title."""
        return " ".join(part for part in (self.number(node), self.zh(node)) if part)

    def term_label(self, prop, inverse: bool = False) -> tuple[str, str]:
        if inverse:
            if prop in INVERSE_LABELS:
                return INVERSE_LABELS[prop]
            zh, en = self.term_label(prop)
            return f"以本项为“{zh}”者", f"has this as {en}"
        if prop in TERM_LABELS:
            return TERM_LABELS[prop]
        return self.zh(prop), self.en(prop)

    def source(self, document) -> Source | None:
        """What a quote from `document` cites: the source file it is quoted from (a path
        of the release, which ships sources/), the document's title and 文号."""
        path = self.facts.value(document, ICP.sourceFile)
        if path is None:
            return None
        number = self.facts.value(document, ELI.id_local)
        return Source(str(path), self.zh(document), str(number) if number else None)

    def basis(self, prop) -> str:
        """stated, interpreted or external, as the ontology says for the property."""
        return BASIS.get(self.facts.value(prop, ICP.basis), "")

    # links -------------------------------------------------------------------

    def host(self, node):
        """The resource on whose page a part is shown in its context, which links to the
        part lead to: a section in its document, a clause in its (first) item, a
        designation on its site's page."""
        if self.facts.is_a(node, ICP.Section):
            return self.facts.value(node, ICP.inDocument)
        if self.facts.is_a(node, ICP.ResponsibilityClause):
            items = self.facts.subjects(ICP.hasClause, node)
            return items[0] if items else None
        if self.facts.is_a(node, ICP.Designation):
            return self.facts.value(node, ICP.designatedSite)
        return None

    def term_anchor(self, term) -> str | None:
        """The fragment of an icp: term in the ontology's documentation."""
        if str(term).startswith(str(ICP)):
            return str(term)[len(ICP):]
        return None

    # order -------------------------------------------------------------------

    def position(self, node) -> tuple:
        """Where a part stands in its document: the document, then the order of each
        enclosing part from the top; things outside documents sort by name."""
        if node not in self._positions:
            document = None if isinstance(node, Literal) else self.facts.value(node, ICP.inDocument)
            if document is None:
                self._positions[node] = ("~", (), _name_key(self, node), str(node))
            else:
                self._positions[node] = (str(document), self._orders(node), (), str(node))
        return self._positions[node]

    def _orders(self, node) -> tuple:
        orders = []
        while node is not None and not self.facts.is_a(node, ICP.PolicyDocument):
            orders.append(int(self.facts.value(node, ICP.order) or 0))
            node = self.facts.value(node, ELI.is_part_of)
        return tuple(reversed(orders))

    def ordered(self, nodes) -> list:
        return sorted(nodes, key=lambda n: (self.position(n), _term_key(n)))

    def parts(self, parent) -> list:
        """The sections, items and programmes directly inside a document or section, in order."""
        children = [
            child for child in self.facts.subjects(ELI.is_part_of, parent)
            if any(self.facts.is_a(child, cls) for cls in (ICP.Section, ICP.Task, ICP.Programme))
        ]
        return self.ordered(children)


def _name_key(site: Site, node) -> tuple:
    # Chinese before English, so a definition reads in the page's language first.
    language = node.language if isinstance(node, Literal) else "zh"
    return ({"zh": 0, "en": 1}.get(language, 2), site.zh(node))


class Page:
    """One page being written: makes every link relative to where it lies."""

    def __init__(self, site: Site, path: str, iri: URIRef | None = None):
        self.site = site
        self.path = path
        self.iri = iri
        self.document = iri if site.facts.is_a(iri, ICP.PolicyDocument) else site.facts.value(iri, ICP.inDocument)

    def other_document(self, node) -> URIRef | None:
        """The document of a linked part when it is not this page's, to say where it is."""
        if isinstance(node, Literal):
            return None
        document = self.site.facts.value(node, ICP.inDocument)
        return document if document != self.document else None

    def rel(self, target: str) -> str:
        here = posixpath.dirname(self.path) or "."
        relative = posixpath.relpath(target, here)
        return relative + "/" if target.endswith("/") else relative

    def to(self, target) -> str | None:
        """A link to a resource (an IRI) or to a file of the release (a path)."""
        return self.href(target) if isinstance(target, URIRef) else self.rel(target)

    def href(self, node) -> str | None:
        """The link to a resource's page; a part shown on another's page (a section, a
        clause, a designation) links to its place there rather than to its own page."""
        return self.in_context(node) or (self.rel(self.site.paths[node]) if node in self.site.paths else None)

    def in_context(self, node) -> str | None:
        """The link to a part where its host's page shows it, if it has a host."""
        host = self.site.host(node)
        if host in self.site.paths:
            return self.rel(self.site.paths[host]) + "#" + anchor(node)
        return None

    def term_href(self, term) -> str | None:
        fragment = self.site.term_anchor(term)
        return f"{self.rel(ONTOLOGY_PAGE)}#{fragment}" if fragment else None

    def data(self, suffix: str) -> str:
        """The same resource as Turtle (.ttl), JSON-LD (.jsonld) or N-Triples (.nt), beside the page."""
        return posixpath.basename(page_path(self.iri, suffix))


def anchor(node) -> str:
    """The id of a part shown inside another resource's page: its kind and slug
    (…/id/section/gd-2023-plan/2-1 → section-2-1, …/id/clause/cn-2021-plan/7-p2 → clause-7-p2,
    …/id/designation/ln-anshangangtiechang-batch-1 → designation-ln-anshangangtiechang-batch-1;
    on the register, …/id/place/ln → place-ln)."""
    kind = str(node)[len(ID):].split("/")[0]
    return f"{kind}-{local_name(node)}"


# --- the pages' contents -----------------------------------------------------------------


def _fields(facts: Facts, node, props, inverse: tuple = ()) -> list[Field]:
    rows = [Field(p, facts.objects(node, p)) for p in props]
    rows += [Field(p, facts.subjects(p, node), inverse=True) for p in inverse]
    return [row for row in rows if row.values]


def _ordered_fields(site: Site, rows: list[Field]) -> list[Field]:
    return [Field(r.prop, site.ordered(r.values), r.inverse, r.attestations) for r in rows]


def _split_by_basis(site: Site, rows: list[Field]) -> tuple[list[Field], list[Field]]:
    """The rows, values in order, split into what the texts state (or another document
    prints) and what the curator reads, which pages show apart."""
    rows = _ordered_fields(site, rows)
    stated = [row for row in rows if site.basis(row.prop) != "interpreted"]
    interpreted = [row for row in rows if site.basis(row.prop) == "interpreted"]
    return stated, interpreted


def _clauses(site: Site, item) -> list[Clause]:
    facts = site.facts
    clauses = []
    for node in facts.objects(item, ICP.hasClause):
        passage = facts.value(node, ICP.coversParagraph)
        roles = [(zh, en, site.ordered(facts.objects(node, role))) for role, zh, en in ROLES]
        clauses.append(
            Clause(
                node=node,
                text=facts.value(node, ICP.clauseText),
                passage=passage,
                roles=[role for role in roles if role[2]],
                shared_by=len(facts.subjects(ICP.hasClause, node)),
            )
        )
    # A clause for one passage sits in the passage's order; a clause shared by every
    # item of a plan (Fujian's) comes after the item's own.
    return sorted(clauses, key=lambda c: (c.shared_by > 1, site.position(c.passage) if c.passage else (), str(c.node)))


def item_context(site: Site, item) -> dict:
    facts = site.facts
    rows = _fields(
        facts, item,
        [ICP.taskKind, ICP.inProgramme, ICP.setsTarget, ICP.namesCarrier, ICP.spirit,
         ICP.contributesTo, ICP.carrierType, ICP.theme, ICP.policyInstrument, ICP.alignsWith,
         ICP.restates, SKOS.editorialNote],
        inverse=(ICP.alignsWith, ICP.restates),
    )
    stated, interpreted = _split_by_basis(site, rows)
    document = facts.value(item, ICP.inDocument)
    section = facts.value(item, ELI.is_part_of)
    return {
        "item": item,
        "document": document,
        "section": section,
        "number": facts.value(item, ELI.number),
        "text": facts.value(item, ICP.text),
        "clauses": _clauses(site, item),
        "stated": stated,
        "interpreted": interpreted,
        "crumbs": [(site.zh(document), document), (site.heading(section), section)],
        "title": f"{site.heading(item)} — {site.zh(document)}",
    }


def _responsibilities(site: Site, actor) -> list[tuple]:
    """The items an actor holds, by role and then document: (role zh, role en, [(document,
    [(item, clause text)])])."""
    facts = site.facts
    groups = []
    for role, zh, en in ROLES:
        held = defaultdict(set)
        for clause in facts.subjects(role, actor):
            for item in facts.subjects(ICP.hasClause, clause):
                held[item].add(facts.value(clause, ICP.clauseText))
        by_document = defaultdict(list)
        for item in site.ordered(held):
            texts = sorted(str(text) for text in held[item] if text is not None)
            by_document[facts.value(item, ICP.inDocument)].append((item, texts))
        if by_document:
            groups.append((zh, en, [(doc, by_document[doc]) for doc in sorted(by_document, key=str)]))
    return groups


def agency_context(site: Site, actor) -> dict:
    facts = site.facts
    rows = _fields(
        facts, actor,
        [RDF.type, SKOS.altLabel, SKOS.definition, ICP.namedIn, ICP.level, ICP.jurisdiction,
         ORG.classification, ICP.nationalCounterpart, ICP.includedIn, ICP.nameCertainty,
         SKOS.editorialNote],
        inverse=(ELI.passed_by, ICP.nationalCounterpart, ICP.includedIn),
    )
    stated, interpreted = _split_by_basis(site, rows)
    groups = _responsibilities(site, actor)
    return {
        "actor": actor,
        "stated": stated,
        "interpreted": interpreted,
        "groups": groups,
        "counts": [(zh, en, sum(len(items) for _, items in documents)) for zh, en, documents in groups],
        "crumbs": [("机构 Agencies", INDEX_PAGE + "#agencies")],
        "title": site.zh(actor),
    }


def _attestations(facts: Facts, document) -> dict:
    """Values of a document printed only by another document: property → (source, quote)."""
    found = defaultdict(list)
    for attestation in facts.subjects(RDF.subject, document):
        prop = facts.value(attestation, RDF.predicate)
        found[prop].append((facts.value(attestation, DCTERMS.source), facts.value(attestation, ICP.quote)))
    return {prop: tuple(sorted(pairs, key=lambda pair: tuple(map(str, pair)))) for prop, pairs in found.items()}


def document_context(site: Site, document) -> dict:
    facts = site.facts
    attested = _attestations(facts, document)
    rows = _fields(
        facts, document,
        [ELI.type_document, ELI.id_local, ELI.date_document, ICP.periodStart, ICP.periodEnd,
         ICP.status, ELI.jurisdiction, ELI.passed_by, ELI.based_on, ICP.sourceFile, SKOS.editorialNote],
        inverse=(ELI.based_on,),
    )
    rows = [Field(r.prop, r.values, r.inverse, () if r.inverse else attested.get(r.prop, ())) for r in rows]
    stated, interpreted = _split_by_basis(site, rows)
    programmes = [p for p in facts.subjects(ICP.inDocument, document) if facts.is_a(p, ICP.Programme)]
    targets = [t for t in facts.subjects(ICP.inDocument, document) if facts.is_a(t, ICP.Target)]
    return {
        "document": document,
        "stated": stated,
        "interpreted": interpreted,
        "parts": site.parts(document),
        "loose_programmes": site.ordered(p for p in programmes if facts.value(p, ELI.is_part_of) is None),
        "targets": sorted(targets, key=lambda t: (site.position(_setter(facts, t)), str(t))),
        "crumbs": [],
        "title": site.zh(document),
    }


def _setter(facts: Facts, target):
    setters = facts.subjects(ICP.setsTarget, target)
    return setters[0] if setters else target


def programme_context(site: Site, programme) -> dict:
    facts = site.facts
    rows = _fields(
        facts, programme,
        [ICP.programmeKind, ELI.is_part_of, ICP.setsTarget],
        inverse=(ICP.inProgramme, ICP.contributesTo),
    )
    stated, interpreted = _split_by_basis(site, rows)
    document = facts.value(programme, ICP.inDocument)
    return {
        "programme": programme,
        "document": document,
        "text": facts.value(programme, ICP.text),
        "stated": stated,
        "interpreted": interpreted,
        "crumbs": [(site.zh(document), document)],
        "title": f"{site.heading(programme)} — {site.zh(document)}",
    }


def target_context(site: Site, target) -> dict:
    facts = site.facts
    rows = _fields(
        facts, target,
        [ICP.quantity, ICP.unit, ICP.qualifier, ICP.deadline, ICP.per, ICP.subject,
         ICP.targetKind, ICP.counts, ICP.carrierType],
        inverse=(ICP.setsTarget,),
    )
    stated, interpreted = _split_by_basis(site, rows)
    document = facts.value(target, ICP.inDocument)
    return {
        "target": target,
        "document": document,
        "quote": facts.value(target, ICP.quote),
        "subject": facts.value(target, ICP.subject),
        "stated": stated,
        "interpreted": interpreted,
        "crumbs": [(site.zh(document), document)],
        "title": f"{facts.value(target, ICP.subject)} — {site.zh(document)}",
    }


def carrier_type_context(site: Site, concept) -> dict:
    facts = site.facts
    rows = _fields(
        facts, concept,
        [SKOS.altLabel, SKOS.definition, SKOS.scopeNote, SKOS.broader],
        inverse=(SKOS.broader,),
    )
    uses = _fields(facts, concept, [], inverse=(ICP.carrierType, ICP.counts))
    by_kind = defaultdict(list)
    for row in uses:
        for node in row.values:
            by_kind[(row.prop, _kind_of(facts, node))].append(node)
    return {
        "concept": concept,
        "stated": _ordered_fields(site, rows),
        "kind_names": KIND_NAMES,
        "uses": [
            (prop, kind, site.ordered(nodes))
            for (prop, kind), nodes in sorted(by_kind.items(), key=lambda pair: (str(pair[0][0]), pair[0][1]))
        ],
        "crumbs": [(site.zh(CARRIER_SCHEME), CARRIER_SCHEME)],
        "title": f"{site.zh(concept)} — 载体类型",
    }


KIND_NAMES = {"item": ("条目", "items"), "carrier": ("具名载体", "named carriers"), "target": ("目标", "targets")}


def _kind_of(facts: Facts, node) -> str:
    if facts.is_a(node, ICP.Task):
        return "item"
    if facts.is_a(node, ICP.Target):
        return "target"
    return "carrier"


def scheme_context(site: Site, scheme) -> dict:
    """A vocabulary's concepts as a tree, from the top concepts down."""
    facts = site.facts

    def branch(concept) -> tuple:
        return concept, [branch(child) for child in _by_label(site, facts.subjects(SKOS.broader, concept))]

    tops = facts.objects(scheme, SKOS.hasTopConcept)
    return {
        "scheme": scheme,
        "tree": [branch(top) for top in _by_label(site, tops)],
        "crumbs": [],
        "title": site.zh(scheme),
    }


# The properties by which a part names what it is part of, tried in order for its crumb.
CONTAINERS = (ICP.inDocument, SKOS.inScheme, ICP.designatedSite, ICP.inList)


def resource_context(site: Site, node) -> dict:
    """The generic page: a resource's names, then every property it has and every property
    that points to it, with links; interpretation apart; where a host page shows it."""
    facts = site.facts
    rows = [Field(p, facts.objects(node, p)) for p in facts.properties(node)]
    rows += [Field(p, facts.subjects(p, node), inverse=True) for p in facts.inverse_properties(node)]
    stated, interpreted = _split_by_basis(site, rows)
    container = next((value for prop in CONTAINERS if (value := facts.value(node, prop)) is not None), None)
    # A part without a name of its own (a clause, a paragraph, a designation) is called by
    # its kind and the end of its IRI: 责任分工表述 10-p1.
    name = site.heading(node)
    return {
        "resource": node,
        "name": name,
        "stated": stated,
        "interpreted": interpreted,
        "crumbs": [(site.heading(container), container)] if container is not None else [],
        "title": " — ".join(part for part in (name, site.zh(container) if container is not None else "") if part),
    }


def _by_label(site: Site, nodes) -> list:
    return sorted(nodes, key=lambda n: (site.en(n).lower(), str(n)))


# --- national industrial heritage: sites, lists and the register --------------------------


CORE_PARTS = (ICP.coreBuildings, ICP.coreEquipment, ICP.coreArchives)


def _row_key(facts: Facts, node) -> tuple:
    """A designation's place in the register: its batch, then its number in the list
    (a list, which has a batch and no number, sorts by its batch)."""
    return (int(facts.value(node, ICP.batch) or 0), int(facts.value(node, ICP.rowNumber) or 0), str(node))


def _in_list_order(facts: Facts, designations) -> list:
    return sorted(designations, key=lambda d: _row_key(facts, d))


def _province_key(site: Site, place) -> tuple:
    # The order of the divisions' codes (北京市 first), which Chinese tables use.
    name = site.zh(place) if place is not None else ""
    return (PROVINCES.index(name) if name in PROVINCES else len(PROVINCES), name, str(place))


@dataclass(frozen=True)
class Designation:
    """One row of a list as a site's page shows it: the row's stated values (with the
    list's 文号 and date), the core items verbatim, and the curator's reading of them in parts."""

    node: URIRef
    heritage_list: URIRef
    stated: list
    core_items: Literal | None
    parts: list


def _designation(site: Site, node) -> Designation:
    facts = site.facts
    heritage_list = facts.value(node, ICP.inList)
    stated = [
        Field(ICP.inList, [heritage_list]),
        Field(ICP.batch, facts.objects(node, ICP.batch)),
        Field(ELI.id_local, facts.objects(heritage_list, ELI.id_local)),
        Field(ELI.date_document, facts.objects(heritage_list, ELI.date_document)),
        Field(ICP.rowNumber, facts.objects(node, ICP.rowNumber)),
        Field(ICP.designationStatus, facts.objects(node, ICP.designationStatus)),
        Field(ICP.applicant, facts.objects(node, ICP.applicant)),
    ]
    return Designation(
        node=node,
        heritage_list=heritage_list,
        stated=[row for row in stated if row.values],
        core_items=facts.value(node, ICP.coreItems),
        parts=_fields(facts, node, CORE_PARTS),
    )


def heritage_site_context(site: Site, carrier) -> dict:
    facts = site.facts
    province = facts.value(carrier, ICP.province)
    rows = _fields(facts, carrier, [ICP.carrierType, SKOS.editorialNote])
    stated, interpreted = _split_by_basis(site, rows)
    return {
        "carrier": carrier,
        "applied_names": facts.objects(carrier, SKOS.altLabel),
        "address": facts.value(carrier, ICP.address),
        "province": province,
        "province_sites": len(_sites_in(facts, province)),
        # dcterms:spatial is the prefecture, or the province itself where the address
        # names no prefecture (Beijing's districts); that would say the province twice.
        "places": [place for place in facts.objects(carrier, DCTERMS.spatial) if place != province],
        "designations": [
            _designation(site, d) for d in _in_list_order(facts, facts.subjects(ICP.designatedSite, carrier))
        ],
        "stated": stated,
        "interpreted": interpreted,
        "crumbs": [(REGISTER_CRUMB, HERITAGE_PAGE), (site.zh(province), f"{HERITAGE_PAGE}#{anchor(province)}")],
        "title": f"{site.zh(carrier)} — 国家工业遗产",
    }


def _sites_in(facts: Facts, province) -> list:
    return [s for s in facts.subjects(ICP.province, province) if facts.subjects(ICP.designatedSite, s)]


def heritage_list_context(site: Site, heritage_list) -> dict:
    facts = site.facts
    rows = _fields(
        facts, heritage_list,
        [ELI.type_document, ELI.id_local, ELI.date_document, ELI.passed_by, ELI.jurisdiction, ICP.batch,
         ICP.siteCount, ICP.reviewedBy, SKOS.note, ICP.sourceFile],
    )
    stated, interpreted = _split_by_basis(site, rows)
    return {
        "heritage_list": heritage_list,
        "stated": stated,
        "interpreted": interpreted,
        "designations": _in_list_order(facts, facts.subjects(ICP.inList, heritage_list)),
        "crumbs": [(REGISTER_CRUMB, HERITAGE_PAGE)],
        "title": site.zh(heritage_list),
    }


@dataclass(frozen=True)
class RegisterGroup:
    """The rows of one province or one batch, under a heading the map or a link can reach."""

    anchor: str
    node: URIRef  # the province or the list
    sites: int  # distinct sites: one may be listed in two batches
    designations: list


def _group(facts: Facts, name: str, node, designations) -> RegisterGroup:
    designations = _in_list_order(facts, designations)
    sites = {facts.value(d, ICP.designatedSite) for d in designations}
    return RegisterGroup(name, node, len(sites), designations)


def register_groups(site: Site, order: str) -> list[RegisterGroup]:
    """Every designation, by province (in the order of the divisions' codes) or by batch."""
    return _by_province(site) if order == "province" else _by_batch(site.facts)


def _by_province(site: Site) -> list[RegisterGroup]:
    facts = site.facts
    grouped = defaultdict(list)
    for designation in facts.instances(ICP.Designation):
        grouped[facts.value(facts.value(designation, ICP.designatedSite), ICP.province)].append(designation)
    provinces = sorted(grouped, key=lambda place: _province_key(site, place))
    return [_group(facts, anchor(place), place, grouped[place]) for place in provinces]


def _by_batch(facts: Facts) -> list[RegisterGroup]:
    lists = sorted(facts.instances(ICP.HeritageList), key=lambda lst: _row_key(facts, lst))
    return [_group(facts, f"batch-{facts.value(lst, ICP.batch)}", lst, facts.subjects(ICP.inList, lst)) for lst in lists]


def heritage_map(site: Site, groups: list[RegisterGroup]) -> str:
    """The choropleth of distinct sites per province, each province linking to its rows."""
    counts = {site.zh(group.node): group.sites for group in groups}
    anchors = {site.zh(group.node): group.anchor for group in groups}
    return province_choropleth(
        counts, title="国家工业遗产：各省份处数 National industrial heritage sites per province",
        link=lambda name: f"#{anchors[name]}" if name in anchors else None,
    )


def heritage_context(site: Site, order: str) -> dict:
    """The register: the map and every row of the lists, by province or by batch."""
    from markupsafe import Markup

    facts = site.facts
    groups = register_groups(site, order)
    lists = sorted(facts.instances(ICP.HeritageList), key=lambda lst: _row_key(facts, lst))
    designations = facts.instances(ICP.Designation)
    twice = [s for s in designated_sites(facts) if len(facts.subjects(ICP.designatedSite, s)) > 1]
    return {
        "order": order,
        "groups": groups,
        # The SVG is made by kgtool.release.choropleth, which escapes every name it writes.
        "map": Markup(heritage_map(site, groups)) if order == "province" else None,
        "lists": lists,
        "reviewed": [lst for lst in lists if facts.value(lst, ICP.reviewedBy)],
        "designation_count": len(designations),
        "site_count": len(designated_sites(facts)),
        "listed_twice": [(s, _in_list_order(facts, facts.subjects(ICP.designatedSite, s))) for s in twice],
        "crumbs": [],
        "title": "国家工业遗产名单 National industrial heritage register",
    }


# --- the index: documents, coverage, network ---------------------------------------------


@dataclass(frozen=True)
class CoverageRow:
    national: URIRef | None
    number: str
    title: str
    cells: list  # (count, [(printed number, the items printed so)]) per jurisdiction


def coverage_matrix(site: Site, build: Build, project: Project) -> tuple[list[str], list[CoverageRow]]:
    """The saved query `coverage` (one definition of coverage) as rows of national items
    and a column per province; a cell counts the provincial items aligned with the row,
    and names each by its printed number with the item (to link to) beside it."""
    framework = site.framework
    if framework is None:
        return [], []
    code = str(framework).removeprefix(str(DOC))
    result = run_query(build, find_query(project.queries_dir, "coverage"), {"framework": code})
    jurisdictions = sorted({row["jurisdiction"] for row in result.rows})
    cells: dict = defaultdict(dict)
    titles: dict = {}
    for row in result.rows:
        titles[row["national_task"]] = row["national_title"]
        cells[row["national_task"]][row["jurisdiction"]] = sorted(row["tasks"].split(), key=_natural)
    national = {
        site.number(item): item
        for item in site.facts.subjects(ICP.inDocument, framework)
        if site.facts.is_a(item, ICP.Task)
    }
    aligned = _aligned_items(site)

    def cell(number: str, jurisdiction: str) -> tuple[int, list]:
        printed = cells[number].get(jurisdiction, [])
        items = [(n, aligned.get((national.get(number), jurisdiction, n), [])) for n in printed]
        return len(printed), items

    rows = [
        CoverageRow(national.get(number), number, titles[number], [cell(number, j) for j in jurisdictions])
        for number in titles  # the query's order: the national plan's order
    ]
    return jurisdictions, rows


def _aligned_items(site: Site) -> dict[tuple, list]:
    """The items aligned with each national item, by (national item, the Chinese name of
    the plan's jurisdiction, printed number): how the query's cells name them. A number
    can be printed twice in one plan (Fujian's key tasks and safeguards both read （一）),
    so each key holds a list."""
    facts = site.facts
    found = defaultdict(list)
    for item in facts.instances(ICP.Task):
        place = facts.value(facts.value(item, ICP.inDocument), ELI.jurisdiction)
        for national in facts.objects(item, ICP.alignsWith):
            found[(national, site.zh(place), site.number(item))].append(item)
    return found


def _natural(text: str) -> list:
    # “9” before “10”: printed numbers sort by their digits, whatever surrounds them.
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]


def _province(facts: Facts, actor):
    """The country or province an actor belongs to (a city's body belongs to its province)."""
    place = facts.value(actor, ICP.jurisdiction)
    while place is not None:
        parent = facts.value(place, ICP.withinJurisdiction)
        if parent is None or facts.value(parent, ICP.withinJurisdiction) is None:
            return place
        place = parent
    return None


@dataclass(frozen=True)
class Node:
    actor: URIRef | None
    name: str
    x: float
    y: float
    radius: float
    side: str  # "start" (label to the right) or "end" (label to the left)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int
    path: str
    width: float


@dataclass(frozen=True)
class Group:
    title: str
    x: float
    y: float
    radius: float


@dataclass
class Network:
    width: int
    height: int
    groups: list = field(default_factory=list)
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)


LINE = 19  # px between two labels on one side of a circle
LABEL_ROOM = 270  # px for the longest name beside its circle
PANEL_GAP = 56  # px above each circle for its title


def network_layout(site: Site, build: Build, project: Project) -> Network:
    """The saved query `agency-network` drawn by hand: one circle per jurisdiction, the
    strongest bodies first going clockwise, nodes spaced evenly in height so their
    horizontal labels never collide, edge width by the number of items shared."""
    # Asserted triples only: the query spells out the three roles, so the answer is the
    # same, and without the closure's icp:responsible copy of every lead and participant
    # its join is a third of the size (1.5 s instead of 3.9 s on the seed data).
    rows = run_query(build, find_query(project.queries_dir, "agency-network"), inferred=False).rows
    edges = [(row["source"], row["target"], int(row["weight"])) for row in rows]
    actors = _actors_by_name(site, edges)
    strength = Counter()
    for source, target, weight in edges:
        strength[source] += weight
        strength[target] += weight
    groups = defaultdict(list)
    for name in strength:
        groups[_province(site.facts, actors[name]) if actors[name] else None].append(name)
    network = Network(width=0, height=0)
    top = 0.0
    for place in sorted(groups, key=lambda p: (_depth(site.facts, p), site.zh(p) if p else "~")):
        names = sorted(groups[place], key=lambda n: (-strength[n], n))
        top = _place_group(network, site.zh(place) if place else "其他", names, actors, strength, top)
    network.width = int(2 * LABEL_ROOM + 2 * max(g.radius for g in network.groups))
    network = _centred(network)
    positions = {node.name: node for node in network.nodes}
    network.edges = [_edge(positions, network, s, t, w) for s, t, w in sorted(edges, key=lambda e: (e[2], e[0], e[1]))]
    return network


def _depth(facts: Facts, place) -> int:
    return 0 if place is not None and facts.value(place, ICP.withinJurisdiction) is None else 1


def _actors_by_name(site: Site, edges) -> dict:
    """The actor each name of the query stands for. The query names bodies by their
    Chinese name, which a few generic actors share across jurisdictions (相关部门):
    such a name is taken for the one in the jurisdiction most of its partners are in."""
    candidates = defaultdict(list)
    for actor in site.kinds["agency"]:
        candidates[site.zh(actor)].append(actor)
    names = {name for s, t, _ in edges for name in (s, t)}
    chosen = {name: candidates[name][0] for name in names if len(candidates[name]) == 1}
    for name in sorted(names - set(chosen)):
        partners = Counter(
            _province(site.facts, chosen[other])
            for s, t, _ in edges for other in ((t,) if s == name else (s,) if t == name else ())
            if other in chosen
        )
        options = candidates[name]
        chosen[name] = min(options, key=lambda a: (-partners[_province(site.facts, a)], str(a))) if options else None
    return chosen


def _place_group(network: Network, title: str, names: list, actors: dict, strength: Counter, top: float) -> float:
    right = math.ceil(len(names) / 2)
    radius = max(48.0, right * LINE / 2 + 12)
    centre_y = top + PANEL_GAP + radius
    network.groups.append(Group(title, 0.0, centre_y, radius))
    for index, name in enumerate(names):
        on_right = index < right
        count, slot = (right, index) if on_right else (len(names) - right, len(names) - 1 - index)
        y = centre_y - radius + (slot + 0.5) * 2 * radius / count
        x = math.sqrt(max(radius**2 - (y - centre_y) ** 2, 0.0)) * (1 if on_right else -1)
        node_radius = 2.5 + math.sqrt(strength[name]) / 2
        network.nodes.append(Node(actors[name], name, x, y, node_radius, "start" if on_right else "end"))
    network.height = int(centre_y + radius + 24)
    return centre_y + radius + 12


def _centred(network: Network) -> Network:
    middle = network.width / 2
    network.groups = [Group(g.title, middle, g.y, g.radius) for g in network.groups]
    network.nodes = [Node(n.actor, n.name, middle + n.x, n.y, n.radius, n.side) for n in network.nodes]
    return network


def _edge(positions: dict, network: Network, source: str, target: str, weight: int) -> Edge:
    a, b = positions[source], positions[target]
    group = min(network.groups, key=lambda g: abs(g.y - (a.y + b.y) / 2))
    # Bend each chord halfway towards its circle's centre, so edges between
    # neighbours stay near the rim and the middle does not fill with ink.
    cx = ((a.x + b.x) / 2 + group.x) / 2
    cy = ((a.y + b.y) / 2 + group.y) / 2
    path = f"M{a.x:.1f},{a.y:.1f} Q{cx:.1f},{cy:.1f} {b.x:.1f},{b.y:.1f}"
    return Edge(source, target, weight, path, round(0.6 + 1.2 * math.sqrt(weight - 1), 2))


def index_context(site: Site, build: Build, project: Project) -> dict:
    facts = site.facts
    jurisdictions, coverage = coverage_matrix(site, build, project)
    agencies = defaultdict(list)
    for actor in site.kinds["agency"]:
        agencies[_province(facts, actor)].append(actor)
    return {
        "documents": site.kinds["document"],
        "scheme_path": site.paths[CARRIER_SCHEME],
        "dumps_path": DUMPS_FOLDER,
        "description_path": DESCRIPTION_FILE,
        "jurisdictions": jurisdictions,
        "coverage": coverage,
        "framework": site.framework,
        "network": network_layout(site, build, project),
        "agencies": [
            (place, sorted(agencies[place], key=lambda a: (facts.is_a(a, ICP.GenericActor), site.zh(a), str(a))))
            for place in sorted(agencies, key=lambda p: (_depth(facts, p), site.zh(p) if p else "~"))
        ],
        "crumbs": [],
        "title": "工业文化政策知识图谱 Industrial Culture Policy Knowledge Graph",
    }


# --- the data beside each page -----------------------------------------------------------


def _parts_described_with(facts: Facts, iri) -> list:
    """Resources without a page whose triples belong in this one's file: an item's
    clauses (its bodies and roles) and the passages they cover; the attestations that
    back a document's values; the designations of a heritage site, or a list's rows."""
    clauses = facts.objects(iri, ICP.hasClause)
    passages = [p for clause in clauses for p in facts.objects(clause, ICP.coversParagraph)]
    attestations = facts.subjects(RDF.subject, iri)
    designations = facts.subjects(ICP.designatedSite, iri) + facts.subjects(ICP.inList, iri)
    return sorted(set(clauses + passages + attestations + designations), key=str)


def description(facts: Facts, iri) -> Graph:
    """A resource's own triples (and its clauses' or attestations'), with the labels of
    everything they link to, so the file reads on its own."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    described = [iri] + _parts_described_with(facts, iri)
    for subject in described:
        for p, o in facts.pairs(subject):
            graph.add((subject, p, o))
    linked = sorted({o for _, _, o in graph if isinstance(o, URIRef)} - set(described), key=str)
    for node in linked:
        for prop in NAME_PROPERTIES + (ELI.number,):
            for label in facts.objects(node, prop):
                graph.add((node, prop, label))
    return graph


# --- the ontology's documentation ---------------------------------------------------------


def ontology_html(ontology_file: Path, facts: Facts) -> str:
    """pyLODE's documentation of the ontology, each icp: term at `#<Term>`."""
    import logging

    # pyLODE's import configures the root logger at DEBUG (a basicConfig call in
    # one of its profiles), which would flood the user's terminal; undo that.
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    from pylode import OntPub

    root.setLevel(level)
    root.handlers[:] = handlers
    documentation = OntPub(ontology=str(ontology_file))
    # pyLODE makes anchors from the ASCII letters of a term's label; labels that begin
    # in Chinese would give the first term an empty anchor. Fix each at its local name.
    for term in facts.subjects(RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)):
        if str(term).startswith(str(ICP)):
            documentation.fids[str(term)] = str(term)[len(ICP):]
    return documentation.make_html()


# --- writing ---------------------------------------------------------------------------------


TEMPLATES = {
    "document": ("document.html", document_context),
    "item": ("item.html", item_context),
    "agency": ("agency.html", agency_context),
    "programme": ("programme.html", programme_context),
    "carrier-type": ("carrier_type.html", carrier_type_context),
    "target": ("target.html", target_context),
    "heritage-list": ("heritage_list.html", heritage_list_context),
    "heritage-site": ("heritage_site.html", heritage_site_context),
    "vocabulary": ("scheme.html", scheme_context),
}
GENERIC_TEMPLATE = ("resource.html", resource_context)


def _environment(site: Site, citation: Citation | None = None):
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("kgtool", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        site=site, ICP=ICP, ELI=ELI, DCTERMS=DCTERMS, anchor=anchor,
        index_page=INDEX_PAGE, ontology_page=ONTOLOGY_PAGE, stylesheet=STYLESHEET,
        heritage_page=HERITAGE_PAGE, heritage_by_batch_page=HERITAGE_BY_BATCH_PAGE,
        search_scripts=SEARCH_SCRIPTS, citation=citation,
    )
    environment.tests["literal"] = lambda value: isinstance(value, Literal)
    environment.filters["langtag"] = lambda language: LANGUAGE_TAGS.get(language, language)
    return environment


def _write(out: Path, relative: str, data: bytes | str) -> None:
    path = out / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def write_site(
    build: Build, out: Path | str, project: Project, graphs: dict[URIRef, Graph] | None = None,
    *, citation: Citation | None = None,
) -> dict[str, int]:
    """Write the release's pages into `out` (which may already hold other files) and
    return how many pages of each kind were written.

    Every IRI the data mints under https://w3id.org/icpkg/id/ and …/vocab/ — documents,
    items, agencies, programmes, targets, carrier types, heritage lists and sites with a
    page of their own, every other resource and concept with the generic page — gets
    <out>/<path>.html and its data as <path>.ttl, .jsonld and .nt; a vocabulary's data,
    and the ontology's (ontology.*, and ontology/<version>.* for its version IRI), is
    its whole graph, the Turtle as its authors wrote it. With `graphs` (the release's
    named graphs, as `kgtool publish` passes them), each graph/<name> gets a page and
    its content as data. Also index.html, site.css and the heritage register. With
    `citation` (the release's, as `kgtool publish` passes it), every page says how to
    cite it.
    """
    out = Path(out)
    asserted = _asserted_graphs(build, graphs)
    facts = Facts(_union(asserted))
    site = Site(facts, resources_by_kind(facts))
    authored = _authored_files(project)
    environment = _environment(site, citation)
    counts: dict[str, int] = {}
    for kind, iris in site.kinds.items():
        template_name, context = TEMPLATES.get(kind, GENERIC_TEMPLATE)
        template = environment.get_template(template_name)
        for iri in iris:
            page = Page(site, site.paths[iri], iri)
            _write(out, page.path, template.render(page=page, **context(site, iri)))
            if iri in authored:
                _write_data(out, iri, _named_graph(asserted, iri), authored[iri].read_bytes())
            else:
                _write_data(out, iri, description(facts, iri))
        counts[kind] = len(iris)
    counts["ontology"] = _write_ontology(out, asserted, facts, authored)
    if graphs:
        template = environment.get_template("graph.html")
        for name, graph in graphs.items():
            page = Page(site, page_path(name), name)
            _write(out, page.path, template.render(page=page, **graph_context(site, name, graphs)))
            _write_data(out, name, graph)
        counts["graph"] = len(graphs)
    for path, order in ((HERITAGE_PAGE, "province"), (HERITAGE_BY_BATCH_PAGE, "batch")):
        register = Page(site, path)
        _write(out, path, environment.get_template("heritage.html").render(page=register, **heritage_context(site, order)))
    index = Page(site, INDEX_PAGE)
    _write(out, INDEX_PAGE, environment.get_template("index.html").render(page=index, **index_context(site, build, project)))
    _write(out, STYLESHEET, (files("kgtool") / "templates" / STYLESHEET).read_bytes())
    for path, data in search_files(site).items():
        _write(out, path, data)
    return {"index": 1, "heritage-register": 2, **counts}


def _write_data(out: Path, iri: URIRef, graph: Graph, authored_turtle: bytes | None = None) -> None:
    """A resource's data beside its page, <path>.ttl, .jsonld and .nt: the same graph in
    each syntax (the Turtle of the ontology and the vocabularies is their authored file)."""
    _write(out, page_path(iri, ".ttl"), authored_turtle if authored_turtle is not None else turtle(graph))
    _write(out, page_path(iri, ".jsonld"), jsonld(graph))
    _write(out, page_path(iri, ".nt"), ntriples(graph))


def _authored_files(project: Project) -> dict[URIRef, Path]:
    """The resources whose data is a whole file of ontology/, as its authors wrote it: the
    ontology (graph/ontology) and each vocabulary (graph/vocab/<s> → vocab/<s>)."""
    resources = {}
    for path in sorted((project.root / "ontology").rglob("*.ttl")):
        graph = str(project.graph_name(path))
        resources[URIRef(BASE + graph[len(GRAPH):])] = path
    return resources


def _named_graph(asserted: dict[URIRef, Graph], resource: URIRef) -> Graph:
    """A copy of the asserted graph named after a resource (vocab/<s> → graph/vocab/<s>);
    the writers label its blank nodes (kgtool.release.serialize)."""
    graph = Graph()
    graph += asserted.get(GRAPH[str(resource)[len(BASE):]], Graph())
    return graph


def _write_ontology(out: Path, asserted: dict[URIRef, Graph], facts: Facts, authored: dict[URIRef, Path]) -> int:
    """The ontology's documentation and data, and the same again at its version IRI
    (ontology/<version>), which names this release's ontology; returns the pages written."""
    ontology = URIRef(ONTOLOGY_IRI)
    html = ontology_html(authored[ontology], facts)
    graph = _named_graph(asserted, ontology)
    written = [ontology] + [v for v in facts.objects(ontology, OWL.versionIRI) if str(v).startswith(BASE)]
    for iri in written:
        _write(out, page_path(iri), html)
        _write_data(out, iri, graph, authored[ontology].read_bytes())
    return len(written)


GRAPH_SUBJECTS = (ICP.PolicyDocument, ICP.HeritageList, SKOS.ConceptScheme, OWL.Ontology)


def graph_context(site: Site, name: URIRef, graphs: dict[URIRef, Graph]) -> dict:
    """A named graph's page: what it holds (the text's statements, the curator's
    reading, or what reasoning adds), the resources it describes, how many triples."""
    stated = URIRef(str(name).removesuffix("/interpretation"))
    about = sorted({s for cls in GRAPH_SUBJECTS for s in graphs.get(stated, Graph()).subjects(RDF.type, cls)}, key=str)
    return {
        "graph": name,
        "stated": stated if stated != name else None,
        "stated_path": page_path(stated),
        "dumps_path": DUMPS_FOLDER,
        "inferred": name == INFERRED_GRAPH,
        "about": about,
        "triples": len(graphs[name]),
        "crumbs": [],
        "title": f"命名图 Named graph {str(name)[len(GRAPH):]}",
    }


def _asserted_graphs(build: Build, graphs: dict[URIRef, Graph] | None) -> dict[URIRef, Graph]:
    """The asserted named graphs: the release's, when `kgtool publish` passes them (it has
    read the build's store into rdflib already), else the build's."""
    if graphs is None:
        dataset = build.dataset(inferred=False)
        graphs = {g.identifier: g for g in dataset.graphs() if isinstance(g.identifier, URIRef)}
    return {name: graph for name, graph in graphs.items() if name != INFERRED_GRAPH}


def _union(graphs: dict[URIRef, Graph]) -> Graph:
    union = Graph()
    for graph in graphs.values():
        union += graph
    return union
