"""A query's answer: its RDF terms kept, as plain strings for people and as typed
values for programs.

`QueryResult.solutions` holds the pyoxigraph terms the engine gave (None where a
variable is unbound), whichever engine gave them: the build's store, a kept
answer, or a remote endpoint's SPARQL JSON. From them: `cells` and `rows` (every
value as the string a table prints, a tuple or a dict per solution), `records()`
(integers, decimals, dates and years as Python numbers and dates, None for
unbound), `to_dataframe()` (pandas, nullable dtypes) and an HTML table for Jupyter.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property

from ..errors import DependencyError

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    XSD + name for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
}
_FLOATS = {XSD + "double", XSD + "float"}


def _typed(literal):
    # The Python value of a literal whose datatype has one; its lexical form otherwise,
    # or when the form is not valid for the datatype ("abc"^^xsd:decimal).
    datatype, text = literal.datatype.value, literal.value
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype == XSD + "decimal":
            return Decimal(text)
        if datatype in _FLOATS:
            return float(text)
        if datatype == XSD + "boolean":
            return {"true": True, "1": True, "false": False, "0": False}[text.strip()]
        if datatype == XSD + "date":
            return datetime.date.fromisoformat(text)
        if datatype == XSD + "dateTime":
            return datetime.datetime.fromisoformat(text)
        if datatype == XSD + "gYear":
            return int(text)
    except (ValueError, KeyError, InvalidOperation):
        pass
    return text


def python_value(term):
    """The value a program wants for an RDF term: None when unbound, a number, date
    or bool for a literal of such a datatype, the string otherwise (an IRI, a label)."""
    if term is None:
        return None
    if type(term).__name__ == "Literal":
        return _typed(term)
    return term.value


def as_term(value):
    """The RDF term for a Python value given as a query parameter: an RDF term as it
    is; bool, int, Decimal, float, date and datetime as literals of their XSD types."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    if isinstance(value, (NamedNode, BlankNode, Literal)):
        return value
    for kind, datatype in ((bool, "boolean"), (int, "integer"), (Decimal, "decimal"), (float, "double"),
                           (datetime.datetime, "dateTime"), (datetime.date, "date")):
        if isinstance(value, kind):
            text = str(value).lower() if kind is bool else value.isoformat() if hasattr(value, "isoformat") else str(value)
            return Literal(text, datatype=NamedNode(XSD + datatype))
    raise TypeError(f"a parameter value must be a string, a number, a date or an RDF term, not {type(value).__name__}")


def json_value(value):
    """`python_value` as JSON has it: decimals as numbers, dates as ISO strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _dtype(values: list) -> str | None:
    # The nullable pandas dtype every bound value of a column fits, if any but object.
    kinds = {type(value) for value in values if value is not None}
    if not kinds:
        return "string"
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "Int64"
    if kinds <= {int, float, Decimal}:
        return "Float64"
    if kinds <= {datetime.date, datetime.datetime}:
        return "datetime64[ns]"
    if kinds == {str}:
        return "string"
    return None


def _series(pandas, values: list):
    dtype = _dtype(values)
    if dtype == "datetime64[ns]":
        return pandas.to_datetime(pandas.Series(values, dtype=object))
    return pandas.Series(values, dtype=dtype or object)


HTML_ROWS = 100  # a notebook shows the first rows; the rest are in `rows` and the DataFrame


@dataclass
class QueryResult:
    """A query's answer: its columns, and a tuple of terms per solution (None where a
    variable is unbound). `query`, `parameters` and `build` say where it came from."""

    columns: list[str]
    solutions: list[tuple] = field(default_factory=list)
    query: str = ""
    parameters: dict[str, str] = field(default_factory=dict)
    build: str = ""  # the build's fingerprint, or the endpoint's URL

    @classmethod
    def from_answer(cls, answer, **origin) -> "QueryResult":
        """The result of what pyoxigraph answered: solutions of a SELECT; an ASK's one row,
        column `ask`; the triples of a CONSTRUCT or DESCRIBE as subject, predicate, object."""
        from pyoxigraph import Literal, NamedNode

        kind = type(answer).__name__
        if kind == "QuerySolutions":
            return cls([variable.value for variable in answer.variables], [tuple(s) for s in answer], **origin)
        if kind == "QueryBoolean":
            truth = Literal("true" if bool(answer) else "false", datatype=NamedNode(XSD + "boolean"))
            return cls(["ask"], [(truth,)], **origin)
        triples = [(t.subject, t.predicate, t.object) for t in answer]
        return cls(["subject", "predicate", "object"], triples, **origin)

    @cached_property
    def cells(self) -> list[tuple[str, ...]]:
        """One tuple per solution, in column order, of the plain strings a table prints
        ("" where unbound)."""
        # Each distinct term's string is read once: a term recurs down a column (an
        # item's text in every row of its bodies), and a lookup costs half a read.
        strings: dict = {}

        def text(term) -> str:
            if term is None:
                return ""
            string = strings.get(term)
            if string is None:
                string = strings[term] = term.value
            return string

        return [tuple(map(text, solution)) for solution in self.solutions]

    @cached_property
    def rows(self) -> list[dict[str, str]]:
        """One dict per solution, keyed by column, every value the plain string a table
        prints ("" where unbound)."""
        return [dict(zip(self.columns, cells)) for cells in self.cells]

    def records(self) -> list[dict]:
        """One dict per solution with typed values: int, Decimal, float, bool, date for
        literals of those datatypes, str for IRIs and text, None where unbound."""
        return [
            {column: python_value(term) for column, term in zip(self.columns, solution)}
            for solution in self.solutions
        ]

    def to_dataframe(self):
        """The answer as a pandas DataFrame, columns in order, typed with pandas' nullable
        dtypes (Int64, Float64, boolean, string, datetime64; NA or NaT where unbound),
        with `attrs` naming the query, its parameters and the build (pandas is optional)."""
        try:
            import pandas
        except ImportError:
            raise DependencyError("a DataFrame needs pandas, which kgtool does not install: pip install pandas") from None
        frame = pandas.DataFrame(
            {column: _series(pandas, [python_value(s[i]) for s in self.solutions])
             for i, column in enumerate(self.columns)},
            columns=self.columns,
        )
        frame.attrs.update(query=self.query, parameters=dict(self.parameters), build=self.build)
        return frame

    def _repr_html_(self) -> str:
        # Jupyter shows this instead of the dataclass repr.
        from html import escape as e
        head = "".join(f"<th>{e(column)}</th>" for column in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(row[column])}</td>" for column in self.columns) + "</tr>"
            for row in self.rows[:HTML_ROWS]
        )
        shown = f", the first {HTML_ROWS} shown" if len(self.rows) > HTML_ROWS else ""
        caption = f"{e(self.query) + ': ' if self.query else ''}{len(self.rows)} rows{shown}"
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
