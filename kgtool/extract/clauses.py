"""Find the responsibility clauses an item prints, and say who each names in which role.

Clauses come in brackets at the end of a passage (“（A牵头，B、C参与）”,
“（责任单位：A、B）”), on a line of their own (“牵头单位：A；配合单位：B、C”), as
the responsibility columns of a task-division table, or — weakest — as a lead
named inside a sentence (“建立由A牵头、相关部门参加的工作机制”), read only where
the item prints no clause of its own.

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

from .registry import BODY_ENDING, Registry, split_names

LEAD, PARTICIPANT, RESPONSIBLE = "lead", "participant", "responsible"

_ROLE_SUFFIXES = (
    ("按职责分工负责", RESPONSIBLE),
    ("按职责分工落实", RESPONSIBLE),
    ("按职责分工推进", RESPONSIBLE),
    ("共同负责", RESPONSIBLE),
    ("牵头", LEAD),
    ("参与", PARTICIPANT),
    ("参加", PARTICIPANT),
    ("配合", PARTICIPANT),
    ("负责", RESPONSIBLE),
    ("落实", RESPONSIBLE),
)
# Labels that give the names after them one role: 牵头单位：A；配合单位：B、C.
_LABELS = (
    (re.compile(r"^(?:主要)?(?:牵头单位|牵头部门)[：:]"), LEAD),
    (re.compile(r"^(?:配合单位|配合部门|参与单位|参与部门|协同单位|协办单位|参加单位)[：:]"), PARTICIPANT),
    (re.compile(r"^(?:主要)?(?:责任单位|责任部门|负责单位|实施单位)[：:]"), None),
)
_LABEL_AT_START = re.compile(r"^\s*(?:主要)?(?:牵头|配合|参与|协同|协办|参加|责任|负责|实施)(?:单位|部门)\s*[：:]")
# Words after which a bracket is a clause even without a role word.
_BLANKET_WORDS = ("以下各项", "不再逐一列出", "下同")
_BODY_END = re.compile(BODY_ENDING + "$")
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
    >>> parse_clause("牵头单位：市工信局；配合单位：市发改委、市文广旅局")
    [Assignment(name='市工信局', role='lead'), Assignment(name='市发改委', role='participant'), Assignment(name='市文广旅局', role='participant')]
    """
    text = _WITH_WHOM.sub("", re.sub(r"\s+", "", text))
    segments = [s for s in re.split(r"[；;]", text) if s]
    if any(_label_role(s)[0] for s in segments):
        labelled = [a for segment in segments for a in _labelled(segment)]
        if any(a.role == LEAD for a in labelled):  # 牵头单位：A；责任单位：B — after a lead, B takes part
            labelled = [Assignment(a.name, PARTICIPANT if a.role == RESPONSIBLE else a.role) for a in labelled]
        return labelled
    for prefix in _PREFIXES:
        text = text.removeprefix(prefix)
    return _roles_in(text)


def _label_role(segment: str) -> tuple[str, str | None]:
    """(the label, the role it gives) of a segment opening with 牵头单位： and the like."""
    for pattern, role in _LABELS:
        match = pattern.match(segment)
        if match:
            return match.group(), role
    return "", None


def _labelled(segment: str) -> list[Assignment]:
    label, role = _label_role(segment)
    rest = segment[len(label):]
    if role is None or any(token != _role_of(token)[0] for token in split_names(rest)):
        return _roles_in(rest)  # 责任单位：, or names that carry their own role words
    return [Assignment(name, role) for name in split_names(rest) if name not in _NOT_NAMES]


def column_assignments(cells: dict[str, str]) -> list[Assignment]:
    """The (name, role) pairs of a table row's responsibility columns: the names in a
    牵头 column lead, in a 配合 column take part, and a 责任单位 column is read as a
    clause (a bare list: responsible; “A牵头，B按职责分工负责”: as printed)."""
    assignments = []
    for column, role in (("lead", LEAD), ("partner", PARTICIPANT), ("responsible", None)):
        cell = re.sub(r"\s+", "、", cells.get(column, "").strip())
        if not cell:
            continue
        parsed = parse_clause(cell)
        if role is not None and all(a.role == RESPONSIBLE for a in parsed):
            parsed = [Assignment(a.name, role) for a in parsed]
        assignments.extend(parsed)
    return assignments


# “由A负责”, “由A会同B负责”: 由 introduces the names, 会同 joins them as 、 does.
_WITH_WHOM = re.compile(r"(?:^|(?<=[，,；;：:]))由")
_LEAD_MARK = re.compile(r"[（(]牵头[）)]$")


