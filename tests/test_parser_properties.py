"""Properties of the readers of what people write, on inputs Hypothesis makes up: a Turtle
file either loads or is an InputError naming the file and a line it has; a query header
either reads or is an InputError; a plan's text either reads or is an InputError; and a
parameter's value, whatever its characters, stays inside its literal in valid SPARQL.

The number of examples is bounded so the file runs in seconds, and no database of failing
examples is kept: a failure prints the example, which becomes a case of its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgtool.errors import InputError, ParameterError
from kgtool.extract.reading import normalise_text, read_plan
from kgtool.store.load import parse_turtle, read_quads
from kgtool.ask.queries import Parameter, SavedQuery, with_values
from kgtool.ask.query_header import read_header

BOUNDED = settings(max_examples=200, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces Turtle is made of, right and wrong, for texts that come close to parsing.
TURTLE_PIECES = st.sampled_from([
    "@prefix ex: <https://example.org/> .", "@prefix : <https://example.org/> .", "PREFIX ex: <https://example.org/>",
    "@base <https://example.org/> .", "@base <::::> .", "ex:a", "ex:p", ":b", "nope:c", "<https://example.org/x>",
    "<a b>", "<>", "<#frag>", "a", ";", ",", ".", "[", "]", "(", ")", '"工业文化"', '"x"@zh', '"x"@123', '"1"^^ex:t',
    '"""long\nstring"""', "'single'", '"\\uD800"', '"\\u0041"', '"unclosed', "12", "-3.5e2", "true", "_:b1", "#",
    "# comment\n", "\n", " ", "\t", "\ufeff", "\x00", "工业", "{", "}", "^^", "@", "\\",
])
TURTLE_TEXT = st.lists(st.one_of(TURTLE_PIECES, st.text(max_size=4)), max_size=40).map(" ".join)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _assert_names_a_line_of(error: InputError, path: Path, data: bytes) -> None:
    assert error.path == path
    assert error.line is not None, str(error)
    # Oxigraph, as editors do, ends a line at a carriage return too.
    assert 1 <= error.line <= len(data.splitlines()) + 1, str(error)


@BOUNDED
@given(text=TURTLE_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_the_build_reader_loads_a_turtle_file_or_names_its_file_and_line(folder, text, encoding):
    path = folder / "plan.ttl"
    data = text.encode(encoding, errors="replace")
    path.write_bytes(data)
    try:
        read_quads(path, "https://w3id.org/icpkg/graph/plan")
    except InputError as error:
        _assert_names_a_line_of(error, path, data)


@BOUNDED
@given(text=TURTLE_TEXT)
def test_the_rdflib_reader_loads_a_turtle_file_or_names_its_file(folder, text):
    path = folder / "plan.ttl"
    path.write_text(text, encoding="utf-8")
    try:
        parse_turtle(path)
    except InputError as error:
        assert error.path == path
        assert error.line is None or 1 <= error.line <= text.count("\n") + 1, str(error)


HEADER_LINES = st.lists(
    st.one_of(
        st.sampled_from(["summary: s", "description: d", "columns: [a, b]", "tags: [x]", "params:", "  - name: p",
                         "    kind: text", "    kind: iri:https://example.org/", "    description: d", "defaults:",
                         "  - p: 1", "columns: a", "summary: [1, 2]", "param: p | text | | d", "key: 'open",
                         "summary: a: b", "- item", "&anchor x", "*alias", "!!python/object:os.system x", "? x"]),
        st.text(max_size=20),
    ),
    max_size=12,
)


@BOUNDED
@given(lines=HEADER_LINES, blank_between=st.booleans())
def test_a_query_header_reads_or_is_an_input_error(lines, blank_between):
    separator = "\n\n" if blank_between else "\n"
    text = separator.join("#+ " + line for line in lines) + "\nSELECT * WHERE { ?s ?p ?o }\n"
    path = Path("question.rq")
    try:
        header = read_header(path, text)
    except InputError as error:
        assert error.path == path
        assert error.line is None or text.split("\n")[error.line - 1].startswith("#+"), str(error)
    else:
        assert header["summary"] and header["description"] and header["columns"]


@BOUNDED
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8"))),
       suffix=st.sampled_from([".txt", ".docx"]))
def test_a_plan_file_reads_or_is_an_input_error_naming_it(folder, data, suffix):
    path = folder / f"plan{suffix}"
    path.write_bytes(data)
    try:
        plan = read_plan(path)
    except InputError as error:
        assert error.path == path
    else:
        assert plan.text.strip()


@BOUNDED
@given(text=st.text(max_size=300))
def test_normalising_a_plan_text_never_fails_and_is_idempotent(text):
    once, _ = normalise_text(text)
    assert normalise_text(once)[0] == once


# --- parameter binding ------------------------------------------------------------------------

QUERY = "SELECT ?_value WHERE { }"


def _query(kind: str) -> SavedQuery:
    return SavedQuery(name="probe", path=Path("probe.rq"), text=QUERY, summary="s", description="d",
                      columns=("_value",), params=(Parameter("value", kind, "", "a value"),))


def _answers(query: SavedQuery, value: str) -> list:
    """What the query with `value` bound gives on an empty store (Oxigraph parses it first)."""
    text = with_values(query.text, query.bindings({"value": value}))
    return [solution["_value"] for solution in ox.Store().query(text)]


@BOUNDED
@given(value=st.text(min_size=1))
def test_any_text_stays_inside_its_literal(value):
    # Quotes, braces, newlines, '#', "} DROP ALL #": the query parses and binds exactly the value.
    assert _answers(_query("text"), value) == [ox.Literal(value)]


@BOUNDED
@given(value=st.text(min_size=1))
def test_any_text_with_languages_stays_inside_one_literal_per_language(value):
    assert _answers(_query("text@zh,en"), value) == [ox.Literal(value, language="zh"), ox.Literal(value, language="en")]


@BOUNDED
@given(value=st.text(min_size=1))
def test_an_iri_parameter_is_a_name_in_its_namespace_or_refused(value):
    namespace = "https://w3id.org/icpkg/vocab/theme/"
    try:
        answers = _answers(_query("iri:" + namespace), value)
    except ParameterError:
        return
    assert len(answers) == 1 and isinstance(answers[0], ox.NamedNode)
    assert answers[0].value.startswith(namespace) and answers[0].value.removeprefix(namespace) in (value, value.removeprefix(namespace))


@BOUNDED
@given(value=st.text(min_size=1))
def test_an_integer_parameter_is_a_whole_number_or_refused(value):
    try:
        answers = _answers(_query("integer"), value)
    except ParameterError:
        return
    assert answers == [ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))]


def test_the_injection_from_the_issue_is_a_value_not_an_update():
    # The string a user might try (issue 21): it is the literal's content, and nothing is dropped.
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/b"), ox.Literal("c")))
    query = _query("text")
    text = with_values(query.text, query.bindings({"value": '"} DROP ALL #'}))
    assert [s["_value"] for s in store.query(text)] == [ox.Literal('"} DROP ALL #')]
    assert len(store) == 1
