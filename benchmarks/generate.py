"""Write a synthetic national rollout of icpkg — every province and city — at a chosen size.

What it writes
  A complete icpkg project folder at OUT:
  * ontology/, shapes/, queries/ copied from this repository;
  * the repository's own documents (graphs/*.ttl and sources/) and registry. The national
    framework, cn-2021-plan, is what validation checks provincial plans against; its items
    align with the 2016 guidance and its attestations cite gd-2023-plan, whose bodies are in
    the registry — so the project starts from the repository as it is and adds to it, as
    users will when they add every province and city;
  * a synthetic rollout added to it: the 31 mainland provinces and their 333
    prefecture-level divisions, each with two or three plan generations — an implementation
    plan (2021–2025, with an annex task-division table), a task-division table, an action
    plan for 2026 onwards — one graphs/<code>.ttl and one sources/<code>.txt per document;
  * graphs/agencies.ttl and graphs/places.ttl: the repository's registry with, appended, the
    places, agencies (full name, English name, the short forms the texts print, level,
    jurisdiction, kind, national counterpart) and generic actors the synthetic texts name;
  * a synthetic national industrial heritage register in place of the repository's (whose
    4,671 triples alone would leave no room in a 10k project): graphs/heritage/<code>.ttl
    and sources/heritage/synthetic_heritage_list_batch<n>_<year>.txt per list, laid out as
    `kgtool register` lays out the real lists. Each list (icp:HeritageList) has a number,
    a date, a batch and a site count; each row a site (icp:Carrier of type 国家工业遗产,
    with a name — an applied-for name beside it in a third of rows — an address, a
    province and its prefecture, or only the province) and a designation (batch, row
    number, source line, status, core items in three parts, applicant). Sites lie in the
    provinces the synthetic plans are in, and in those provinces' prefecture-level
    divisions graphs/places.ttl holds. The lists are numbered and dated after the
    repository's own (batches 8, 9 … from 2026, one a year), so their codes never meet a
    curated list's; there are up to seven of about forty rows, then seven that grow; the
    second and third, as batches 2 and 3 were, are voided and re-published after a review
    (icp:reviewedBy), so their rows are reviewed-outcome-unrecorded; one row in fifty
    adds core items to an earlier list's site, as batch 4 row 62 does. A register's first
    site is a 机床厂, so benchmarks/scale.py's heritage-site-profile finds one at any size.
    `kgtool validate` without files checks graphs/*.ttl only; `kgtool validate
    graphs/heritage/*.ttl` checks the lists (no violation, no warning, no info).

  Each synthetic document is built like the curated ones (graphs/README.md): sections,
  numbered items whose text quotes their responsibility clause, clauses naming registry
  bodies as lead (牵头), participant (参与, or 按职责分工负责 after a lead) or responsible,
  passages with clauses of their own, 专栏 and 工程 programmes, named carriers, targets
  (icp:quantity in canonical xsd:decimal forms only: "80", "2.5"), themes, spirits (only
  where the text prints them), policy instruments, carrier types, and the interpretations
  marked as the ontology marks them (icp:alignsWith to the national plan's items, which
  the ontology gives icp:basis interpreted). Some implementation plans print their 文号
  only in the task-division table that follows them, recorded with an icp:Attestation.
  Codes are <place>-<year>-plan-syn and <place>-<year>-task-table-syn (ah-2022-plan-syn,
  ah-hefei-2026-plan-syn): the "-syn" ending cannot collide with a curated document's code.

Size
  --triples N is the size of the whole project graph, the asserted triples `kgtool build`
  reports (ontology and vocabularies included), hit within ±10% by adding documents in a
  fixed order — round by round, each province's plans with one of its cities, then a
  further city of each province — so a small project has a few provinces and a large one
  all of them. --heritage-share (default 0.1) of what the project adds to the repository
  is register, sized row by row; the plans fill the rest (a 1M project: some 4,900
  designations, 99,000 triples). The repository's own share is about 0.6 (its register's
  4,671 triples beside 2,913 of its five plans); at 1M that would leave the plans half the
  size the other queries were timed on. About 1.4 million triples of plans is the whole
  rollout. The same seed, size and share give byte-identical files.

What validation reports
  No violation and no warning. Infos, each one a real plan also gets: the three of the
  repository's plans, and fw:NoCurrentFrameworkShape for every provincial action plan
  (its period starts in 2026, after the national 2021–2025 plan; it names no national plan,
  as Fujian's 2026–2028 draft does). Every provincial item aligned with a national task is
  led or shared by the provincial counterpart of that task's national lead, and every
  provincial plan aligns items with each national key task, so fw:CounterpartShape and
  fw:CoverageShape report nothing on the synthetic plans. Municipal items align with
  national items too; the framework's rules address provincial plans only.

How to run
    python benchmarks/generate.py /tmp/rollout-100k --triples 100000
    kgtool --root /tmp/rollout-100k build && kgtool --root /tmp/rollout-100k validate
    kgtool --root /tmp/rollout-100k validate /tmp/rollout-100k/graphs/heritage/*.ttl
  or from Python: generate(Path("/tmp/rollout-100k"), 100_000, seed=1) returns the figures.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rollout_data as data  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/icpkg/"
ICP = "https://w3id.org/icpkg/ontology#"
FRAMEWORK = "cn-2021-plan"
REGISTRY_FILES = ("agencies.ttl", "places.ttl")
HERITAGE_FOLDER = "heritage"  # graphs/heritage/ and sources/heritage/: the heritage register
SYNTHETIC_BANNER = "Synthetic rollout, written by benchmarks/generate.py"
KIND_CODE = {"implementation-plan": "plan", "action-plan": "plan", "task-division-table": "task-table"}
FUNCTION_ORDER = {function.slug: index for index, function in enumerate(data.FUNCTIONS)}


# Turtle, written as text --------------------------------------------------------------

def quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def zh(text: str) -> str:
    return quoted(text) + "@zh"


def en(text: str) -> str:
    return quoted(text) + "@en"


def typed(value, datatype: str) -> str:
    return f"{quoted(str(value))}^^xsd:{datatype}"


class Turtle:
    """Turtle text built resource by resource, counting the triples it states."""

    def __init__(self, header: str = ""):
        self.parts = [header]
        self.triples = 0

    def banner(self, title: str) -> None:
        self.parts.append(f"\n# {title} {'-' * max(4, 60 - len(title))}\n")

    def resource(self, subject: str, statements: list) -> None:
        lines = []
        for predicate, objects in statements:
            values = [objects] if isinstance(objects, str) else [o for o in (objects or []) if o]
            if values:
                self.triples += len(values)
                lines.append(f"{predicate} {' , '.join(values)}")
        self.parts.append(f"\n{subject} " + " ;\n    ".join(lines) + " .\n")

    def text(self) -> str:
        return "".join(self.parts)


DOCUMENT_PREFIXES = """@prefix icp:     <https://w3id.org/icpkg/ontology#> .
@prefix eli:     <http://data.europa.eu/eli/ontology#> .
@prefix eli-dl:  <http://data.europa.eu/eli/eli-draft-legislation-ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix doc:     <https://w3id.org/icpkg/id/doc/> .
@prefix agency:  <https://w3id.org/icpkg/id/agency/> .
@prefix actor:   <https://w3id.org/icpkg/id/actor/> .
@prefix place:   <https://w3id.org/icpkg/id/place/> .
@prefix carrier: <https://w3id.org/icpkg/id/carrier/> .
@prefix attest:  <https://w3id.org/icpkg/id/attestation/> .
@prefix sec:     <https://w3id.org/icpkg/id/section/CODE/> .
@prefix task:    <https://w3id.org/icpkg/id/task/CODE/> .
@prefix clause:  <https://w3id.org/icpkg/id/clause/CODE/> .
@prefix prog:    <https://w3id.org/icpkg/id/programme/CODE/> .
@prefix target:  <https://w3id.org/icpkg/id/target/CODE/> .
@prefix cn21:    <https://w3id.org/icpkg/id/task/cn-2021-plan/> .
@prefix dockind: <https://w3id.org/icpkg/vocab/document-kind/> .
@prefix status:  <https://w3id.org/icpkg/vocab/document-status/> .
@prefix taskkind: <https://w3id.org/icpkg/vocab/task-kind/> .
@prefix progkind: <https://w3id.org/icpkg/vocab/programme-kind/> .
@prefix theme:   <https://w3id.org/icpkg/vocab/theme/> .
@prefix ctype:   <https://w3id.org/icpkg/vocab/carrier-type/> .
@prefix spirit:  <https://w3id.org/icpkg/vocab/industrial-spirit/> .
@prefix instrument: <https://w3id.org/icpkg/vocab/policy-instrument/> .
@prefix qualifier: <https://w3id.org/icpkg/vocab/target-qualifier/> .
@prefix targetkind: <https://w3id.org/icpkg/vocab/target-kind/> .
"""


def chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# What the generated project takes over from this repository ------------------------------

def short_iri(iri: str) -> str:
    """agency:…, actor:…, place:…, carrier:… for an IRI under …/id/."""
    kind, _, slug = iri.removeprefix(BASE + "id/").partition("/")
    return f"{kind}:{slug}"


@dataclass
class Repository:
    """The repository's graphs, and the registry entries a synthetic text may reuse."""

    root: Path
    triples: int
    actor_by_label: dict        # (place short IRI, Chinese label) → actor short IRI
    actor_labels: dict          # actor short IRI → its Chinese labels, sorted
    places: set                 # place short IRIs
    carrier_names: set          # Chinese names of the named carriers
    provincial_documents: dict  # province code → [(code, kind, year, title, English title)]
    register: dict = field(default_factory=dict)  # the repository's heritage lists: batch → year

    def documents(self) -> list[Path]:
        return [p for p in sorted((self.root / "graphs").glob("*.ttl")) if p.name not in REGISTRY_FILES]


