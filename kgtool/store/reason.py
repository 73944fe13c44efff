"""The OWL 2 RL closure of the asserted data, and the checks that it did no harm.

owlrl is the reference reasoner. Its raw closure also restates the RDF, RDFS,
OWL and XSD vocabularies and adds tautologies (every resource `owl:sameAs`
itself); those say nothing about the data, so `owl_rl_closure` keeps only the
triples that do: new types, super-properties, inverses, broader/narrower links.
That set is what queries and shapes rely on, and what a faster engine must
reproduce.

`materialise` is that faster engine: the OWL 2 RL rules the ontology uses,
written as SPARQL updates and run to a fixpoint inside the Oxigraph store that
holds the build (seconds for a million triples where owlrl takes minutes). It
refuses an ontology that uses a construct its rules do not cover, and a test
holds it to owlrl's entailments on the repository and on a fixture exercising
every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pyoxigraph import NamedNode
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from ..progress import Progress, quiet

_LANGUAGE_NAMESPACES = tuple(str(ns) for ns in (RDF, RDFS, OWL, XSD))
_REFLEXIVE_NOISE = {
    OWL.sameAs,
    OWL.equivalentClass,
    OWL.equivalentProperty,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
}


@dataclass
class Closure:
    """What reasoning added to the asserted data, and what it found wrong."""

    inferred: Graph
    inconsistencies: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.inconsistencies


def _is_entailment_about_data(triple) -> bool:
    subject, predicate, obj = triple
    if isinstance(subject, (BNode, Literal)):
        return False  # owlrl types literals (“"1"^^xsd:integer a xsd:decimal”): not RDF, not data
    if str(subject).startswith(_LANGUAGE_NAMESPACES):
        return False
    if predicate in _REFLEXIVE_NOISE and subject == obj:
        return False
    return True


def owl_rl_closure(asserted: Graph) -> Closure:
    """Run owlrl's OWL 2 RL rules on a copy of `asserted`; return the entailments."""
    from owlrl import OWLRL_Semantics  # slow to import; only `build` needs it

    working = Graph()
    for triple in asserted:
        working.add(triple)
    semantics = OWLRL_Semantics(working, False, False, rdfs=False)
    semantics.closure()
    inferred = Graph()
    for triple in working:
        if triple not in asserted and _is_entailment_about_data(triple):
            inferred.add(triple)
    problems = list(semantics.error_messages)
    problems.extend(_damage(asserted, inferred))
    return Closure(inferred, problems)


def _damage(asserted: Graph, inferred: Graph) -> list[str]:
    """Entailments that mean the data or the ontology is wrong."""
    found = []
    for member in inferred.subjects(RDF.type, OWL.Nothing):
        found.append(f"{member} is inferred to be a member of owl:Nothing")
    for left, right in inferred.subject_objects(OWL.sameAs):
        if left != right and isinstance(left, URIRef) and isinstance(right, URIRef):
            found.append(f"{left} is inferred to be owl:sameAs {right}")
    return sorted(found)


# The rules, named as in the OWL 2 RL profile (tables 4–9). Each derives into the
# inferred graph what no graph holds yet; the data lives in named graphs only.
_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
# Rules about the schema: run first, to their fixpoint (the ontology is small).
_SCHEMA_RULES = {  # name: (what is derived, the patterns it is derived from)
    "scm-cls": ("?c rdfs:subClassOf owl:Thing", ["?c a owl:Class"]),
    "scm-sco": ("?a rdfs:subClassOf ?c", ["?a rdfs:subClassOf ?b", "?b rdfs:subClassOf ?c"]),
    "scm-spo": ("?a rdfs:subPropertyOf ?c", ["?a rdfs:subPropertyOf ?b", "?b rdfs:subPropertyOf ?c"]),
    "scm-eqc1": ("?a rdfs:subClassOf ?b", ["?a owl:equivalentClass ?b"]),
    "scm-eqc1'": ("?b rdfs:subClassOf ?a", ["?a owl:equivalentClass ?b"]),
    "scm-eqp1": ("?a rdfs:subPropertyOf ?b", ["?a owl:equivalentProperty ?b"]),
    "scm-eqp1'": ("?b rdfs:subPropertyOf ?a", ["?a owl:equivalentProperty ?b"]),
    "scm-eqc2": ("?a owl:equivalentClass ?b", ["?a rdfs:subClassOf ?b", "?b rdfs:subClassOf ?a"]),
    "scm-eqp2": ("?a owl:equivalentProperty ?b", ["?a rdfs:subPropertyOf ?b", "?b rdfs:subPropertyOf ?a"]),
}

