"""Read Turtle files into one dataset, one named graph per file.

Two readers: `read_quads` (Oxigraph's parser, for the build: fast enough for a
national rollout of a thousand files) and `parse_turtle` (rdflib, for a graph a
user works with in Python). Parse failures become `InputError`s that name the
file, the line and the parser's complaint — never a traceback.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Callable, Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD
from rdflib.plugins.parsers.notation3 import BadSyntax

from ..errors import InputError
from ..files import decode_utf8, read_bytes, read_utf8

# Characters RFC 3987 forbids in an IRI; rdflib only logs a warning for them.
_BAD_IRI = re.compile(r'[\s<>"{}|\\^`]')

# Blank nodes and collections nested deeper than any plan needs (they nest two or three
# deep) are refused before parsing: rdflib's parser recurses, and canonicalising nested
# blank nodes grows steeply (1,000 levels: over two minutes; 100,000 crash the process).
MAX_NESTING = 32
_NESTING_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^>\s]*>|#[^\n]*|[\[\]()]"
)


def _check_nesting(path: Path, text: str) -> None:
    """Refuse brackets ([ … ] and ( … )) nested beyond MAX_NESTING, naming the line."""
    if text.count("[") + text.count("(") <= MAX_NESTING:
        return  # too few brackets to nest that deep: no need to scan
    depth = 0
    for token in _NESTING_TOKENS.finditer(text):
        bracket = token.group()
        if bracket in ("[", "("):
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, token.start()) + 1
                raise InputError(path, f"blank nodes or lists nested more than {MAX_NESTING} deep; "
                                       "no plan needs that many levels", line=line)
        elif bracket in ("]", ")"):
            depth = max(depth - 1, 0)


def parse_turtle(path: Path) -> Graph:
    """Parse one Turtle file, or raise InputError naming the file and line."""
    text = read_utf8(path)
    _check_nesting(path, text)
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except BadSyntax as error:
        # rdflib's own count of lines can run past the end of the file; where it stopped cannot.
        line = error._str.decode("utf-8")[: error._i].count("\n") + 1
        raise InputError(path, f"bad Turtle syntax: {error._why}", line=line) from None
    except Exception as error:  # rdflib raises assorted errors for odd input
        raise InputError(path, f"cannot be parsed as Turtle: {error}") from None
    _check_iris(path, text, graph)
    return graph


def _check_iris(path: Path, text: str, graph: Graph) -> None:
    for term in _iris(graph):
        if _BAD_IRI.search(term):
            raise InputError(
                path,
                f"invalid IRI <{term}>: IRIs cannot contain spaces or any of <>\"{{}}|\\^`",
                line=_line_of(text, term.rsplit("/", 1)[-1]),
            )


def _iris(graph: Graph) -> Iterable[str]:
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                yield str(term)


def _line_of(text: str, fragment: str) -> int | None:
    position = text.find(fragment)
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _utf8_bytes(path: Path) -> bytes:
    data = read_bytes(path)
    decode_utf8(path, data)
    return data


def _parsed(path: Path, data: bytes, parse) -> object:
    """What `parse(data, base_iri)` gives, with a syntax error said in kgtool's words."""
    try:
        return parse(data, path.resolve().as_uri())
    except SyntaxError as error:
        raise _syntax_error(path, data, error) from None


def load_into(store, path: Path, graph: str) -> int:
    """Add the triples of one Turtle file to a pyoxigraph store, in the named graph
    `graph`, as `read_quads` gives them; return how many distinct triples it holds.

    Oxigraph reads the file straight into the store, twice as fast as through Python
    quads; but it gives blank nodes random labels, so a file that has any is read
    again through `read_quads`, which labels them from their content."""
    import pyoxigraph as ox

    data = _utf8_bytes(path)
    name = ox.NamedNode(graph)
    _parsed(path, data, lambda data, base: store.load(data, format=ox.RdfFormat.TURTLE, base_iri=base, to_graph=name))
    figures = next(iter(store.query(
        f"SELECT (COUNT(*) AS ?triples) (SUM(IF(isBlank(?s) || isBlank(?o), 1, 0)) AS ?blank) "
        f"WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")))
    if int(figures["blank"].value) == 0:
        return int(figures["triples"].value)
    store.clear_graph(name)
    quads = set(read_quads(path, graph, data=data))
    store.extend(quads)
    return len(quads)


