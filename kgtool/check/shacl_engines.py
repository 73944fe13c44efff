"""The SHACL engines `kgtool validate` can run, by the names `--engine` takes.

Apart from kgtool.check.validate so that the CLI, which offers these names as choices,
does not load rdflib and the engines to start any command. kgtool.check.validate.ENGINES
holds an engine for each name here (tests/test_validate.py checks it).
"""

from __future__ import annotations

# Each engine's name with the package that provides it.
ENGINE_PACKAGES = {"turbo": "pyshacl-turbo", "pyshacl": "pyshacl"}
DEFAULT_ENGINE = "turbo"  # where it can take the data; else pySHACL, the reference, saying why


def engine_release(name: str) -> str:
    """The package of the engine `name` and its installed version, as a report names
    the engine that made it: "pyshacl-turbo 0.6.5"."""
    from importlib.metadata import version  # here: only a validation needs it

    package = ENGINE_PACKAGES[name]
    return f"{package} {version(package)}"
