"""Where a project's files are: the ontology, the graphs, the sources, the build.

A project is a folder holding `ontology/` and `graphs/` (a clone of icpkg, or a
researcher's own copy with extra plans). Each input file becomes one named graph
whose IRI is derived from its path, so quad dumps and queries can name it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ProjectError

if TYPE_CHECKING:
    from rdflib import URIRef

INPUT_FOLDERS = ("ontology", "graphs")
# What people write and version: no output of kgtool may replace or enter these.
SOURCE_FOLDERS = (*INPUT_FOLDERS, "shapes", "queries", "sources", ".git")
REGISTRY_FILES = ("agencies.ttl", "places.ttl")  # graphs/ files shared by every document
# Bodies and places `kgtool extract` had to create, one file per extracted document,
# kept apart from the curated registry until a person accepts them.
EXTRACTED_REGISTRY = "registry"
ROOT_ENV = "KGTOOL_ROOT"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def source_folders(self) -> list[Path]:
        """The folders of the checkout people write; outputs may not replace, enter or hold them."""
        return [self.root / name for name in SOURCE_FOLDERS]

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    def input_files(self) -> list[Path]:
        """Every Turtle file the build reads, ontology first, in a stable order."""
        files: list[Path] = []
        for folder in INPUT_FOLDERS:
            files.extend(sorted((self.root / folder).rglob("*.ttl")))
        return files

    def registry_files(self) -> list[Path]:
        """The curated registry, then the bodies and places extraction created."""
        extracted = sorted((self.root / "graphs" / EXTRACTED_REGISTRY).glob("*.ttl"))
        return [self.root / "graphs" / name for name in REGISTRY_FILES] + extracted

    def extracted_registry_file(self, code: str) -> Path:
        return self.root / "graphs" / EXTRACTED_REGISTRY / f"{code}.ttl"

    def register_files(self) -> list[Path]:
        """The national industrial heritage lists `kgtool register` writes, one per batch."""
        return sorted((self.root / "graphs" / "heritage").glob("*.ttl"))

    def document_files(self) -> list[Path]:
        """The graphs of the policy documents: every graphs/*.ttl but the registry."""
        return [p for p in sorted((self.root / "graphs").glob("*.ttl")) if p.name not in REGISTRY_FILES]

    def graph_name(self, path: Path) -> URIRef:
        """The named graph of an input file.

        graphs/<code>.ttl → graph/<code> (the contract for documents);
        ontology/icp.ttl → graph/ontology; ontology/vocab/<s>.ttl → graph/vocab/<s>;
        any other ontology/<p>.ttl → graph/ontology/<p>.
        """
        from .namespaces import GRAPH  # an rdflib Namespace: rdflib is loaded only by those who read graphs

        # Where the file sits in the project names it, not where a symbolic link leads.
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).with_suffix("")
        folder, *rest = relative.parts
        name = "/".join(rest)
        if folder == "graphs":
            return GRAPH[name]
        if name == "icp":
            return GRAPH["ontology"]
        if rest[0] == "vocab":
            return GRAPH[name]
        return GRAPH[f"ontology/{name}"]


def _is_project(folder: Path) -> bool:
    return all((folder / name).is_dir() for name in INPUT_FOLDERS)


def find_project(root: Project | Path | str | None = None) -> Project:
    """The project `root` names — a Project as it is, or the folder it gives — or else
    the one at $KGTOOL_ROOT, or else the nearest folder above the working directory
    that holds ontology/ and graphs/.

    Every library function that takes a `root` resolves it here, once, and passes the
    Project on; a notebook may give a folder, the CLI gives the Project it resolved.

    >>> find_project(Project(Path("/data/icpkg"))).root
    PosixPath('/data/icpkg')
    """
    if isinstance(root, Project):
        return root
    explicit = root if root is not None else os.environ.get(ROOT_ENV)
    if explicit:
        folder = Path(os.path.realpath(Path(explicit).expanduser()))  # a link loop: "not a project"
        if not _is_project(folder):
            raise ProjectError(
                f"{folder} is not an icpkg project: it needs the folders ontology/ and graphs/"
            )
        return Project(folder)
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if _is_project(folder):
            return Project(folder)
    raise ProjectError(
        f"no icpkg project found in {here} or above it (a project holds ontology/ and graphs/); "
        "run kgtool inside a clone of icpkg or pass --root"
    )