def _marked_leads(text: str) -> list[Assignment] | None:
    """“A（牵头）、B、C”: the marked names lead and the others take part; None where no
    name carries the mark."""
    names = split_names(text)
    if not any(_LEAD_MARK.search(name) for name in names):
        return None
    return [Assignment(_LEAD_MARK.sub("", name), LEAD if _LEAD_MARK.search(name) else PARTICIPANT)
            for name in names if name not in _NOT_NAMES]


def _roles_in(text: str) -> list[Assignment]:
    marked = _marked_leads(text)
    if marked is not None:
        return marked
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
        if "按职责分工" in token and any(a.role == LEAD for a in assignments):
            role = PARTICIPANT  # 按职责分工负责 (or 落实) after a named lead
        assignments.extend(Assignment(n, role) for n in pending)
        pending = []
    assignments.extend(Assignment(n, RESPONSIBLE) for n in pending)  # a bare list: 责任单位
    return assignments


@dataclass(frozen=True)
class FoundClause:
    text: str            # the clause's words as printed, without its brackets
    start: int           # where it starts in the item's text (its opening bracket)
    end: int             # just past its end (its closing bracket)
    blanket: bool = False  # it covers every item of the document (以下各项…不再逐一列出)
    inline: bool = False   # a lead named inside a sentence, not a clause of its own


def find_clauses(text: str) -> list[FoundClause]:
    """The responsibility clauses an item's text prints, in order.

    >>> [c.text for c in find_clauses("加强统筹。（省工信厅牵头，省财政厅参与）")]
    ['省工信厅牵头，省财政厅参与']
    """
    found = [c for start, end in _brackets(text) for c in _bracket_clauses(text, start, end)]
    found += _labelled_lines(text)
    if not found:
        found = _inline_leads(text)
    return sorted(found, key=lambda c: c.start)


def _brackets(text: str) -> list[tuple[int, int]]:
    """Outermost bracket pairs, （ ( and 【 alike: (opening index, closing index)."""
    pairs, depth, opened = [], 0, 0
    for index, char in enumerate(text):
        if char in "（(【":
            if depth == 0:
                opened = index
            depth += 1
        elif char in "）)】" and depth:
            depth -= 1
            if depth == 0:
                pairs.append((opened, index))
    return pairs


def looks_like_clause(content: str) -> bool:
    """Whether a bracket's words are a responsibility clause: they open with a label
    (责任单位：), or end in a role word after names of bodies, or hold a blanket note."""
    content = re.sub(r"\s+", "", content)
    if not content or len(content) > 300 or "。" in content:
        return False
    if _LABEL_AT_START.match(content) or any(word in content for word in _BLANKET_WORDS):
        return True
    assignments = parse_clause(content)
    return any(a.role for a in assignments) and re.search(
        r"(牵头|参与|参加|配合|负责|落实|推进)$", content) is not None and any(
        _BODY_END.search(a.name) for a in assignments)


def _bracket_clauses(text: str, start: int, end: int) -> list[FoundClause]:
    content = text[start + 1:end]
    if not looks_like_clause(content):
        return []
    marker = next((content.find(w) for w in _BLANKET_WORDS if w in content), -1)
    if marker == -1:
        return [FoundClause(content.strip(), start, end + 1)]
    # “A、B，C按职责分工落实，D及E，以下各项均需各地共同推进落实，不再逐一列出”: the
    # names after the last role word before the note share every item.
    segments = content.split("，")
    before = len(content[:marker].split("，")) - 1
    own_end = max((i for i in range(before) if _role_of(segments[i])[1]), default=-1) + 1
    own, blanket = "，".join(segments[:own_end]), "，".join(segments[own_end:])
    clauses = [FoundClause(own, start, end + 1)] if own else []
    return clauses + [FoundClause(blanket, start, end + 1, blanket=True)]


def _labelled_lines(text: str) -> list[FoundClause]:
    """Lines of their own that open with 牵头单位：, 责任单位： and the like."""
    found, offset = [], 0
    for line in text.split("\n"):
        if _LABEL_AT_START.match(line):
            found.append(FoundClause(line.strip(), offset, offset + len(line)))
        offset += len(line) + 1
    return found


_INLINE_LEAD = re.compile(r"由(?P<clause>[^，。；由的]{2,40}?牵头(?:[、，][^，。；由的]{2,40}?(?:参加|参与|配合))?)")


def _inline_leads(text: str) -> list[FoundClause]:
    return [FoundClause(m.group("clause"), m.start("clause"), m.end("clause"), inline=True)
            for m in _INLINE_LEAD.finditer(text)
            if any(_BODY_END.search(a.name) for a in parse_clause(m.group("clause")))]


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


__all__ = ["Assignment", "FoundClause", "LEAD", "PARTICIPANT", "RESPONSIBLE", "ResolvedAssignment",
           "column_assignments", "find_clauses", "looks_like_clause", "parse_clause",
           "resolve_clause"]