# Rules about the data: (what is derived, the schema pattern, the data patterns). Each is
# run once per match of its schema pattern, with the schema's terms written in: a query
# for `?x <p> ?y` reads one predicate's index, where `?p rdfs:subPropertyOf ?q . ?x ?p ?y`
# may read the whole store (minutes for a million triples, against seconds).
_DATA_RULES = {
    "cax-sco": ("?x a ?d", "?c rdfs:subClassOf ?d", ["?x a ?c"]),
    "prp-spo1": ("?x ?q ?y", "?p rdfs:subPropertyOf ?q", ["?x ?p ?y"]),
    "prp-inv1": ("?y ?q ?x", "?p owl:inverseOf ?q", ["?x ?p ?y"]),
    "prp-inv2": ("?y ?p ?x", "?p owl:inverseOf ?q", ["?x ?q ?y"]),
    "prp-dom": ("?x a ?c", "?p rdfs:domain ?c", ["?x ?p ?y"]),
    "prp-rng": ("?y a ?c", "?p rdfs:range ?c", ["?x ?p ?y"]),
    "prp-symp": ("?y ?p ?x", "?p a owl:SymmetricProperty", ["?x ?p ?y"]),
    "prp-trp": ("?x ?p ?z", "?p a owl:TransitiveProperty", ["?x ?p ?y", "?y ?p ?z"]),
}

# What the rules above do not cover. An ontology using any of these needs owlrl
# (`kgtool build --reasoner owlrl`), or a rule added here and to the test.
_UNCOVERED = [
    "owl:sameAs", "owl:differentFrom", "owl:onProperty", "owl:intersectionOf", "owl:unionOf",
    "owl:complementOf", "owl:oneOf", "owl:hasKey", "owl:propertyChainAxiom", "owl:propertyDisjointWith",
    "owl:sourceIndividual",
]
_UNCOVERED_TYPES = [
    "owl:FunctionalProperty", "owl:InverseFunctionalProperty", "owl:AsymmetricProperty",
    "owl:IrreflexiveProperty", "owl:AllDifferent", "owl:AllDisjointProperties",
]

# The terms by which a triple is an axiom of the ontology rather than data: the
# predicates and classes the rules and the checks read their schema through, and
# those they refuse. kgtool.store.update rebuilds from scratch when a changed file has one.
AXIOM_PREDICATES = frozenset(
    [str(RDFS.subClassOf), str(RDFS.subPropertyOf), str(RDFS.domain), str(RDFS.range), str(OWL.inverseOf),
     str(OWL.equivalentClass), str(OWL.equivalentProperty), str(OWL.disjointWith), str(OWL.members)]
    + [str(OWL) + term.removeprefix("owl:") for term in _UNCOVERED]
)
AXIOM_CLASSES = frozenset(
    [str(OWL.Class), str(OWL.SymmetricProperty), str(OWL.TransitiveProperty), str(OWL.AllDisjointClasses)]
    + [str(OWL) + term.removeprefix("owl:") for term in _UNCOVERED_TYPES]
)


def _rule_update(head: str, body: list[str], inferred: str) -> str:
    # Each pattern in any named graph: the store's default graph is empty, every input
    # file being a named graph of its own.
    where = " ".join(f"GRAPH ?g{number} {{ {pattern} }}" for number, pattern in enumerate(body))
    return (
        f"{_PREFIXES}INSERT {{ GRAPH <{inferred}> {{ {head} }} }}\n"
        f"WHERE {{ {where} FILTER NOT EXISTS {{ GRAPH ?known {{ {head} }} }} }}"
    )


def _grounded_rules(store) -> list[tuple[str, list[str]]]:
    """The data rules with the schema's terms written in, one (head, body) per schema match."""
    grounded = []
    for head, schema, body in _DATA_RULES.values():
        for match in store.query(f"{_PREFIXES}SELECT DISTINCT * WHERE {{ GRAPH ?g {{ {schema} }} }}"):
            terms = {f"?{name}": match[name] for name in re.findall(r"\?(\w+)", schema)}
            if any(not isinstance(term, NamedNode) for term in terms.values()) or len(set(terms.values())) < len(terms):
                continue  # a blank node (refused elsewhere) or a tautology such as C ⊑ C

            def ground(pattern: str) -> str:
                return re.sub(r"\?\w+", lambda v: str(terms[v[0]]) if v[0] in terms else v[0], pattern)

            grounded.append((ground(head), [ground(pattern) for pattern in body]))
    return grounded


def graph_size(store, graph: str) -> int:
    """How many triples the named graph `graph` of a pyoxigraph store holds."""
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(count)))["n"].value)


def _to_fixpoint(store, inferred: str, updates: list[str], progress: Progress = quiet) -> None:
    size, rounds = graph_size(store, inferred), 0
    while True:
        rounds += 1
        for update in updates:
            store.update(update)
        grown = graph_size(store, inferred)
        progress(f"reasoning, round {rounds}: {grown - size:,} triples new")
        if grown == size:
            return
        size = grown


