"""The OWL 2 RL closure of the asserted data, and the checks that it did no harm.

owlrl is the reference reasoner. Its raw closure also restates the RDF, RDFS,
OWL and XSD vocabularies and adds tautologies (every resource `owl:sameAs`
itself); those say nothing about the data, so `entailments` keeps only the
triples that do: new types, super-properties, inverses, broader/narrower links.
That set is what queries and shapes rely on, and what a faster engine must
reproduce.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

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
