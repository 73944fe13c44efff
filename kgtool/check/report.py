"""A validation report a plan analyst can act on, in Chinese or English.

Findings are grouped by document and listed in the order of the file; each line
names the item the way the plan does (“广东 重点任务 11 构建工业遗产分级保护体系”), uses
labels instead of IRIs (kgtool.check.labels, as the pages do), and points to the file and
line. The first line names the SHACL engine that made the report, the last counts
findings by severity. The Turtle and JSON-LD reports say the engine too
(prov:wasAttributedTo).
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import groupby
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SH

from ..namespaces import ELI, ICP
from .labels import OTHER_LANGUAGE, Labels
from .validate import Finding, Validation

SEVERITY_WORDS = {
    "zh": {"Violation": "违规", "Warning": "警告", "Info": "提示"},
    "en": {"Violation": "Violation", "Warning": "Warning", "Info": "Info"},
}
OUTSIDE_DOCUMENTS = {"zh": "登记表、词表与本体", "en": "Registry, vocabularies and ontology"}


class _Describer:
    """Names resources of the data graph the way a reader of the plans would."""

    def __init__(self, data: Graph, language: str):
        self.data = data
        self.language = language
        self.labels = Labels(data)

    # Where a faulty graph gives a node several values (two Chinese titles, two
    # numbers — the finding says so), the least is shown, so the report reads the
    # same whichever store holds the data and in whatever order it lists them.

    def _value(self, node, prop):
        return min(self.data.objects(node, prop), default=None)

    def label(self, node) -> str:
        """The node's name in the report language, else in the other (kgtool.check.labels)."""
        return self.labels.label(node, self.language)

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
        """“重点任务 11 构建工业遗产分级保护体系” for an item; the label for anything else."""
        if not self.is_a(node, ICP.Task):
            return self.label(node)
        number = str(self._value(node, ELI.number) or "").rstrip(".、")
        name = self.labels.name(node, self.language) or self.labels.name(node, OTHER_LANGUAGE[self.language])
        if not (number or name):
            return self.label(node)  # its kind and the end of its IRI, once
        return " ".join(part for part in (self.labels.kind(node, self.language), number, name) if part)

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


ENGINE_LINE = {"zh": "SHACL 引擎：{}", "en": "SHACL engine: {}"}


def text_report(validation: Validation, language: str = "zh") -> str:
    """The findings as text for people, in `language` (zh or en), under the engine that found them."""
    describe = _Describer(validation.data, language)

    def ordering(finding: Finding):
        document = describe.document_of(finding)
        line = finding.location.line if finding.location and finding.location.line else 0
        return (document is None, str(document or ""), line, finding.focus_line, finding.severity, finding.message(language))

    lines = [ENGINE_LINE[language].format(validation.engine_release)]
    counts = Counter({severity: 0 for severity in SEVERITY_WORDS[language]})
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
    """The standard SHACL validation report as Turtle or JSON-LD, attributed (PROV-O) to
    the engine that made it, with why pySHACL did where no engine was named."""
    rdf_format = {"turtle": "turtle", "json": "json-ld"}[output_format]
    report = Graph(namespace_manager=validation.report.namespace_manager)
    report += validation.report
    node = report.value(predicate=RDF.type, object=SH.ValidationReport)
    engine = BNode()
    report.add((node, PROV.wasAttributedTo, engine))
    report.add((engine, RDF.type, PROV.SoftwareAgent))
    report.add((engine, RDFS.label, Literal(validation.engine_release)))
    if validation.engine_reason:
        report.add((node, RDFS.comment, Literal(validation.engine_reason)))
    report.bind("prov", PROV)
    return report.serialize(format=rdf_format)
