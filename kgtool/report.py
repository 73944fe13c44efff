"""A validation report a plan analyst can act on, in Chinese or English.

Findings are grouped by document and listed in the order of the file; each line
names the item the way the plan does (“广东 任务 11 构建工业遗产分级保护体系”), uses labels
instead of IRIs, and points to the file and line. The last line counts findings
by severity.
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import groupby
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from .namespaces import BASE, ELI, ICP
from .validate import Finding, Validation

SEVERITY_WORDS = {
    "zh": {"Violation": "违规", "Warning": "警告", "Info": "提示"},
    "en": {"Violation": "Violation", "Warning": "Warning", "Info": "Info"},
}
KIND_WORDS = {
    "zh": {
        "key-task": "任务",
        "safeguard-measure": "保障措施",
        "organisational-measure": "组织实施",
        "general-requirement": "总体要求",
        "annex-row": "分工表",
    },
    "en": {
        "key-task": "task",
        "safeguard-measure": "safeguard",
        "organisational-measure": "organisational measure",
        "general-requirement": "general requirement",
        "annex-row": "table row",
    },
}
OUTSIDE_DOCUMENTS = {"zh": "登记表、词表与本体", "en": "Registry, vocabularies and ontology"}


class _Describer:
    """Names resources of the data graph the way a reader of the plans would."""

    def __init__(self, data: Graph, language: str):
        self.data = data
        self.language = language

    # Where a faulty graph gives a node several values (two Chinese titles, two
    # numbers — the finding says so), the least is shown, so the report reads the
    # same whichever store holds the data and in whatever order it lists them.

    def _value(self, node, prop):
        return min(self.data.objects(node, prop), default=None)

    def _literal(self, node, *properties, language=None) -> str | None:
        language = language or self.language
        for prop in properties:
            found = [v for v in self.data.objects(node, prop) if isinstance(v, Literal) and v.language == language]
            if found:
                return str(min(found))
        return None

    def label(self, node) -> str:
        """The node's name in the report language, else in Chinese, else a short IRI."""
        if isinstance(node, Literal):
            return str(node)
        properties = (SKOS.prefLabel, ICP.translation, DCTERMS.title) if self.language == "en" else (
            SKOS.prefLabel, DCTERMS.title)
        found = self._literal(node, *properties) or self._literal(node, SKOS.prefLabel, DCTERMS.title, language="zh")
        return found or str(node).replace(BASE + "id/", "").replace(BASE, "")

    def is_a(self, node, cls) -> bool:
        return (node, RDF.type, cls) in self.data

    def document_of(self, finding: Finding):
        for node in (finding.focus, finding.value):
            if isinstance(node, URIRef) and self.is_a(node, ICP.PolicyDocument):
                return node
        focus = finding.focus
        holder = self.holder(focus)
        return self._value(holder if holder is not None else focus, ICP.inDocument)

    def holder(self, node):
        """The item a clause, passage or target belongs to."""
        if self.is_a(node, ICP.ResponsibilityClause):
            return min(self.data.subjects(ICP.hasClause, node), default=None)
        if self.is_a(node, ICP.Paragraph):
            return self._value(node, ELI.is_part_of)
        if self.is_a(node, ICP.Target):
            return min(self.data.subjects(ICP.setsTarget, node), default=None)
        return None

    def place(self, document) -> str:
        place = self._value(document, ELI.jurisdiction)
        name = self.label(place) if place is not None else ""
        return name.removesuffix("省").removesuffix(" Province")

    def item(self, node) -> str:
        """“任务 11 构建工业遗产分级保护体系” for an item; the label for anything else."""
        if not self.is_a(node, ICP.Task):
            return self.label(node)
        kind = str(self._value(node, ICP.taskKind) or "").rsplit("/", 1)[-1]
        word = KIND_WORDS[self.language].get(kind, "")
        number = str(self._value(node, ELI.number) or "").rstrip(".、")
        return " ".join(part for part in (word, number, self.label(node)) if part)

    def subject(self, finding: Finding, document) -> str:
        focus = finding.focus
        if focus == document or self.is_a(focus, ICP.PolicyDocument) or (document and finding.value == document):
            return self.place(document) if document is not None else self.label(focus)
        named = self.item(self.holder(focus) or focus)
        return f"{self.place(document)} {named}" if document is not None else named


def _where(finding: Finding) -> str:
    if finding.location is None:
        return ""
    path = finding.location.path
    try:
        shown = Path(os.path.relpath(path))
    except ValueError:
        shown = path
    return f"  ({shown}:{finding.location.line})" if finding.location.line else f"  ({shown})"


def _counts_line(counts: Counter, language: str) -> str:
    if language == "zh":
        return "，".join(f"{SEVERITY_WORDS['zh'][s]} {counts[s]}" for s in ("Violation", "Warning", "Info"))
    plural = {"Violation": "violations", "Warning": "warnings", "Info": "infos"}
    return ", ".join(f"{counts[s]} {plural[s] if counts[s] != 1 else s.lower()}" for s in ("Violation", "Warning", "Info"))


def text_report(validation: Validation, language: str = "zh") -> str:
    """The findings as text for people, in `language` (zh or en)."""
    describe = _Describer(validation.data, language)

    def ordering(finding: Finding):
        document = describe.document_of(finding)
        line = finding.location.line if finding.location and finding.location.line else 0
        return (document is None, str(document or ""), line, finding.focus_line, finding.severity, finding.message(language))

    lines, counts = [], Counter({severity: 0 for severity in SEVERITY_WORDS[language]})
    findings = sorted(validation.findings, key=ordering)
    for document, group in groupby(findings, key=describe.document_of):
        lines.append(describe.label(document) if document is not None else OUTSIDE_DOCUMENTS[language])
        printed = set()
        for finding in group:
            severity = SEVERITY_WORDS[language][finding.severity]
            message = finding.message(language)
            value = finding.value
            if isinstance(value, URIRef) and value not in (finding.focus, document) and describe.label(value) not in message:
                message += f"（{describe.label(value)}）" if language == "zh" else f" ({describe.label(value)})"
            line = f"  {severity}  {describe.subject(finding, document)}: {message}{_where(finding)}"
            # One value breaking one rule several ways (a datatype, a pattern, a bound) is
            # several SHACL results but one thing to fix: it is printed and counted once.
            if line not in printed:
                printed.add(line)
                lines.append(line)
                counts[finding.severity] += 1
    lines.append(_counts_line(counts, language))
    return "\n".join(lines) + "\n"


def machine_report(validation: Validation, output_format: str) -> str:
    """The standard SHACL validation report as Turtle or JSON-LD."""
    rdf_format = {"turtle": "turtle", "json": "json-ld"}[output_format]
    return validation.report.serialize(format=rdf_format)
