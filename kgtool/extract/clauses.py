"""Read a responsibility clause as printed and say who it names in which role.

The roles are a contract (DESIGN.md): *lead* (牵头); *participant* (参与, or
按职责分工负责 after a named lead); *responsible* (a clause that names no lead:
“A、B按职责分工负责”, “责任单位：…”, “共同负责”, “…落实”). Names without a
role word of their own take the role of the next group that has one, so
“省工信厅、总工会，省企联按职责分工落实” makes all three responsible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from .registry import Registry, UnknownActorError, split_names

LEAD, PARTICIPANT, RESPONSIBLE = "lead", "participant", "responsible"

_ROLE_SUFFIXES = (
    ("按职责分工负责", RESPONSIBLE),
    ("按职责分工落实", RESPONSIBLE),
    ("共同负责", RESPONSIBLE),
    ("牵头", LEAD),
    ("参与", PARTICIPANT),
    ("负责", RESPONSIBLE),
    ("落实", RESPONSIBLE),
)
# Fujian's blanket clause: “各设区市人民政府及平潭综合实验区管委会，以下各项均需各地共同推进落实，
# 不再逐一列出” — the bodies before it share every item; these words name no body.
_BLANKET_MARKER = "以下各项均需各地共同推进落实"
_NOT_NAMES = {"不再逐一列出"}
_PREFIXES = ("责任单位：", "责任单位:", "责任部门：")


@dataclass(frozen=True)
class Assignment:
    name: str
    role: str


def _role_of(token: str) -> tuple[str, str | None]:
    if token == _BLANKET_MARKER:
        return "", RESPONSIBLE
    for suffix, role in _ROLE_SUFFIXES:
        if token.endswith(suffix):
            return token[: -len(suffix)], role
    return token, None


def parse_clause(text: str) -> list[Assignment]:
    """The (name, role) pairs of a clause, in the order printed.

    >>> parse_clause("工业和信息化部牵头，教育部、国资委参与")
    [Assignment(name='工业和信息化部', role='lead'), Assignment(name='教育部', role='participant'), Assignment(name='国资委', role='participant')]
    """
    text = re.sub(r"\s+", "", text)
    for prefix in _PREFIXES:
        text = text.removeprefix(prefix)
    assignments: list[Assignment] = []
    pending: list[str] = []
    for token in split_names(text):
        if token in _NOT_NAMES:
            continue
        name, role = _role_of(token)
        if name:
            pending.append(name)
        if role is None:
            continue
        if token.endswith("按职责分工负责") and any(a.role == LEAD for a in assignments):
            role = PARTICIPANT  # 按职责分工负责 after a named lead
        assignments.extend(Assignment(n, role) for n in pending)
        pending = []
    assignments.extend(Assignment(n, RESPONSIBLE) for n in pending)  # a bare list: 责任单位
    return assignments


@dataclass(frozen=True)
class ResolvedAssignment:
    actor: URIRef
    name: str
    role: str


def resolve_clause(registry: Registry, text: str, jurisdiction: URIRef) -> list[ResolvedAssignment]:
    """Parse a clause and resolve each name to one actor of the registry.

    “住建厅等省直有关部门” names a body and a generic set: a name that is not in the
    registry as a whole is split at 等 and both parts are resolved.
    """
    resolved = []
    for assignment in parse_clause(text):
        names = [assignment.name]
        if not registry.candidates(assignment.name, jurisdiction) and "等" in assignment.name:
            names = [part for part in assignment.name.split("等") if part]
        for name in names:
            actor = registry.resolve(name, jurisdiction)
            resolved.append(ResolvedAssignment(actor.iri, name, assignment.role))
    return resolved


__all__ = ["Assignment", "LEAD", "PARTICIPANT", "RESPONSIBLE", "ResolvedAssignment", "UnknownActorError",
           "parse_clause", "resolve_clause"]
