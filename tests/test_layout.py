"""The package's layout is what the README's Layout section says: every module of kgtool
named under its stage folder, and imports flowing between stages the one way it says,
with the two exceptions it names."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import REPO

PACKAGE = REPO / "kgtool"
# The stages in the order the data flows through them (README, Layout).
STAGES = ("extract", "register", "store", "check", "ask", "release")
# The imports against the flow the README names: (importing module, imported module).
AGAINST_THE_FLOW = {("extract", "store.load"), ("store.build", "ask.queries")}


def _layout_entries() -> dict[str, str]:
    """Each path of the Layout block with its description, continuation lines joined."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("\n## Layout\n", 1)[1]
    block = section.split("```", 2)[1]
    entries: dict[str, str] = {}
    path = None
    for line in block.splitlines()[1:]:
        if line.startswith(" ") and path:
            entries[path] += " " + line.strip()
        elif line.strip():
            path, _, text = line.partition(" ")
            entries[path] = text.strip()
    return entries


def _modules(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.py")} - {"__init__"}


@pytest.mark.parametrize("stage", STAGES)
def test_the_layout_names_every_module_of_each_stage_folder(stage):
    described = set(re.findall(r"\w+", _layout_entries()[f"kgtool/{stage}/"]))
    assert _modules(PACKAGE / stage) - described == set()


def test_the_layout_names_every_module_at_the_top_of_the_package_and_no_other_folder():
    entries = _layout_entries()
    described = set(re.findall(r"\w+", entries["kgtool/*.py"]))
    assert _modules(PACKAGE) - {"__main__"} - described == set()
    code_folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert code_folders == set(STAGES)


def _stage_imports() -> set[tuple[str, str]]:
    """(importing module, imported module) for each import from one stage into another,
    modules named under kgtool without the prefix: ("store.build", "ask.queries")."""
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                source_stage, target_stage = module.split(".")[0], target.split(".")[0]
                if source_stage in STAGES and target_stage in STAGES and source_stage != target_stage:
                    edges.add((module, target))
    return edges


def _stage(module: str) -> int:
    return STAGES.index(module.split(".")[0])


def _named_exception(source: str, target: str) -> bool:
    return (source, target) in AGAINST_THE_FLOW or (source.split(".")[0], target) in AGAINST_THE_FLOW


def test_stages_import_only_the_stages_before_them_but_for_the_two_the_readme_names():
    against = {(source, target) for source, target in _stage_imports() if _stage(source) < _stage(target)}
    assert {edge for edge in against if not _named_exception(*edge)} == set()
    # An exception no import makes any more is a sentence of the README to remove.
    for named in AGAINST_THE_FLOW:
        assert any(_named_exception(*edge) and named in {edge, (edge[0].split(".")[0], edge[1])} for edge in against)