ELI = "http://data.europa.eu/eli/ontology#"


def _year(graph: Graph, document: URIRef) -> int:
    for prop in (URIRef(ICP + "periodStart"), URIRef(ELI + "date_document")):
        for value in graph.objects(document, prop):
            return int(str(value)[:4])
    return 2022  # undated (Jiangsu's table): read as the year after the national plan began


def read_repository(root: Path = REPO) -> Repository:
    graph = Graph()
    for path in sorted((root / "ontology").rglob("*.ttl")) + sorted((root / "graphs").glob("*.ttl")):
        graph.parse(path, format="turtle")
    jurisdiction = URIRef(ICP + "jurisdiction")
    actor_by_label, actor_labels = {}, {}
    for actor, place in graph.subject_objects(jurisdiction):
        labels = sorted(str(label) for p in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(actor, p)
                        if isinstance(label, Literal) and label.language == "zh")
        actor_labels[short_iri(str(actor))] = labels
        for label in labels:
            actor_by_label[(short_iri(str(place)), label)] = short_iri(str(actor))
    places = {short_iri(str(p)) for p in graph.subjects(RDF.type, URIRef(ICP + "Jurisdiction"))}
    carriers = {str(label) for c in graph.subjects(RDF.type, URIRef(ICP + "Carrier"))
                for label in graph.objects(c, SKOS.prefLabel)}
    provincial = {}
    for document, place in sorted(graph.subject_objects(URIRef(ELI + "jurisdiction"))):
        if (place, URIRef(ICP + "level"), URIRef(BASE + "vocab/level/provincial")) in graph:
            kind = str(graph.value(document, URIRef(ELI + "type_document"))).rsplit("/", 1)[-1]
            title = str(graph.value(document, URIRef("http://purl.org/dc/terms/title")))
            title_en = str(graph.value(document, URIRef(ICP + "translation")))
            code = str(document).rsplit("/", 1)[-1]
            provincial.setdefault(str(place).rsplit("/", 1)[-1], []).append(
                (code, kind, _year(graph, document), title, title_en))
    return Repository(root, len(graph), actor_by_label, actor_labels, places, carriers, provincial,
                      read_register_years(root))


def read_register_years(root: Path) -> dict[int, int]:
    """The repository's national industrial heritage lists (graphs/heritage/): batch → year.
    A generated project does not hold them (see synthetic_register); its lists come after them."""
    graph = Graph()
    for path in sorted((root / "graphs" / HERITAGE_FOLDER).glob("*.ttl")):
        graph.parse(path, format="turtle")
    years = {}
    for heritage_list in graph.subjects(RDF.type, URIRef(ICP + "HeritageList")):
        batch = graph.value(heritage_list, URIRef(ICP + "batch"))
        date = graph.value(heritage_list, URIRef(ELI + "date_document"))
        years[int(batch)] = int(str(date)[:4])
    return dict(sorted(years.items()))


# The registry: places, agencies and generic actors --------------------------------------

@dataclass
class Actor:
    """A body or generic actor as a synthetic text names it."""

    iri: str                    # agency:ah-industry-it, actor:ah-relevant-departments
    forms: list                 # the forms the texts print, most formal first
    place: data.Jurisdiction
    function: str | None
    statements: list | None     # how to register it; None when the repository has it
    named_in: list = field(default_factory=list)

    def label(self, variant: int = 0) -> str:
        return self.forms[min(variant, len(self.forms) - 1)]


def tier(jurisdiction: data.Jurisdiction) -> str:
    """Whose words a template uses: a province's (省级) or a city's (市级, also Beijing's)."""
    return "provincial" if jurisdiction.kind in ("province", "region") else "city"


def level_of(jurisdiction: data.Jurisdiction) -> str:
    return "level:provincial" if jurisdiction.is_provincial else "level:prefectural"


def _words(jurisdiction: data.Jurisdiction) -> dict:
    kind = jurisdiction.kind
    return {
        "name": jurisdiction.name, "pre": data.SELF_PREFIX[kind], "party": data.PARTY_SHORT[kind],
        "committee": jurisdiction.name + ("委" if kind in ("province", "municipality", "city") else "委员会"),
        "committee_en": f"{jurisdiction.english} {data.COMMITTEE_EN[kind]}",
        "government": jurisdiction.name + ("行政公署" if kind in ("district", "league") else "人民政府"),
        "en": jurisdiction.english if jurisdiction.style == "municipal" else jurisdiction.english_full,
        "en_short": jurisdiction.english,
    }


class Registry:
    """Resolves the bodies a synthetic text names, reusing the repository's where it has them,
    and counts and writes what the rollout adds to graphs/agencies.ttl and graphs/places.ttl."""

    def __init__(self, repository: Repository):
        self.repository = repository
        self.actors: dict = {}
        self.places_used: list = []

    def _existing(self, iri: str, place: data.Jurisdiction, forms: list) -> str | None:
        if iri in self.repository.actor_labels:
            return iri
        return next((self.repository.actor_by_label[(f"place:{place.code}", form)] for form in forms
                     if (f"place:{place.code}", form) in self.repository.actor_by_label), None)

    def _reuse(self, iri: str, place: data.Jurisdiction, function: str | None) -> Actor:
        labels = self.repository.actor_labels[iri]
        prefix = data.SELF_PREFIX[place.kind]
        preferred = [label for label in labels if label.startswith(prefix)] or labels
        return Actor(iri, [preferred[0]], place, function, None)

    def agency(self, place: data.Jurisdiction, slug: str) -> Actor:
        key = (place.code, slug)
        if key not in self.actors:
            self.actors[key] = self._agency(place, data.FUNCTION[slug])
        return self.actors[key]

    def _agency(self, place: data.Jurisdiction, function: data.Function) -> Actor:
        words = _words(place)
        style = place.style
        full = function.names[style].format(**words)
        forms = list(dict.fromkeys(form.format(**words) for form in function.short[style]))
        iri = f"agency:{place.code}-{function.slug}"
        existing = self._existing(iri, place, [full, *forms])
        if existing:
            return self._reuse(existing, place, function.slug)
        counterpart = f"agency:{function.counterpart}" if function.counterpart else None
        note = (f"National counterpart {function.missing_counterpart} is not named in the source documents, "
                "so it is not in the registry.") if function.missing_counterpart else None
        statements = [
            ("a", "icp:Agency"),
            ("icp:includedIn", "actor:cn-local-industry-it-authorities" if function.slug == "industry-it" else None),
            ("skos:prefLabel", [zh(full), en(function.english[style].format(**words))]),
            ("skos:altLabel", [zh(form) for form in forms]),
            ("icp:level", level_of(place)),
            ("icp:jurisdiction", f"place:{place.code}"),
            ("org:classification", f"agencykind:{function.kind}"),
            ("icp:nationalCounterpart", counterpart),
            # The generator composes the full name; the synthetic texts print the short forms.
            ("icp:nameBasis", "basis:external"),
            ("skos:editorialNote", en(note) if note else None),
        ]
        return Actor(iri, forms, place, function.slug, statements)

    def generic(self, place: data.Jurisdiction, key: str) -> Actor:
        if (place.code, key) not in self.actors:
            self.actors[(place.code, key)] = self._generic(place, data.GENERIC_KINDS[key])
        return self.actors[(place.code, key)]

    def _generic(self, place: data.Jurisdiction, kind: data.GenericKind) -> Actor:
        label = kind.label.format(subunits=data.subunits(place))
        iri = f"actor:{place.code}-{kind.slugs[place.style]}"
        existing = self._existing(iri, place, [label])
        if existing:
            return self._reuse(existing, place, None)
        below = "level:county" if (place.style != "provincial") else "level:prefectural"
        texts = {"place": place.name, "place_en": place.english_full}
        statements = [
            ("a", "icp:GenericActor"),
            ("icp:includedIn", "actor:cn-local-industry-it-authorities" if kind.within_industry_it else None),
            ("skos:prefLabel", [zh(label), en(kind.english.format(**texts))]),
            ("skos:definition", [en(kind.definition_en.format(**texts)), zh(kind.definition_zh.format(**texts))]),
            ("icp:level", level_of(place) if kind.level == "same" else below),
            ("icp:jurisdiction", f"place:{place.code}"),
            ("org:classification", f"agencykind:{kind.kind}" if kind.kind else None),
            ("icp:nameBasis", "basis:stated"),  # the label is the words the synthetic text prints
        ]
        return Actor(iri, [label], place, None, statements)

    # Counting and committing what a document names.

    def _place_chain(self, place: data.Jurisdiction) -> list:
        chain = [place] + ([place.province] if place.province else [])
        return [p for p in chain if p not in self.places_used and f"place:{p.code}" not in self.repository.places]

    def cost(self, actors: list, place: data.Jurisdiction) -> int:
        """The triples the registry gains if a document naming `actors` in `place` is added."""
        added = sum(place_statement_count(p) for p in self._place_chain(place))
        for actor in actors:
            added += 1 + (statement_count(actor.statements) if actor.statements and not actor.named_in else 0)
        return added

    def commit(self, actors: list, place: data.Jurisdiction, code: str) -> None:
        self.places_used.extend(self._place_chain(place))
        for actor in actors:
            actor.named_in.append(code)

    # Writing.

    def agencies_text(self) -> str:
        turtle = Turtle(f"\n# {SYNTHETIC_BANNER} {'=' * 20}\n")
        named = [actor for actor in self.actors.values() if actor.named_in]
        places = {actor.place.code: actor.place for actor in named}
        for code, place in places.items():
            turtle.banner(f"{place.name} ({code})")
            for actor in (a for a in named if a.place.code == code):
                documents = [f"doc:{code}" for code in actor.named_in]
                if actor.statements is None:
                    turtle.resource(actor.iri, [("icp:namedIn", documents)])
                else:
                    turtle.resource(actor.iri, actor.statements + [("icp:namedIn", documents)])
        return turtle.text()

    def places_text(self) -> str:
        turtle = Turtle(f"\n# {SYNTHETIC_BANNER} {'=' * 20}\n")
        for place in self.places_used:
            turtle.resource(f"place:{place.code}", place_statements(place))
        return turtle.text()


