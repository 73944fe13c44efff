"""The errors as a user meets them: every error kgtool raises is a class of kgtool.errors,
exported by `kgtool`, and the command line ends with that class's exit code — so a notebook
catches by type what the command reports, and a script reads the codes the README gives."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgtool
from kgtool import errors
from kgtool.cli import main

from helpers import REPO

PACKAGE = Path(kgtool.__file__).parent
NO_SERVER = "http://127.0.0.1:9/sparql"  # the discard port: refused, were anything sent
ERROR_CLASSES = [value for _, value in inspect.getmembers(errors, inspect.isclass) if value.__module__ == errors.__name__]


def run(*args: str):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def _modules():
    """Each module of the package with its path, imported (not __main__: it runs the command)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        yield path, importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))


@pytest.mark.parametrize("error_class", ERROR_CLASSES, ids=lambda value: value.__name__)
def test_every_error_is_exported_by_kgtool_and_ends_the_command_with_exit_code_2(error_class):
    assert error_class.__name__ in kgtool.__all__
    assert getattr(kgtool, error_class.__name__) is error_class
    assert issubclass(error_class, kgtool.KgtoolError)
    assert error_class.__doc__
    assert error_class.exit_code == 2  # the README: "2 bad input or usage"


def test_no_module_but_kgtool_errors_defines_an_error_or_raises_the_bare_base_class():
    strays, bare = [], []
    for path, module in _modules():
        if module is errors:
            continue
        for name, value in vars(module).items():
            defined_here = inspect.isclass(value) and value.__module__ == module.__name__
            if defined_here and issubclass(value, BaseException):
                # A private exception may carry a signal between two functions of one module.
                if not name.startswith("_") or issubclass(value, errors.KgtoolError):
                    strays.append(f"{module.__name__}.{name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "KgtoolError":
                bare.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert strays == [], "define these in kgtool/errors.py and export them from kgtool"
    assert bare == [], "raise the class of kgtool.errors that says what went wrong"


def test_a_folder_that_is_not_a_project_is_a_project_error_in_the_library_and_on_the_command_line(tmp_path):
    with pytest.raises(kgtool.ProjectError):
        kgtool.find_project(tmp_path)
    result = run("--root", tmp_path, "queries")
    assert result.exit_code == kgtool.ProjectError.exit_code
    folder = tmp_path.resolve()
    assert result.stderr == f"Error: {folder} is not an icpkg project: it needs the folders ontology/ and graphs/\n"


def test_an_unknown_query_is_an_unknown_query_error_in_the_library_and_on_the_command_line():
    with pytest.raises(kgtool.UnknownQueryError):
        kgtool.query("no-such-query", root=REPO)
    # With --endpoint the name is looked up before anything is asked: no build, no server needed.
    result = run("--root", REPO, "query", "no-such-query", "--endpoint", NO_SERVER)
    assert result.exit_code == kgtool.UnknownQueryError.exit_code
    assert result.stderr.startswith(f"Error: no saved query named 'no-such-query' in {REPO / 'queries'} (known: ")
    assert result.stdout == ""


def test_options_that_go_together_given_apart_are_an_option_error():
    result = run("--root", REPO, "push", "--endpoint", NO_SERVER, "--user", "dba")
    assert result.exit_code == kgtool.OptionError.exit_code
    assert result.stderr == (
        "Error: --user and --password-env go together: "
        "a user name, and the environment variable holding its password\n"
    )


def test_the_command_ends_with_the_code_the_error_class_gives(monkeypatch):
    # The one handler reads the class, so a class given its own code changes no command.
    monkeypatch.setattr(kgtool.UnknownQueryError, "exit_code", 3)
    assert run("--root", REPO, "query", "no-such-query", "--endpoint", NO_SERVER).exit_code == 3
