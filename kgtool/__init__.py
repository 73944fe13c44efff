"""kgtool — build, validate and query the Industrial Culture Policy Knowledge Graph.

A library first; the `kgtool` command is a thin layer over these functions:

    >>> from kgtool import build, open_build
    >>> result = build()                 # in a clone of icpkg
    >>> result.summary["agencies"]
    >>> graph = open_build().union       # asserted + inferred, an rdflib Graph
"""

__version__ = "0.1.0"

from .build import build, changed_inputs, open_build
from .errors import BuildMissingError, InputError, KgtoolError, ReasoningError
from .load import load_dataset, parse_turtle
from .project import Project, find_project
from .reason import Closure, owl_rl_closure
from .store import Build

__all__ = [
    "Build",
    "BuildMissingError",
    "Closure",
    "InputError",
    "KgtoolError",
    "Project",
    "ReasoningError",
    "build",
    "changed_inputs",
    "find_project",
    "load_dataset",
    "open_build",
    "owl_rl_closure",
    "parse_turtle",
]