def materialise(store, inferred: str, progress: Progress = quiet) -> list[str]:
    """Derive the entailments of the rules into the named graph `inferred` of a pyoxigraph
    `store`, to a fixpoint; return the inconsistencies found (empty: consistent).

    The schema's closure comes first, so the data rules, grounded in it, derive nearly
    everything in their first round; the next round finds what chains of rules add,
    and the last one that nothing is left. Raises ReasoningError when the ontology
    uses a construct the rules do not cover."""
    _refuse_uncovered(store)
    schema_updates = [_rule_update(head, body, inferred) for head, body in _SCHEMA_RULES.values()]
    rules: list = []
    while True:
        _to_fixpoint(store, inferred, schema_updates)
        grounded = _grounded_rules(store)
        if grounded == rules:
            break
        # Again only if the data rules derived schema (a subproperty of rdfs:subClassOf,
        # say), which grounds new rules.
        _to_fixpoint(store, inferred, [_rule_update(head, body, inferred) for head, body in grounded], progress)
        rules = grounded
    _drop_vocabulary_restatements(store, inferred)
    return _inconsistencies(store)


def inconsistent(inconsistencies: list[str]):
    """The ReasoningError for what `materialise` found wrong: the first three, and how many more."""
    from ..errors import ReasoningError

    shown = "; ".join(inconsistencies[:3])
    more = len(inconsistencies) - 3
    return ReasoningError(f"the data is inconsistent under the ontology: {shown}"
                          + (f" (and {more} more)" if more > 0 else ""))


def _refuse_uncovered(store) -> None:
    from ..errors import ReasoningError

    used = [term for term in _UNCOVERED if store.query(f"{_PREFIXES}ASK {{ GRAPH ?g {{ ?s {term} ?o }} }}")]
    used += [term for term in _UNCOVERED_TYPES if store.query(f"{_PREFIXES}ASK {{ GRAPH ?g {{ ?s a {term} }} }}")]
    if used:
        raise ReasoningError(
            f"the ontology uses {', '.join(used)}, which kgtool's rules do not cover; "
            "build with `--reasoner owlrl`"
        )


def _drop_vocabulary_restatements(store, inferred: str) -> None:
    # What owl_rl_closure leaves out too: statements about blank nodes and about the
    # RDF, RDFS, OWL and XSD vocabularies themselves, and tautologies (A ⊑ A).
    namespaces = " || ".join(f'STRSTARTS(STR(?s), "{ns}")' for ns in _LANGUAGE_NAMESPACES)
    reflexive = ", ".join(f"<{term}>" for term in sorted(_REFLEXIVE_NOISE))
    store.update(
        f"DELETE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} "
        f"FILTER (isBlank(?s) || {namespaces} || (?s = ?o && ?p IN ({reflexive}))) }}"
    )


def _inconsistencies(store) -> list[str]:
    """Members of owl:Nothing and of two classes the ontology declares disjoint (cls-nothing2,
    cax-dw, cax-adc)."""
    found = [
        f"{row['x'].value} is inferred to be a member of owl:Nothing"
        for row in store.query(f"{_PREFIXES}SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a owl:Nothing }} }}")
    ]
    # One scan per group of pairwise disjoint classes, counting each member's classes of
    # the group: joining the types of every resource with each other instead takes
    # minutes at a million triples.
    for group in _disjoint_groups(store):
        classes = " ".join(f"<{member}>" for member in group)
        clashes = f"""SELECT ?x (GROUP_CONCAT(DISTINCT STR(?class); separator=" ") AS ?classes) WHERE {{
            VALUES ?class {{ {classes} }} GRAPH ?g {{ ?x a ?class }}
        }} GROUP BY ?x HAVING (COUNT(DISTINCT ?class) > 1)"""
        for row in store.query(clashes):
            members = " and ".join(sorted(row["classes"].value.split()))
            found.append(f"{row['x'].value} is a member of {members}, which are disjoint")
    return sorted(found)


def _disjoint_groups(store) -> list[list[str]]:
    """Each owl:disjointWith pair and each owl:AllDisjointClasses list of the ontology."""
    pairs = f"{_PREFIXES}SELECT DISTINCT ?c1 ?c2 WHERE {{ GRAPH ?g {{ ?c1 owl:disjointWith ?c2 }} }}"
    groups = [[row["c1"].value, row["c2"].value] for row in store.query(pairs)]
    lists = f"""{_PREFIXES}SELECT ?all ?member WHERE {{
        GRAPH ?g {{ ?all a owl:AllDisjointClasses ; owl:members ?list }}
        GRAPH ?h {{ ?list rdf:rest*/rdf:first ?member }}
    }}"""
    members: dict[str, list[str]] = {}
    for row in store.query(lists):
        members.setdefault(str(row["all"]), []).append(row["member"].value)
    return groups + list(members.values())