def statement_count(statements: list) -> int:
    probe = Turtle()
    probe.resource("_:probe", statements)
    return probe.triples


def place_statements(place: data.Jurisdiction) -> list:
    within = f"place:{place.province.code}" if place.province else "place:cn"
    return [
        ("a", "icp:Jurisdiction"),
        ("skos:prefLabel", [zh(place.name), en(place.english_full)]),
        ("skos:altLabel", zh(place.short) if place.short != place.name else None),
        ("icp:level", level_of(place)),
        ("icp:withinJurisdiction", within),
    ]


def place_statement_count(place: data.Jurisdiction) -> int:
    return statement_count(place_statements(place))


# Planning the rollout: which documents, in which order ------------------------------------

@dataclass
class DocumentPlan:
    code: str
    place: data.Jurisdiction
    kind: str                     # implementation-plan, task-division-table, action-plan
    year: int
    generation: int               # 0, 1, 2: which carriers and titles it draws
    start: int | None = None
    end: int | None = None
    draft: bool = False
    based_on: list = field(default_factory=list)
    title: str = ""
    title_en: str = ""
    number: str | None = None                # 文号, for an issued plan
    number_printed_in: str | None = None     # a later document that prints this one's 文号
    prints_number_of: "DocumentPlan | None" = None


def _generations(rng: random.Random) -> list[str]:
    kinds = ["implementation-plan", "task-division-table", "action-plan"]
    if rng.random() < 0.5:
        return kinds
    return ["implementation-plan", rng.choice(kinds[1:])]


def _code(place: data.Jurisdiction, kind: str, year: int) -> str:
    return f"{place.code}-{year}-{KIND_CODE[kind]}-syn"


def _number(place: data.Jurisdiction, year: int, rng: random.Random) -> str:
    """A 文号 as the industry department prints it: 皖工信政法〔2022〕37号, 合肥工信发〔2023〕12号."""
    office, serial = rng.choice(["政法", "产业", "消费", "规"]), rng.randint(3, 180)
    if place.is_provincial:
        return f"{place.abbreviation}工信{office}〔{year}〕{serial}号"
    return f"{place.abbreviation}工信发〔{year}〕{serial}号"


def _numbered(plans: list, rng: random.Random) -> None:
    for plan in plans:
        number = _number(plan.place, plan.year, rng)  # drawn for every plan, so each draws the same
        if plan.kind != "task-division-table" and not plan.draft:
            plan.number = number


def _titles(plan: DocumentPlan, basis: tuple) -> None:
    place, period = plan.place, f"（{plan.start}—{plan.end}年）" if plan.start else ""
    period_en = f" ({plan.start}–{plan.end})" if plan.start else ""
    english = place.english_full
    if plan.kind == "implementation-plan":
        plan.title = f"{place.name}推进工业文化发展实施方案{period}" if period else f"{place.name}推动工业文化高质量发展实施方案"
        plan.title_en = (f"{english} Implementation Plan for Promoting the Development of Industrial Culture{period_en}"
                         if period else f"{english} Implementation Plan for the High-Quality Development of Industrial Culture")
    elif plan.kind == "action-plan":
        plan.title = f"{place.name}推进工业文化发展行动计划{period}"
        plan.title_en = f"{english} Action Plan for Promoting the Development of Industrial Culture{period_en}"
    else:
        plan.title = f"{place.name}贯彻落实《{basis[3]}》重点任务分工表"
        plan.title_en = f"{english} Division of Key Tasks for Carrying Out the {basis[4]}"


NATIONAL_BASIS = (FRAMEWORK, "implementation-plan", 2021, "推进工业文化发展实施方案（2021-2025年）",
                  "National Implementation Plan for Promoting the Development of Industrial Culture (2021–2025)")


def plan_province(province: data.Jurisdiction, repository: Repository, seed: int) -> list[DocumentPlan]:
    rng = random.Random(f"{seed}/plan/{province.code}")
    kinds = _generations(rng)
    year = rng.choice([2021, 2022, 2023])
    with_period = rng.random() < 0.6
    action_end = rng.choice([2028, 2030])
    draft = rng.random() < 0.35
    attested = rng.random() < 0.35
    covered = {document[1] for document in repository.provincial_documents.get(province.code, [])}
    plans = []
    for generation, kind in enumerate(kinds):
        if kind in covered:
            continue  # the repository holds this province's plan of that kind
        if kind == "implementation-plan":
            plan = DocumentPlan(_code(province, kind, year), province, kind, year, generation,
                                year if with_period else None, 2025 if with_period else None, based_on=[FRAMEWORK])
        elif kind == "task-division-table":
            impl = next((p for p in plans if p.kind == "implementation-plan"), None)
            plan = DocumentPlan(_code(province, kind, year + 1), province, kind, year + 1, generation,
                                based_on=[FRAMEWORK] + ([impl.code] if impl else []))
            if impl and attested:
                impl.number_printed_in, plan.prints_number_of = plan.code, impl
        else:
            plan = DocumentPlan(_code(province, kind, 2026), province, kind, 2026, generation, 2026, action_end,
                                draft=draft)
        _titles(plan, NATIONAL_BASIS)
        plans.append(plan)
    _numbered(plans, rng)
    return plans


def _provincial_bases(province: data.Jurisdiction, plans: list, repository: Repository) -> list[tuple]:
    """(code, kind, year, title, English title) of every provincial document a city's plan may carry out."""
    bases = [(p.code, p.kind, p.year, p.title, p.title_en) for p in plans]
    bases += repository.provincial_documents.get(province.code, [])
    return sorted(bases, key=lambda b: (b[2], b[0]))


def _basis(bases: list, year: int, kinds: tuple) -> tuple:
    fitting = [b for b in bases if b[1] in kinds and b[2] <= year] or [b for b in bases if b[2] <= year] or bases
    return fitting[-1] if fitting[-1][2] <= year else fitting[0]


def plan_city(city: data.Jurisdiction, bases: list, seed: int) -> list[DocumentPlan]:
    rng = random.Random(f"{seed}/plan/{city.code}")
    kinds = _generations(rng)
    year = rng.choice([2022, 2023, 2024])
    with_period = rng.random() < 0.5
    action_year = rng.choice([2026, 2027])
    draft = rng.random() < 0.3
    attested = rng.random() < 0.35
    plans = []
    for generation, kind in enumerate(kinds):
        if kind == "implementation-plan":
            basis = _basis(bases, year, ("implementation-plan", "action-plan"))
            plan_year = max(year, basis[2])
            period = with_period and plan_year <= 2024
            plan = DocumentPlan(_code(city, kind, plan_year), city, kind, plan_year, generation,
                                plan_year if period else None, 2025 if period else None, based_on=[basis[0]])
        elif kind == "task-division-table":
            impl = next((p for p in plans if p.kind == "implementation-plan"), None)
            basis = (impl.code, impl.kind, impl.year, impl.title, impl.title_en) if impl else \
                _basis(bases, 2025, ("implementation-plan",))
            table_year = max(basis[2] + 1, 2023)
            plan = DocumentPlan(_code(city, kind, table_year), city, kind, table_year, generation, based_on=[basis[0]])
            if impl and attested:
                impl.number_printed_in, plan.prints_number_of = plan.code, impl
        else:
            action_year = max([action_year] + [p.year + 1 for p in plans if p.kind == "implementation-plan"])
            basis = _basis(bases, action_year, ("action-plan",))
            plan = DocumentPlan(_code(city, kind, action_year), city, kind, action_year, generation, action_year,
                                action_year + 2, draft=draft, based_on=[basis[0]])
        _titles(plan, basis)
        plans.append(plan)
    _numbered(plans, rng)
    return plans


def plan_rollout(repository: Repository, seed: int) -> list[DocumentPlan]:
    """Every document of the full rollout, in the order a growing project adds them."""
    provinces = data.provinces()
    random.Random(f"{seed}/order").shuffle(provinces)
    provincial, cities = {}, {}
    for province in provinces:
        provincial[province.code] = plan_province(province, repository, seed)
        bases = _provincial_bases(province, provincial[province.code], repository)
        order = list(province.cities)
        random.Random(f"{seed}/cities/{province.code}").shuffle(order)
        cities[province.code] = [plan_city(city, bases, seed) for city in order]
    ordered = []
    for round_ in range(max(len(p.cities) for p in provinces)):
        for province in provinces:
            if round_ == 0:
                ordered += provincial[province.code]
            if round_ < len(cities[province.code]):
                ordered += cities[province.code][round_]
    return ordered


# Composing one document ----------------------------------------------------------------