def read_quads(path: Path, graph: str, *, default_graph: bool = False, data: bytes | None = None) -> list:
    """The triples of one Turtle file as pyoxigraph quads in the named graph `graph` (with
    `default_graph`, in the default graph), blank nodes labelled from their content and
    `graph`; or InputError naming the file and line. `data`: the file's bytes, read
    already and known to be UTF-8 (load_into)."""
    import pyoxigraph as ox

    data = _utf8_bytes(path) if data is None else data
    # Only blank nodes nest, and only their canonical labels cost more the deeper they
    # nest; Oxigraph's parser itself keeps its own stack.
    _check_nesting(path, data.decode("utf-8"))
    quads = _parsed(path, data, lambda data, base: list(ox.parse(input=data, format=ox.RdfFormat.TURTLE, base_iri=base)))
    if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads):
        quads = _canonical_blank_nodes(quads, graph)
    if default_graph:
        return quads
    name = ox.NamedNode(graph)
    return [ox.Quad(q.subject, q.predicate, q.object, name) for q in quads]


def _syntax_error(path: Path, data: bytes, error: SyntaxError) -> InputError:
    """Oxigraph's complaint, in our words where it is terse; an invalid IRI quoted."""
    # "Parser error at line 2 column 18: …", "… between line 2 column 11 and line 3 column 1: …"
    why = re.sub(r"^Parser error (?:at|between) line [^:]*: ", "", error.msg)
    if why.startswith("Invalid IRI") and error.lineno:
        line = data.decode("utf-8").splitlines()[error.lineno - 1]
        iri = re.search(r"<([^>]*)>", line[max(error.offset - 1, 0):])
        if iri and _BAD_IRI.search(iri[1]):
            return InputError(
                path, f"invalid IRI <{iri[1]}>: IRIs cannot contain spaces or any of <>\"{{}}|\\^`", line=error.lineno
            )
    return InputError(path, f"bad Turtle syntax: {why}", line=error.lineno)


def _canonical_blank_nodes(quads: list, graph: str) -> list:
    # Blank-node labels from the W3C canonicalisation (RDFC-1.0), so the same input
    # is written out as the same bytes; prefixed by the file's graph, so two files'
    # blank nodes stay apart in one store.
    import pyoxigraph as ox

    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    prefix = "b" + hashlib.sha256(graph.encode("utf-8")).hexdigest()[:8]

    def relabel(term):
        return ox.BlankNode(f"{prefix}{term.value}") if isinstance(term, ox.BlankNode) else term

    return [ox.Quad(relabel(q.subject), q.predicate, relabel(q.object)) for q in dataset]


def load_dataset(
    files: Iterable[Path],
    graph_name: Callable[[Path], URIRef],
) -> Dataset:
    """Parse every file into its own named graph of one dataset."""
    dataset = Dataset()
    for path in files:
        named = dataset.graph(graph_name(path))
        named += canonical_blank_nodes(parse_turtle(path))
    return dataset


def canonical_blank_nodes(graph: Graph) -> Graph:
    """The graph with its blank nodes labelled from their content, not at random, so the
    same input is written out as the same bytes (the build, the release)."""
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        return to_canonical_graph(graph)
    return graph


_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)


def subject_lines(path: Path) -> dict[str, int]:
    """The line on which each subject of a Turtle file first opens a statement.

    Reads the file as people write it (one subject at the start of a line, its
    properties indented), so that a finding about a resource can point to it.
    """
    prefixes: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(read_utf8(path).splitlines(), start=1):
        declared = _PREFIX.match(line)
        if declared:
            prefixes[declared[1]] = declared[2]
            continue
        if not line or line[0].isspace() or line[0] in "#@[(":
            continue
        token = line.split(None, 1)[0]
        if token.startswith("<") and token.endswith(">"):
            iri = token[1:-1]
        elif ":" in token:
            prefix, local = token.split(":", 1)
            if prefix not in prefixes:
                continue
            iri = prefixes[prefix] + local
        else:
            continue
        lines.setdefault(iri, number)
    return lines


def oxigraph_term(term):
    """An rdflib term as pyoxigraph's; None, a pattern's wildcard, stays None."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, Literal):
        # str() of an rdflib Literal is its lexical form, as parsed.
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype or XSD.string))
    raise TypeError(f"not an RDF term: {term!r}")


def rdflib_term(term):
    """A pyoxigraph term as rdflib's."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    # RDF 1.1's plain literals are xsd:strings; rdflib writes them without a datatype.
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD.string else URIRef(datatype))
