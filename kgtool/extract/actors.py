"""Who a printed name denotes in a plan: a body of the registry, or a new one.

A name resolves through the registry (its labels, the plan's jurisdiction and
the places within it, the province around a city), with the shared-省 rule: in
“省发展改革委、教育厅、财政厅” the bare names after the first take its 省. A
body the registry lacks is composed from its printed form (kgtool.extract.bodies)
and kept in the extraction's own registry file, marked as extracted with a
confidence; generic actors (相关部门, 各市人民政府 …) are generic actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import URIRef

from ..namespaces import ACTOR, AGENCY, PLACE
from .bodies import NewBody, compose_body, is_generic
from .clauses import Assignment
from .places import NATIONAL, Division, division_by_slug
from .registry import Registry

# A name that can only mean a national body, whatever plan prints it.
_NATIONAL_FORM = re.compile(r"^(国家|国务院|中央|中共中央|全国|党中央)|部$")
_LOCAL_PREFIX = re.compile(r"^(省委|省|市委|市|区委|区|县委|县)")


@dataclass
class Resolution:
    iri: URIRef
    name: str                 # as printed
    generic: bool
    created: NewBody | None   # set when the body is new, made by this extraction
    ambiguous: bool = False


@dataclass
class Actors:
    """Resolves the names one plan prints, remembering the bodies it had to create."""

    registry: Registry
    where: Division
    created: dict[str, NewBody] = field(default_factory=dict)      # slug → body
    forms: dict[URIRef, set[str]] = field(default_factory=dict)    # new forms of known bodies, and of created ones

    @property
    def place(self) -> URIRef:
        return PLACE[self.where.slug]

    def resolve_clause(self, assignments: list[Assignment]) -> list[tuple[Resolution, str]]:
        """Who each (name, role) of one clause denotes, in order: the names after a first
        one that opens with 省 or 市 share it (省发展改革委、教育厅), and “A等B” is two."""
        first = _LOCAL_PREFIX.match(assignments[0].name) if assignments else None
        prefix = first.group(1) if first else ""
        return [(self.resolve(part, "" if _LOCAL_PREFIX.match(part) else prefix), assignment.role)
                for assignment in assignments for part in self._split_etc(assignment.name)]

    def _split_etc(self, name: str) -> list[str]:
        # “住建厅等省直有关部门”: a body and a generic set, unless the whole is a known label.
        if "等" in name and not self._known(name):  # “…等部门”: the list's own words, no body
            return [part for part in name.split("等") if part and part not in ("部门", "单位", "部门单位")]
        return [name]

    def _known(self, name: str) -> set[URIRef]:
        return self.registry.candidates(name, self.place) if self.where is not NATIONAL else \
            self.registry.candidates(name, PLACE["cn"])

    def resolve(self, name: str, shared_prefix: str = "") -> Resolution:
        name = name.strip()
        for form in dict.fromkeys([shared_prefix + name, name] if shared_prefix else [name]):
            found = self._in_registry(form)
            if found:
                return self._known_body(found, name)
        return self._new_body(name, shared_prefix)

    def _in_registry(self, form: str) -> set[URIRef]:
        """Actors of the plan's place (and places within it) with the label; for a city's
        plan, 省… names in its province; national bodies only for national forms."""
        local = self.registry.labelled(form, self.registry.places_within(self.place))
        if local or self.where is NATIONAL:
            return local or self.registry.labelled(form, {PLACE["cn"]})
        if self.where.parent and form.startswith("省"):
            province = self.registry.labelled(form, {PLACE[self.where.parent]})
            if province:
                return province
        if _NATIONAL_FORM.search(form) or not compose_body(form, self.where).confidence >= 0.5:
            return self.registry.labelled(form, {PLACE["cn"]})
        return set()

    def _known_body(self, found: set[URIRef], printed: str) -> Resolution:
        iri = sorted(found)[0]
        actor = self.registry.actors[iri]
        return Resolution(iri, printed, actor.generic, None, ambiguous=len(found) > 1)

    def _new_body(self, printed: str, shared_prefix: str) -> Resolution:
        where = self.where
        if self.where.parent and printed.startswith("省"):
            where = division_by_slug(self.where.parent) or self.where  # a provincial body in a city's plan
        body = compose_body(shared_prefix + printed if shared_prefix and not is_generic(printed) else printed, where)
        iri = (ACTOR if body.generic else AGENCY)[body.slug]
        if iri in self.registry.actors:  # the registry has the body under another form
            self.forms.setdefault(iri, set()).add(printed)
            return Resolution(iri, printed, body.generic, None)
        known = self.created.setdefault(body.slug, body)
        self.forms.setdefault(iri, set()).update({printed, known.printed})
        return Resolution(iri, printed, body.generic, known)