@dataclass
class Clause:
    slug: str
    text: str
    roles: list                   # (predicate, [Actor])
    paragraph: str | None = None


@dataclass
class Item:
    slug: str
    number: str
    title: str
    title_en: str
    text: str
    kind: str
    parent: str
    order: int
    topic: data.Topic | None
    clauses: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)   # (slug, text)
    themes: list = field(default_factory=list)
    spirits: list = field(default_factory=list)
    instruments: list = field(default_factory=list)
    carrier_types: list = field(default_factory=list)
    carriers: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    alignments: list = field(default_factory=list)
    programme: str | None = None
    restates: str | None = None
    leads: list = field(default_factory=list)       # the actors a restating row names first
    others: list = field(default_factory=list)


@dataclass
class Target:
    slug: str
    template: data.TargetTemplate
    quantity: str
    qualifier: str
    deadline: int | None
    quote: str


@dataclass
class Written:
    """One composed document: its graph as Turtle, its source text and what it names."""

    plan: DocumentPlan
    turtle: str
    triples: int
    source: str
    items: int
    actors: list
    scale: float = 1.0


LEAD_STYLES = ("lead-participate", "lead-share")


def spirits_in(text: str) -> list[str]:
    return list(dict.fromkeys(slug for word, slug in data.SPIRIT_WORDS if word in text))


