"""The exceptions kgtool raises. The CLI maps them to messages and exit codes.

Every error carries one sentence a user can act on; `InputError` also names the
file and, where there is one, the line. Each class says its exit code: the CLI ends
with it (2, an input or usage error, for all of them, as pySHACL documents its codes;
1 is not an error but `kgtool validate` finding a Violation). All are exported by
`kgtool`, so a notebook catches what the command line reports.
"""

from __future__ import annotations

from pathlib import Path


class KgtoolError(Exception):
    """Base of all expected kgtool errors: bad input or usage (exit code 2). Raise one
    of its subclasses; catch this one to catch them all."""

    exit_code = 2


# --- the project, its files and the options given --------------------------------------


class ProjectError(KgtoolError):
    """No icpkg project is found, or the project lacks what the command needs (Turtle
    files in ontology/ and graphs/)."""

    exit_code = 2


class InputError(KgtoolError):
    """A file kgtool was asked to read is missing, unreadable or malformed."""

    exit_code = 2

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}")


class OptionError(KgtoolError):
    """An option or argument (of a command, or of the library function behind it) is
    not one kgtool can use: an unknown name, a value of the wrong form, options that go
    together given apart."""

    exit_code = 2


class OutputError(KgtoolError):
    """kgtool refuses to write where it was asked — the place holds files it did not
    make, or it would replace the project's own folders — or the writing failed; what
    was there is left as it was."""

    exit_code = 2


class DependencyError(KgtoolError):
    """An optional package or program this needs is not installed; the message says
    how to install it."""

    exit_code = 2


# --- the build --------------------------------------------------------------------------


class BuildMissingError(KgtoolError):
    """A command needs a build and there is none yet."""

    exit_code = 2

    def __init__(self, build_dir: Path):
        self.build_dir = build_dir
        super().__init__(
            f"no build found in {build_dir}; run `kgtool build` first"
        )


class BuildDamagedError(KgtoolError):
    """The build's store cannot be read: a file of it is missing, cut short or garbled."""

    exit_code = 2

    def __init__(self, build_dir: Path, reason: str):
        self.build_dir = build_dir
        super().__init__(f"the build in {build_dir} is damaged ({reason}); run `kgtool build` to make it again")


class BuildStaleError(KgtoolError):
    """The build must be made again before it is used: another kgtool version made it,
    it lacks a part this version writes (its store, the record of its reasoner), or the
    project's files changed since it was made."""

    exit_code = 2


class ReasoningError(KgtoolError):
    """The closure of the data is inconsistent, or reasoning changed what it must not."""

    exit_code = 2


# --- reading a plan's text (kgtool extract) ---------------------------------------------


class ExtractError(KgtoolError):
    """A plan's text cannot be drafted as asked: it has no outline of numbered items,
    or the document code or jurisdiction given (or read off the text) is not one kgtool
    can use."""

    exit_code = 2


class UnknownActorError(KgtoolError):
    """A name matches no actor, or more than one, in the jurisdiction searched."""

    exit_code = 2


# --- checking ---------------------------------------------------------------------------


class EngineError(KgtoolError):
    """The SHACL engine could not validate the data (its own failure, not a finding)."""

    exit_code = 2


# --- asking -----------------------------------------------------------------------------


class UnknownQueryError(KgtoolError):
    """No saved query has that name."""

    exit_code = 2


class ParameterError(KgtoolError):
    """A parameter is unknown, missing, or its value does not fit its kind."""

    exit_code = 2


class QueryError(KgtoolError):
    """The engine refused a query or failed evaluating it on the build; `reason` is the
    engine's word."""

    exit_code = 2

    def __init__(self, reason: str, query: str = "the query"):
        self.reason = reason
        super().__init__(f"{query} failed on the build: {reason}")


class QueryTimeoutError(KgtoolError):
    """A query ran longer than the time it was given and was stopped."""

    exit_code = 2

    def __init__(self, seconds: float, query: str = "the query"):
        self.seconds = seconds
        super().__init__(
            f"{query} ran longer than {seconds:g} s and was stopped; "
            "give it more time with --timeout, or narrow it (a LIMIT, a more selective pattern)"
        )


class EndpointError(KgtoolError):
    """A SPARQL endpoint failed, refused or did not answer; `status` is its HTTP status
    (504 when it did not answer in time, None when it could not be reached)."""

    exit_code = 2

    def __init__(self, message: str, status: int | None = None):
        self.status = status
        super().__init__(message)


# --- releasing --------------------------------------------------------------------------


class PublishError(KgtoolError):
    """The data cannot be released as it is: a graph names a source file that is not in
    sources/, or an IRI whose path cannot be a page."""

    exit_code = 2


class PushError(KgtoolError):
    """Graphs could not be pushed to a store: there were none (or one was given twice),
    the store refused or failed, or a target graph holds triples and --replace was not
    given; the message says which graphs were pushed before the failure."""

    exit_code = 2


class ServeError(KgtoolError):
    """`kgtool serve` could not start (a port in use, a host that does not resolve), or
    its Oxigraph server or HTTP front stopped."""

    exit_code = 2
