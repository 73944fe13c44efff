"""The exceptions kgtool raises. The CLI maps them to messages and exit codes.

Every error carries one sentence a user can act on; `InputError` also names the
file and, where there is one, the line.
"""

from __future__ import annotations

from pathlib import Path


class KgtoolError(Exception):
    """Base of all expected kgtool errors: bad input or usage (exit code 2)."""

    exit_code = 2


class InputError(KgtoolError):
    """A file kgtool was asked to read is missing, unreadable or malformed."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}")


class ReasoningError(KgtoolError):
    """The closure of the data is inconsistent, or reasoning changed what it must not."""


class BuildMissingError(KgtoolError):
    """A command needs a build and there is none yet."""

    def __init__(self, build_dir: Path):
        self.build_dir = build_dir
        super().__init__(
            f"no build found in {build_dir}; run `kgtool build` first"
        )


class BuildDamagedError(KgtoolError):
    """The build's store cannot be read: a file of it is missing, cut short or garbled."""

    def __init__(self, build_dir: Path, reason: str):
        self.build_dir = build_dir
        super().__init__(f"the build in {build_dir} is damaged ({reason}); run `kgtool build` to make it again")


class EndpointError(KgtoolError):
    """A SPARQL endpoint failed, refused or did not answer; `status` is its HTTP status
    (504 when it did not answer in time, None when it could not be reached)."""

    def __init__(self, message: str, status: int | None = None):
        self.status = status
        super().__init__(message)


class QueryTimeoutError(KgtoolError):
    """A query ran longer than the time it was given and was stopped."""

    def __init__(self, seconds: float, query: str = "the query"):
        self.seconds = seconds
        super().__init__(
            f"{query} ran longer than {seconds:g} s and was stopped; "
            "give it more time with --timeout, or narrow it (a LIMIT, a more selective pattern)"
        )