class Composer:
    """Writes one document's graph and source text from its plan."""

    def __init__(self, plan: DocumentPlan, registry: Registry, seed: int, attest: bool, scale: float = 1.0):
        self.plan = plan
        self.scale = scale
        self.place = plan.place
        self.registry = registry
        self.rng = random.Random(f"{seed}/{plan.code}")
        self.attest = attest and plan.number_printed_in is not None
        header = (f"# icpkg — synthetic document graph of {plan.code}: {plan.title}\n"
                  f"# Written by benchmarks/generate.py (seed {seed}); source: sources/{plan.code}.txt.\n"
                  "# Conventions: graphs/README.md. Not a real document.\n\n")
        self.turtle = Turtle(header + DOCUMENT_PREFIXES.replace("CODE", plan.code))
        self.source = [plan.title, ""]
        self.named: dict = {}
        self.items = 0
        self.carriers: list = []
        self.targets: list = []
        self.variant = self.rng.randrange(2)
        end = plan.end or max(2025, plan.year + 2)  # the year a plan without a period aims at
        self.words = {"short": self.place.short, "en": self.place.english, "whole": data.WHOLE[self.place.kind],
                      "years": chinese_number(end - plan.year + 1), "end": end}
        self.titles = {}
        self.available = [f for f in data.FUNCTIONS if not (f.provincial_only and not self.place.is_provincial)]
        self.carrier_pool = self._carrier_pool()

    # Small choices.

    def fill(self, text: str) -> str:
        return text.format(**self.words)

    def count(self, low: int, high: int) -> int:
        """How many items of one kind: fewer in a document shrunk to land on the size asked for."""
        return max(1, round(self.rng.randint(low, high) * self.scale))

    def sample(self, population, low: int, high: int) -> list:
        population = list(population)
        return self.rng.sample(population, min(len(population), self.rng.randint(low, high)))

    def pick_title(self, topic: data.Topic) -> tuple[str, str]:
        pool = self.titles.get(topic.slug)
        if not pool:
            pool = self.titles[topic.slug] = self.rng.sample(topic.titles, len(topic.titles))
        title, english = pool.pop()
        return self.fill(title), english.format(en=self.place.english)

    def sentences(self, topic: data.Topic, low: int, high: int) -> list[tuple]:
        fitting = [s for s in topic.sentences if s[2] in ("any", tier(self.place))]
        return [(self.fill(text), types) for text, types, _ in self.sample(fitting, low, high)]

    def has(self, slug: str) -> bool:
        return any(f.slug == slug for f in self.available)

    def agency(self, slug: str) -> Actor:
        return self.name(self.registry.agency(self.place, slug))

    def generic(self, key: str) -> Actor:
        return self.name(self.registry.generic(self.place, key))

    def name(self, actor: Actor) -> Actor:
        self.named.setdefault(actor.iri, actor)
        return actor

    def _carrier_pool(self) -> dict:
        pool = {}
        index = 0
        for topic in data.KEY_TOPICS:
            for carrier in topic.carriers:
                name = self.fill(carrier[1])
                if index % 3 == self.plan.generation and name not in self.registry.repository.carrier_names:
                    pool.setdefault(topic.slug, []).append(carrier)
                index += 1
        return pool

    # Responsibility.

    def roles(self, topic: data.Topic) -> tuple[list, list]:
        """Leads (bodies whose national counterpart leads the national task) and others."""
        leads = [slug for slug in topic.leads if self.has(slug)]
        chosen = self.sample(leads, 1, 2 if len(leads) > 1 else 1)
        chosen.sort(key=FUNCTION_ORDER.get)
        others = [slug for slug in topic.participants if self.has(slug) and slug not in chosen]
        picked = sorted(self.sample(others, 1, 5), key=FUNCTION_ORDER.get)
        return [self.agency(s) for s in chosen], [self.agency(s) for s in picked]

    def clause(self, slug: str, style: str, leads: list, others: list, paragraph: str | None = None) -> Clause:
        def names(actors):
            return "、".join(actor.label(self.variant) for actor in actors)
        everyone = leads + others
        if style in LEAD_STYLES:
            tail = {"lead-participate": "参与", "lead-share": "按职责分工负责"}[style]
            text = f"{names(leads)}牵头" + (f"，{names(others)}{tail}" if others else "")
            roles = [("icp:lead", leads), ("icp:participant", others)]
        else:
            text = {"shared": f"{names(everyone)}按职责分工负责", "unit": f"责任单位：{names(everyone)}",
                    "joint": f"{names(everyone)}共同负责", "bare": names(everyone)}[style]
            if style == "unit" and len(everyone) > 1:
                text += "按职责分工落实"
            roles = [("icp:responsible", everyone)]
        return Clause(slug, text, roles, paragraph)

    # Items.

    def interpret(self, item: Item, topic: data.Topic, sentences: list) -> None:
        item.themes = [topic.themes[0]] + self.sample(topic.themes[1:], 0, 2)
        item.instruments = self.sample(topic.instruments, 1, 3)
        mentioned = [t for _, types in sentences for t in types]
        item.carrier_types = list(dict.fromkeys(mentioned + item.carrier_types))  # and any named carrier's type
        item.alignments = [topic.national]
        if topic.extra_alignment and self.rng.random() < 0.3:
            item.alignments.append(topic.extra_alignment)
        item.spirits = spirits_in(item.text)

    def body(self, item: Item, topic: data.Topic, sentences: list, target_chance: float) -> str:
        parts = [text for text, _ in sentences]
        carriers = self.carrier_pool.get(topic.slug)
        if carriers and self.rng.random() < 0.5:
            slug_word, name_template, carrier_type, english = carriers.pop(0)
            quote = f"支持建设{self.fill(name_template)}"
            self.carriers.append((f"{self.place.code}-{slug_word}", self.fill(name_template),
                                  english.format(en=self.place.english), carrier_type, quote))
            item.carriers.append(f"carrier:{self.place.code}-{slug_word}")
            item.carrier_types.append(carrier_type)
            parts.append(quote)
        if self.rng.random() < target_chance:
            target = self.target(topic, item.slug, item.targets)
            if target:
                item.targets.append(target)
                parts.append(target.quote)
        return "".join(part + "。" for part in parts)

    def target(self, topic: data.Topic, setter: str, existing: list) -> Target | None:
        taken = {t.template for t in existing}
        templates = [t for t in topic.targets if t.level in ("any", tier(self.place)) and t not in taken]
        if not templates:
            return None
        template = self.rng.choice(templates)
        quantity = str(self.rng.choice(template.quantities))
        qualifier = self.rng.choice(template.qualifiers)
        number = data.QUALIFIER_WORDS[qualifier].format(q=quantity, u=template.unit)
        phrase = template.phrase.format(n=number)
        deadline = self.plan.end if self.plan.end and self.rng.random() < 0.5 else None
        quote = f"到{deadline}年，{phrase}" if deadline else phrase
        target = Target(f"{setter}-{template.slug}", template, quantity, qualifier, deadline, quote)
        self.targets.append(target)
        return target

    def key_item(self, topic: data.Topic, slug: str, number: str, order: int, parent: str, kind: str,
                 style: str, split: bool = False, target_chance: float = 0.2) -> Item:
        title, title_en = self.pick_title(topic)
        item = Item(slug, number, title, title_en, "", kind, parent, order, topic)
        if split and style in LEAD_STYLES:
            return self._split_item(item, topic, style)
        sentences = self.sentences(topic, 2, 4)
        leads, others = self.special_roles(topic) or self.roles(topic)
        clause = self.clause(slug, style, leads, others)
        item.text = f"{title}。{self.body(item, topic, sentences, target_chance)}（{clause.text}）"
        item.clauses.append(clause)
        item.leads, item.others = leads, others
        self.interpret(item, topic, sentences)
        return item

    def _split_item(self, item: Item, topic: data.Topic, style: str) -> Item:
        texts, all_sentences = [], []
        for index in (1, 2):
            sentences = self.sentences(topic, 1, 3)
            all_sentences += sentences
            leads, others = self.roles(topic)
            clause = self.clause(f"{item.slug}-p{index}", style, leads, others, paragraph=f"{item.slug}-p{index}")
            text = "".join(s + "。" for s, _ in sentences) + f"（{clause.text}）"
            item.paragraphs.append((f"{item.slug}-p{index}", text))
            item.clauses.append(clause)
            texts.append(text)
            if index == 1:
                item.leads, item.others = leads, others
        item.text = f"{item.title}。\n" + "\n".join(texts)
        self.interpret(item, topic, all_sentences)
        return item

    def special_roles(self, topic: data.Topic) -> tuple | None:
        """The clauses safeguards print: associations take part, the tier below leads follow-up."""
        if topic.slug == "intermediaries":
            return [self.agency("industry-it")], [self.generic("relevant-industry-associations")]
        if topic.slug == "implementation" and self.rng.random() < 0.5:
            return [self.generic("subunit-industry-it-authorities")], [self.generic("relevant-departments")]
        if topic.slug == "coordination" and self.rng.random() < 0.3:
            leads, others = self.roles(topic)
            return leads, others + [self.generic("relevant-departments")]
        return None

    def safeguard_style(self, topic: data.Topic, style: str) -> str:
        if topic.slug in ("coordination", "implementation") and style not in LEAD_STYLES:
            return "lead-share"
        if topic.slug == "intermediaries":
            return "lead-participate" if style in LEAD_STYLES else style
        return style

    # Writing items, clauses and the rest.

    def write_item(self, item: Item, extra_clauses: tuple = ()) -> None:
        self.items += 1
        clause_iris = [f"clause:{c.slug}" for c in item.clauses] + list(extra_clauses)
        self.turtle.resource(f"task:{item.slug}", [
            ("a", "icp:Task"),
            ("eli:number", quoted(item.number)),
            ("dcterms:title", zh(item.title)),
            ("icp:translation", en(item.title_en)),
            ("icp:text", zh(item.text)),
            ("icp:taskKind", f"taskkind:{item.kind}"),
            ("eli:is_part_of", item.parent),
            ("icp:inDocument", f"doc:{self.plan.code}"),
            ("icp:order", str(item.order)),
            ("icp:hasClause", clause_iris),
            ("icp:inProgramme", item.programme),
            ("icp:restates", item.restates),
            ("icp:theme", [f"theme:{t}" for t in item.themes]),
            ("icp:spirit", [f"spirit:{s}" for s in item.spirits]),
            ("icp:policyInstrument", [f"instrument:{i}" for i in item.instruments]),
            ("icp:carrierType", [f"ctype:{t}" for t in dict.fromkeys(item.carrier_types)]),
            ("icp:namesCarrier", item.carriers),
            ("icp:setsTarget", [f"target:{t.slug}" for t in item.targets]),
            ("icp:alignsWith", [f"cn21:{n}" for n in item.alignments]),
        ])
        for index, (slug, text) in enumerate(item.paragraphs, start=1):
            self.turtle.resource(f"task:{slug}", [
                ("a", "icp:Paragraph"), ("icp:text", zh(text)), ("eli:is_part_of", f"task:{item.slug}"),
                ("icp:inDocument", f"doc:{self.plan.code}"), ("icp:order", str(index))])
        for clause in item.clauses:
            self.write_clause(clause)
        separator = "\t" if item.kind == "annex-row" else ""
        self.source.append(f"{item.number}{separator}{item.text}")

    def write_clause(self, clause: Clause) -> None:
        statements = [("a", "icp:ResponsibilityClause"), ("icp:clauseText", zh(clause.text)),
                      ("icp:inDocument", f"doc:{self.plan.code}"),
                      ("icp:coversParagraph", f"task:{clause.paragraph}" if clause.paragraph else None)]
        statements += [(predicate, [actor.iri for actor in actors]) for predicate, actors in clause.roles]
        self.turtle.resource(f"clause:{clause.slug}", statements)

    def section(self, slug: str, number: str | None, title: str, title_en: str, parent: str, order: int,
                text: str | None = None) -> str:
        self.turtle.banner(f"{number or ''}{title}")
        self.turtle.resource(f"sec:{slug}", [
            ("a", "icp:Section"), ("eli:number", quoted(number) if number else None), ("dcterms:title", zh(title)),
            ("icp:translation", en(title_en)), ("icp:text", zh(text) if text else None), ("eli:is_part_of", parent),
            ("icp:inDocument", f"doc:{self.plan.code}"), ("icp:order", str(order))])
        self.source.append(f"{number or ''}{title}")
        if text:
            self.source.append(text)
        return f"sec:{slug}"

    def programme(self, slug: str, number: str | None, title: str, title_en: str, kind: str, order: int,
                  parent: str | None = None, text: str | None = None, targets: tuple = ()) -> str:
        self.turtle.resource(f"prog:{slug}", [
            ("a", "icp:Programme"), ("eli:number", quoted(number) if number else None), ("dcterms:title", zh(title)),
            ("icp:translation", en(title_en)), ("icp:text", zh(text) if text else None),
            ("icp:programmeKind", f"progkind:{kind}"), ("icp:setsTarget", [f"target:{t.slug}" for t in targets]),
            ("eli:is_part_of", parent), ("icp:inDocument", f"doc:{self.plan.code}"), ("icp:order", str(order))])
        if number or text:
            self.source.append(f"{number or ''} {title}\n{text or ''}".rstrip())
        return f"prog:{slug}"

    def document(self) -> None:
        plan = self.plan
        final = not plan.draft
        issued = final and plan.kind != "task-division-table"
        number = plan.number
        issuers = self.issuers() if issued else []
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        self.turtle.banner("The document")
        self.turtle.resource(f"doc:{plan.code}", [
            ("a", ["icp:PolicyDocument", "eli:LegalResource" if final else "eli-dl:DraftLegislationWork"]),
            ("dcterms:title", zh(plan.title)),
            ("icp:translation", en(plan.title_en)),
            ("eli:type_document", f"dockind:{plan.kind}"),
            ("eli:id_local", quoted(number) if number else None),
            ("eli:passed_by", [actor.iri for actor in issuers]),
            ("eli:date_document", typed(f"{plan.year}-{month:02d}-{day:02d}", "date") if issued else None),
            ("icp:periodStart", typed(plan.start, "gYear") if plan.start else None),
            ("icp:periodEnd", typed(plan.end, "gYear") if plan.end else None),
            ("icp:status", "status:final" if final else "status:draft-for-comment"),
            ("eli:jurisdiction", f"place:{self.place.code}"),
            ("eli:based_on", [f"doc:{code}" for code in plan.based_on]),
            ("icp:sourceFile", quoted(f"sources/{plan.code}.txt")),
        ])
        if number and self.attest:
            self.turtle.resource(f"attest:{plan.code}-number", [
                ("a", "icp:Attestation"), ("rdf:subject", f"doc:{plan.code}"), ("rdf:predicate", "eli:id_local"),
                ("rdf:object", quoted(number)), ("dcterms:source", f"doc:{plan.number_printed_in}"),
                ("icp:quote", zh(number))])
        elif number:
            self.source.insert(1, number)

    def issuers(self) -> list[Actor]:
        others = [f.slug for f in self.available if f.slug != "industry-it"]
        chosen = sorted(self.sample(others, 1, 7), key=FUNCTION_ORDER.get)
        return [self.agency("industry-it")] + [self.agency(slug) for slug in chosen]

    def write_carriers_and_targets(self) -> None:
        if self.carriers:
            self.turtle.banner("Named carriers")
        for slug, name, english, carrier_type, quote in self.carriers:
            self.turtle.resource(f"carrier:{slug}", [
                ("a", "icp:Carrier"), ("skos:prefLabel", zh(name)), ("icp:translation", en(english)),
                ("icp:carrierType", f"ctype:{carrier_type}"), ("dcterms:spatial", f"place:{self.place.code}"),
                ("icp:namedIn", f"doc:{self.plan.code}"), ("icp:quote", zh(quote))])
        if self.targets:
            self.turtle.banner("Targets")
        for target in self.targets:
            template = target.template
            quantity = target.quantity
            self.turtle.resource(f"target:{target.slug}", [
                ("a", "icp:Target"), ("icp:quantity", typed(quantity, "decimal")), ("icp:unit", quoted(template.unit)),
                ("icp:qualifier", f"qualifier:{target.qualifier}"),
                ("icp:deadline", typed(target.deadline, "gYear") if target.deadline else None),
                ("icp:subject", zh(template.subject)),
                ("icp:counts", f"ctype:{template.counts}" if template.counts else None),
                ("icp:targetKind", f"targetkind:{template.kind}"),
                ("icp:per", zh(template.per) if template.per else None),
                ("icp:quote", zh(target.quote)), ("icp:inDocument", f"doc:{self.plan.code}")])

    def finish(self) -> Written:
        self.write_carriers_and_targets()
        return Written(self.plan, self.turtle.text(), self.turtle.triples, "\n".join(self.source) + "\n",
                       self.items, list(self.named.values()), self.scale)

    # The three kinds of document.

    def implementation_plan(self) -> None:
        self.document()
        doc = f"doc:{self.plan.code}"
        style = self.rng.choice(["lead-participate", "lead-share", "shared", "shared"])
        self.general_requirements(self.section("1", "一、", "总体要求", "General requirements", doc, 1))
        tasks = self.key_tasks(self.section("2", "二、", "重点任务", "Key tasks", doc, 2), style)
        safeguards = self.section("3", "三、", "保障措施", "Safeguard measures", doc, 3)
        self.safeguards(safeguards, [t for t in data.SAFEGUARD_TOPICS if t.national in ("12", "13", "14")],
                        "safeguard", "safeguard-measure", style)
        organisation = self.section("4", "四、", "组织实施", "Organisation and implementation", doc, 4)
        self.safeguards(organisation, [t for t in data.SAFEGUARD_TOPICS if t.national in ("15", "16")],
                        "organisation", "organisational-measure", style)
        self.annex(tasks)

    def general_requirements(self, section: str) -> None:
        for index, (number, title, title_en, text, themes, instruments) in enumerate(data.GENERAL_REQUIREMENTS, 1):
            item = Item(f"general-{index}", number, title, title_en, f"{title}。\n{self.fill(text)}",
                        "general-requirement", section, index, None)
            if index == 3:
                self.goal_targets(item)
            item.themes, item.instruments, item.spirits = list(themes), list(instruments), spirits_in(item.text)
            self.write_item(item)

    def goal_targets(self, item: Item) -> None:
        phrases = []
        for topic in self.sample([t for t in data.KEY_TOPICS if t.targets], 2, 3):
            target = self.target(topic, item.slug, item.targets)
            if target:
                # The goals print one year for all their numbers: 到2025年，A，B。
                target.quote = target.quote.removeprefix(f"到{target.deadline}年，")
                target.deadline = self.words["end"]
                item.targets.append(target)
                phrases.append(target.quote)
        if phrases:
            item.text += f"到{self.words['end']}年，" + "，".join(phrases) + "。"

    def key_tasks(self, parent: str, style: str) -> list[Item]:
        tasks, number, columns = [], 0, 0
        for index, (title, title_en, topics) in enumerate(data.SUBSECTIONS, 1):
            section = self.section(f"2-{index}", f"（{chinese_number(index)}）", title, title_en, parent, index)
            order, programmes = 0, 0
            for slug in topics:
                topic = next(t for t in data.KEY_TOPICS if t.slug == slug)
                for _ in range(self.count(2, 5)):
                    number += 1
                    order += 1
                    item = self.key_item(topic, str(number), f"{number}.", order, section, "key-task", style,
                                         split=self.rng.random() < 0.2)
                    column = None
                    if topic.programme and columns < 5 and self.rng.random() < 0.35 and not any(
                            t.topic is topic and t.programme for t in tasks):
                        columns += 1
                        programmes += 1
                        item.programme = column = f"prog:column-{columns}"
                    self.write_item(item)
                    if column:
                        self.column(columns, topic, section, programmes)
                    tasks.append(item)
        return tasks

    def column(self, number: int, topic: data.Topic, section: str, order: int) -> None:
        targets = []
        for _ in range(self.rng.randint(1, 2)):
            target = self.target(topic, f"column-{number}", targets)
            if target:
                targets.append(target)
        _, title, title_en = topic.programme
        lead = f"围绕{self.words['whole']}重点产业和特色资源，统筹推进{title.removesuffix('工程')}重点项目建设"
        text = "，".join([lead] + [t.quote for t in targets]) + "。"
        self.programme(f"column-{number}", f"专栏 {number}", title, title_en, "column", order, section, text, targets)

    def safeguards(self, section: str, topics: list, slug_word: str, kind: str, style: str) -> None:
        order = 0
        for topic in topics:
            for _ in range(self.count(1, 2)):
                order += 1
                item = self.key_item(topic, f"{slug_word}-{order}", f"（{chinese_number(order)}）", order, section,
                                     kind, self.safeguard_style(topic, style), target_chance=0.3)
                self.write_item(item)

    def annex(self, tasks: list) -> None:
        doc = f"doc:{self.plan.code}"
        annex = self.section("annex", "附件", "重点任务分工表", "Division of key tasks", doc, 5)
        style = self.rng.choice(["bare", "bare", "lead-participate"])
        row = 0
        for index, (title, title_en, topics) in enumerate(data.SUBSECTIONS, 1):
            group = self.section(f"annex-{index}", None, title, title_en, annex, index)
            restated = [t for t in tasks if t.topic.slug in topics and self.rng.random() < 0.85]
            for order, task in enumerate(restated, 1):
                row += 1
                self.write_item(self.annex_row(task, row, order, group, style))

    def annex_row(self, task: Item, row: int, order: int, group: str, style: str) -> Item:
        content = task.text.split("。", 2)[1] if task.text.count("。") > 1 else task.title
        content = content.lstrip("\n")
        title = content.split("，", 1)[0]
        leads = task.leads
        others = self.sample(task.others, 0, len(task.others))
        others.sort(key=lambda a: FUNCTION_ORDER.get(a.function, 99))
        clause = self.clause(f"annex-{row}", style, leads, others)
        item = Item(f"annex-{row}", str(row), title, task.title_en, f"{content}。\t{clause.text}", "annex-row",
                    group, order, task.topic, clauses=[clause], restates=f"task:{task.slug}")
        item.themes = task.themes[:2]
        item.instruments = task.instruments[:1]
        item.carrier_types = task.carrier_types[:3]
        item.alignments = [task.topic.national]
        item.spirits = spirits_in(item.text)
        return item

    def task_division_table(self) -> None:
        self.document()
        text = None
        impl = self.plan.prints_number_of
        if impl is not None:
            text = (f"为贯彻落实《{impl.title}》（{impl.number}），"
                    "明确各项重点任务的牵头单位和责任分工，制定本表。")
        annex = self.section("annex", "附件", self.plan.title, self.plan.title_en, f"doc:{self.plan.code}", 1, text)
        style = self.rng.choice(["lead-participate", "lead-participate", "joint"])
        row = 0
        projects = [p for p in data.TABLE_PROJECTS if p[0] != "safeguards" or self.rng.random() < 0.8]
        for project_order, (word, title, title_en, topics) in enumerate(projects, 1):
            programme = self.programme(f"project-{word}", None, title, title_en, "project", project_order)
            for slug in topics:
                topic = next(t for t in data.KEY_TOPICS + data.SAFEGUARD_TOPICS if t.slug == slug)
                rows = self.count(2, 5) if topic in data.KEY_TOPICS else self.count(1, 2)
                for _ in range(rows):
                    row += 1
                    item = self.table_row(topic, row, annex, style)
                    item.programme = programme
                    self.write_item(item)

    def table_row(self, topic: data.Topic, row: int, annex: str, style: str) -> Item:
        title, title_en = self.pick_title(topic)
        item = Item(str(row), str(row), title, title_en, "", "annex-row", annex, row, topic)
        sentences = self.sentences(topic, 1, 3)
        leads, others = self.special_roles(topic) or self.roles(topic)
        row_style = self.safeguard_style(topic, style)
        clause = self.clause(str(row), row_style, leads, others)
        item.text = f"{title}。{self.body(item, topic, sentences, 0.3)}\t{clause.text}"
        item.clauses.append(clause)
        self.interpret(item, topic, sentences)
        return item

    def action_plan(self) -> None:
        self.document()
        doc = f"doc:{self.plan.code}"
        self.section("1", "一、", "总体要求", "General requirements", doc, 1, self.fill(data.ACTION_PLAN_GOALS))
        tasks = self.section("2", "二、", "重点任务", "Key tasks", doc, 2)
        style = self.rng.choice(["unit", "unit", "lead-participate"])
        blanket = None
        if self.rng.random() < 0.4:
            actor = self.generic("subunit-governments")
            blanket = Clause("blanket", f"{actor.label()}，以下各项均需各地共同推进落实，不再逐一列出",
                             [("icp:responsible", [actor])])
        order = 0
        for topic in data.KEY_TOPICS:
            for _ in range(self.count(3, 5)):
                order += 1
                item = self.key_item(topic, str(order), f"（{chinese_number(order)}）", order, tasks, "key-task",
                                     style, target_chance=0.25)
                self.with_blanket(item, blanket, first=order == 1)
        safeguards = self.section("3", "三、", "保障措施", "Safeguard measures", doc, 3)
        for order, topic in enumerate(self.sample(data.SAFEGUARD_TOPICS, 4, 5), 1):
            item = self.key_item(topic, f"safeguard-{order}", f"（{chinese_number(order)}）", order, safeguards,
                                 "safeguard-measure", self.safeguard_style(topic, style), target_chance=0.3)
            self.with_blanket(item, blanket, first=False)

    def with_blanket(self, item: Item, blanket: Clause | None, first: bool) -> None:
        if blanket is None:
            self.write_item(item)
            return
        if first:
            item.text = item.text[:-1] + f"，{blanket.text}）"
            self.write_clause(blanket)
        self.write_item(item, extra_clauses=("clause:blanket",))


def compose(plan: DocumentPlan, registry: Registry, seed: int, attest: bool = True, scale: float = 1.0) -> Written:
    composer = Composer(plan, registry, seed, attest, scale)
    {"implementation-plan": composer.implementation_plan, "task-division-table": composer.task_division_table,
     "action-plan": composer.action_plan}[plan.kind]()
    return composer.finish()


# The register: synthetic national industrial heritage lists -------------------------------

# The share of what the rollout adds to the repository that is register (lists, sites and
# designations): one triple in ten, so a 1M project holds some 5,000 designations and the
# plans keep nine tenths of the size (the repository's own register is 4,671 triples beside
# 2,913 of its five plans, a share that would leave a 1M project half register; pass
# --heritage-share 0.6 for that).
HERITAGE_SHARE = 0.1
HERITAGE_LISTS = 7            # lists of about the real lists' size (264 rows in seven) up to seven,
HERITAGE_PER_LIST = 40        # then seven lists that grow
HERITAGE_REVIEWED = (1, 2)    # the second and third lists, as batches 2 and 3: voided and re-published after a review
HERITAGE_ADDITION = 0.02      # a row adding core items to an earlier list's site (as batch 4 row 62 does)
HERITAGE_PROVINCE_ONLY = 0.05  # a row whose address names only the province
ROW_TRIPLES = 21              # about what a row states: its site (8–9 triples) and designation (12)
HERITAGE_SOURCE_HEADER = "序号\t地址\t申请名称\t核准名称\t核心物项\t申请单位"

HERITAGE_PREFIXES = """@prefix icp:          <https://w3id.org/icpkg/ontology#> .
@prefix eli:          <http://data.europa.eu/eli/ontology#> .
@prefix dcterms:      <http://purl.org/dc/terms/> .
@prefix rdfs:         <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:         <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:          <http://www.w3.org/2001/XMLSchema#> .
@prefix doc:          <https://w3id.org/icpkg/id/doc/> .
@prefix carrier:      <https://w3id.org/icpkg/id/carrier/> .
@prefix designation:  <https://w3id.org/icpkg/id/designation/> .
@prefix place:        <https://w3id.org/icpkg/id/place/> .
@prefix agency:       <https://w3id.org/icpkg/id/agency/> .
@prefix ctype:        <https://w3id.org/icpkg/vocab/carrier-type/> .
@prefix dockind:      <https://w3id.org/icpkg/vocab/document-kind/> .
@prefix dstatus:      <https://w3id.org/icpkg/vocab/designation-status/> .
"""


@dataclass
class HeritageSite:
    slug: str                     # sx-taiyuan-jichuangchang-syn, sx-taiyuan-jichuangchang-2-syn
    name: str                     # 太原机床厂, 太原第二机床厂
    applied_name: str | None      # the name applied for, where the list prints another
    address: str
    province: data.Jurisdiction
    place: data.Jurisdiction      # its prefecture-level division, or the province where the address names no other
    kind: data.HeritageKind
    batch: int                    # the batch that first lists it


@dataclass
class HeritageRow:
    site: HeritageSite
    number: int                   # 序号
    core_items: str
    parts: tuple                  # buildings, equipment, archives; () for a row adding core items
    applicant: str


@dataclass
class HeritageList:
    batch: int
    date: str
    number: str                   # 文号
    reviewed_by: str | None       # the notice that voided it and published a reviewed list
    rows: list = field(default_factory=list)
    triples: int = 0

    @property
    def code(self) -> str:
        return f"cn-{self.date[:4]}-heritage-list"

    @property
    def source(self) -> str:
        return f"sources/{HERITAGE_FOLDER}/synthetic_heritage_list_batch{self.batch}_{self.date[:4]}.txt"

    @property
    def status(self) -> str:
        return "reviewed-outcome-unrecorded" if self.reviewed_by else "designated"

    @property
    def label(self) -> str:
        return f"第{chinese_number(self.batch)}批国家工业遗产名单"

    def header(self) -> list:
        statements = [
            ("a", "icp:HeritageList"), ("rdfs:label", zh(self.label)),
            ("icp:translation", en(f"National industrial heritage list, batch {self.batch}")),
            ("eli:type_document", "dockind:heritage-list"), ("eli:id_local", quoted(self.number)),
            ("eli:date_document", typed(self.date, "date")), ("eli:passed_by", "agency:cn-miit"),
            ("eli:jurisdiction", "place:cn"), ("icp:batch", str(self.batch)), ("icp:siteCount", str(len(self.rows))),
            ("icp:reviewedBy", quoted(self.reviewed_by) if self.reviewed_by else None)]
        if self.reviewed_by:
            statements.append(("skos:note", [
                en(f"The original announcement of this batch was voided by {self.reviewed_by}, which published a "
                   "reviewed list; that list is not among this project's sources, so this batch's sites are recorded "
                   "as designated, then reviewed, with the outcome not recorded here."),
                zh(f"本批名单的原公告已由{self.reviewed_by}宣布作废，并公布通过复核的名单；复核后的名单不在本项目的原文中，"
                   "因此本批各项仅记为“已认定，后经复核，复核结果未收录”。")]))
        return statements + [("icp:sourceFile", quoted(self.source))]


def site_statements(site: HeritageSite, code: str) -> list:
    return [
        ("a", "icp:Carrier"), ("skos:prefLabel", zh(site.name)),
        ("skos:altLabel", zh(site.applied_name) if site.applied_name else None),
        ("icp:carrierType", "ctype:national-industrial-heritage"), ("icp:address", zh(site.address)),
        ("icp:province", f"place:{site.province.code}"), ("dcterms:spatial", f"place:{site.place.code}"),
        ("icp:namedIn", f"doc:{code}"), ("icp:quote", zh(site.name))]


def designation_statements(row: HeritageRow, heritage_list: HeritageList) -> list:
    parts = row.parts or (None, None, None)
    return [
        ("a", "icp:Designation"), ("icp:batch", str(heritage_list.batch)),
        ("icp:designatedSite", f"carrier:{row.site.slug}"), ("icp:inList", f"doc:{heritage_list.code}"),
        ("icp:rowNumber", str(row.number)), ("icp:sourceLine", str(row.number + 1)),
        ("icp:designationStatus", f"dstatus:{heritage_list.status}"), ("icp:coreItems", zh(row.core_items)),
        ("icp:coreBuildings", zh(parts[0]) if parts[0] else None),
        ("icp:coreEquipment", zh(parts[1]) if parts[1] else None),
        ("icp:coreArchives", zh(parts[2]) if parts[2] else None),
        ("icp:applicant", zh(row.applicant))]


def heritage_places(chosen: list, registry: Registry) -> list[tuple]:
    """(province, its prefecture-level divisions in graphs/places.ttl) for each province the
    rollout's documents are in, in the order the rollout reaches them."""
    present = registry.repository.places | {f"place:{p.code}" for p in registry.places_used}
    provinces = {}
    for written in chosen:
        province = written.plan.place.province or written.plan.place
        provinces.setdefault(province.code, province)
    return [(province, [city for city in province.cities if f"place:{city.code}" in present])
            for province in provinces.values()]


class RegisterComposer:
    """Writes the rows of the synthetic lists, site by site, until the register is as large as asked."""

    def __init__(self, places: list, repository: Repository, seed: int):
        self.rng = random.Random(f"{seed}/heritage")
        self.places = places
        self.repository = repository
        self.names: dict = {}         # (place code, kind) → sites of that kind there so far
        self.sites: list = []         # every site of a list before the one being written

    def lists(self, budget: int) -> tuple[list, int]:
        """Lists numbered and dated after the repository's own (batch 8 in 2026 today), one a
        year, so a synthetic list never has a curated one's code, even in a project holding both."""
        wanted = max(1, budget // ROW_TRIPLES)
        count = max(1, min(HERITAGE_LISTS, round(wanted / HERITAGE_PER_LIST)), min(2, wanted))
        batch = max(self.repository.register, default=0)
        year = max(self.repository.register.values(), default=2016)
        lists = []
        for index in range(count):
            batch, year = batch + 1, year + 1
            while year in self.repository.register.values():
                year += 1
            month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
            number = f"工信部政法函〔{year}〕{self.rng.randint(150, 420)}号"
            review = f"工信部政法函〔{year + 6}〕{self.rng.randint(150, 420)}号"  # as 2018's by 〔2024〕301号
            lists.append(HeritageList(batch, f"{year}-{month:02d}-{day:02d}", number,
                                      review if index in HERITAGE_REVIEWED else None))
        return lists, -(-wanted // count)

    def compose(self, budget: int) -> list[HeritageList]:
        if budget <= 0 or not self.places:
            return []
        lists, per_list = self.lists(budget)
        total, index = 0, 0
        for position, heritage_list in enumerate(lists):
            last = position == len(lists) - 1
            listed = {row.site.slug for row in heritage_list.rows}
            while total < budget and (last or len(heritage_list.rows) < per_list):
                row = self.row(heritage_list, index, listed)
                index += 1
                heritage_list.rows.append(row)
                listed.add(row.site.slug)
                cost = statement_count(site_statements(row.site, heritage_list.code))
                cost += statement_count(designation_statements(row, heritage_list))
                if len(heritage_list.rows) == 1:
                    cost += statement_count(heritage_list.header())
                heritage_list.triples += cost
                total += cost
            self.sites += [row.site for row in heritage_list.rows if row.site.batch == heritage_list.batch]
        return [heritage_list for heritage_list in lists if heritage_list.rows]

    def row(self, heritage_list: HeritageList, index: int, listed: set) -> HeritageRow:
        rng = self.rng
        earlier = [site for site in self.sites if site.slug not in listed]
        number = len(heritage_list.rows) + 1
        if earlier and rng.random() < HERITAGE_ADDITION:
            # A later batch adds a core item to a site listed before: the same site, a row of its own.
            site = rng.choice(earlier)
            addition = f"{rng.choice(site.kind.buildings)}（为第{chinese_number(site.batch)}批国家工业遗产项目增补核心物项）"
            return HeritageRow(site, number, addition, (), self.applicant(site))
        site = self.site(data.HERITAGE_KINDS[index % len(data.HERITAGE_KINDS)], heritage_list.batch)
        kind = site.kind
        buildings = self.sample(kind.buildings, 1, 3) + self.sample(data.HERITAGE_BUILDINGS, 0, 2)
        parts = ("，".join(buildings), "、".join(self.sample(kind.equipment, 1, 3)),
                 "、".join(self.sample(kind.archives, 1, 2)))
        return HeritageRow(site, number, "；".join(parts), parts, self.applicant(site))

    def site(self, kind: data.HeritageKind, batch: int) -> HeritageSite:
        """A new site of `kind` (each kind in turn: the first row of a register is a 机床厂)."""
        rng = self.rng
        province, cities = self.places[rng.randrange(len(self.places))]
        place = province if not cities or rng.random() < HERITAGE_PROVINCE_ONLY else rng.choice(cities)
        seen = self.names[(place.code, kind.slug)] = self.names.get((place.code, kind.slug), 0) + 1
        name = f"{place.short}{kind.name}" if seen == 1 else f"{place.short}第{chinese_number(seen)}{kind.name}"
        slug = f"{place.code}-{kind.slug}" + (f"-{seen}" if seen > 1 else "") + "-syn"
        applied = None
        if rng.random() < 0.35:
            applied = rng.choice([f"{name}工业遗产", f"{name}旧址", f"{place.short}{kind.company}工业遗产群"])
        address = province.name + (place.name if place is not province else "")
        return HeritageSite(slug, name, applied, address, province, place, kind, batch)

    def applicant(self, site: HeritageSite) -> str:
        template = self.rng.choice(data.HERITAGE_APPLICANTS)
        return template.format(place=site.place.short, company=site.kind.company, name=site.kind.name)

    def sample(self, population, low: int, high: int) -> list:
        return self.rng.sample(list(population), min(len(population), self.rng.randint(low, high)))


def synthetic_register(places: list, budget: int, repository: Repository, seed: int) -> list[HeritageList]:
    """National industrial heritage lists of about `budget` triples, their sites in `places`."""
    return RegisterComposer(places, repository, seed).compose(budget)


def register_turtle(heritage_list: HeritageList, seed: int) -> str:
    """One list's graph, laid out as `kgtool register` lays out the real ones."""
    header = (f"# {heritage_list.code}: {heritage_list.label} ({heritage_list.number}, {heritage_list.date}).\n"
              f"# Synthetic: written by benchmarks/generate.py (seed {seed}); source: {heritage_list.source}.\n"
              "# A list of the national register's shape, not a real list: its sites are made up.\n\n")
    turtle = Turtle(header + HERITAGE_PREFIXES)
    turtle.banner("The list")
    turtle.resource(f"doc:{heritage_list.code}", heritage_list.header())
    for row in heritage_list.rows:
        turtle.banner(f"{row.number}. {row.site.name}")
        turtle.resource(f"carrier:{row.site.slug}", site_statements(row.site, heritage_list.code))
        turtle.resource(f"designation:{row.site.slug}-batch-{heritage_list.batch}",
                        designation_statements(row, heritage_list))
    assert turtle.triples == heritage_list.triples, (heritage_list.code, turtle.triples, heritage_list.triples)
    return turtle.text()


def register_source(heritage_list: HeritageList) -> str:
    """The list's text: a header row, then a row a line, tab-separated (as batch 5's source is)."""
    lines = [HERITAGE_SOURCE_HEADER]
    for row in heritage_list.rows:
        site = row.site
        applied = site.applied_name or site.name
        lines.append("\t".join([str(row.number), site.address, applied, site.name, row.core_items, row.applicant]))
    return "\n".join(lines) + "\n"


# The project -------------------------------------------------------------------------

def _copy_repository(out: Path) -> int:
    files = 0
    for folder in ("ontology", "shapes", "queries", "sources"):
        shutil.copytree(REPO / folder, out / folder)
        files += sum(1 for p in (out / folder).rglob("*") if p.is_file())
    (out / "graphs").mkdir()
    for path in sorted((REPO / "graphs").glob("*")):
        if path.is_file() and path.name not in REGISTRY_FILES:
            shutil.copyfile(path, out / "graphs" / path.name)
            files += 1
    return files


SCALES = (1.0, 0.85, 0.7, 0.55, 0.4, 0.25)


def _last_document(plan: DocumentPlan, registry: Registry, seed: int, total: int, triples: int) -> tuple:
    """The document that crosses the size asked for, shrunk to land closest to it (or None)."""
    best, best_added = None, 0
    for scale in SCALES:
        written = compose(plan, registry, seed, scale=scale)
        added = written.triples + registry.cost(written.actors, plan.place)
        if abs(total + added - triples) < abs(total + best_added - triples):
            best, best_added = written, added
    return best, best_added


def select(plans: list, registry: Registry, repository: Repository, triples: int, seed: int) -> tuple[list, int]:
    """Compose documents in order until the project is as large as asked; the last one is shrunk to fit."""
    total, chosen = repository.triples, []
    for plan in plans:
        written = compose(plan, registry, seed)
        added = written.triples + registry.cost(written.actors, plan.place)
        if total + added > triples:
            written, added = _last_document(plan, registry, seed, total, triples)
            if written is None:
                break
        registry.commit(written.actors, plan.place, plan.code)
        chosen.append(written)
        total += added
        if total >= triples * 0.99:
            break
    codes = {w.plan.code for w in chosen}
    for index, written in enumerate(chosen):
        if written.plan.number_printed_in and written.plan.number_printed_in not in codes:
            # The table that prints this plan's number is not in the project: the plan prints it itself.
            unattested = compose(written.plan, registry, seed, attest=False, scale=written.scale)
            total += unattested.triples - written.triples
            chosen[index] = unattested
    return chosen, total


def generate(out: Path, triples: int, seed: int = 1, force: bool = False,
             heritage_share: float = HERITAGE_SHARE) -> dict:
    """Write a project of about `triples` asserted triples at `out`, `heritage_share` of what
    it adds to the repository being register; return its figures."""
    started = time.perf_counter()
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not (force and (out / "graphs").is_dir()):
            raise FileExistsError(f"{out} is not empty; choose a new folder (or --force to replace a generated project)")
        shutil.rmtree(out)
    if not 0 <= heritage_share < 1:
        raise ValueError(f"the heritage share is a fraction, at least 0 and below 1, not {heritage_share}")
    repository = read_repository(REPO)
    if triples < repository.triples * 1.1:
        raise ValueError(f"the repository alone holds {repository.triples:,} triples; ask for more than "
                         f"{int(repository.triples * 1.1):,}")
    registry = Registry(repository)
    register_budget = round((triples - repository.triples) * heritage_share)
    chosen, total = select(plan_rollout(repository, seed), registry, repository, triples - register_budget, seed)
    lists = synthetic_register(heritage_places(chosen, registry), register_budget, repository, seed)
    total += sum(heritage_list.triples for heritage_list in lists)
    if total < triples * 0.9:
        raise ValueError(f"the whole rollout holds {total:,} triples; ask for at most that")
    out.mkdir(parents=True, exist_ok=True)
    files = _copy_repository(out)
    for name, text in (("agencies.ttl", registry.agencies_text()), ("places.ttl", registry.places_text())):
        (out / "graphs" / name).write_text((REPO / "graphs" / name).read_text(encoding="utf-8") + text, encoding="utf-8")
        files += 1
    for written in chosen:
        (out / "graphs" / f"{written.plan.code}.ttl").write_text(written.turtle, encoding="utf-8")
        (out / "sources" / f"{written.plan.code}.txt").write_text(written.source, encoding="utf-8")
        files += 2
    (out / "graphs" / HERITAGE_FOLDER).mkdir()
    for heritage_list in lists:
        (out / "graphs" / HERITAGE_FOLDER / f"{heritage_list.code}.ttl").write_text(
            register_turtle(heritage_list, seed), encoding="utf-8")
        (out / heritage_list.source).write_text(register_source(heritage_list), encoding="utf-8")
        files += 2
    places = {w.plan.place.code for w in chosen}
    rows = [row for heritage_list in lists for row in heritage_list.rows]
    return {
        "triples": total,
        "documents": len(repository.documents()) + len(chosen),
        "synthetic_documents": len(chosen),
        "provincial_documents": sum(1 for w in chosen if w.plan.place.is_provincial),
        "municipal_documents": sum(1 for w in chosen if not w.plan.place.is_provincial),
        "jurisdictions": len(places),
        "items": sum(w.items for w in chosen),
        "heritage_lists": len(lists),
        "heritage_sites": len({row.site.slug for row in rows}),
        "designations": len(rows),
        "heritage_triples": sum(heritage_list.triples for heritage_list in lists),
        "files": files,
        "seconds": round(time.perf_counter() - started, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the project to (new or empty)")
    parser.add_argument("--triples", type=int, default=100_000, help="asserted triples of the whole project (±10%%)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed and size give byte-identical files")
    parser.add_argument("--force", action="store_true", help="replace a project generated at OUT before")
    parser.add_argument("--heritage-share", type=float, default=HERITAGE_SHARE,
                        help="the share of the triples added to the repository that is heritage register "
                             f"(default {HERITAGE_SHARE}; the repository's own share is about 0.6)")
    options = parser.parse_args()
    try:
        figures = generate(options.out, options.triples, options.seed, options.force, options.heritage_share)
    except (FileExistsError, ValueError) as error:
        parser.exit(2, f"error: {error}\n")
    print(f"Wrote {options.out}: {figures['triples']:,} asserted triples, {figures['documents']} documents "
          f"({figures['synthetic_documents']} synthetic: {figures['provincial_documents']} provincial, "
          f"{figures['municipal_documents']} municipal, in {figures['jurisdictions']} jurisdictions), "
          f"{figures['items']:,} synthetic items, {figures['heritage_lists']} heritage lists "
          f"({figures['designations']:,} designations of {figures['heritage_sites']:,} sites, "
          f"{figures['heritage_triples']:,} triples), {figures['files']} files, in {figures['seconds']} s")


if __name__ == "__main__":
    main()
