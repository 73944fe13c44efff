"""tests/fixtures/README.md stays true: it lists every fixture (or the folder holding it, when
that folder has a README of its own), every fixture it lists exists, and every file it says
uses a fixture names it."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, REPO

README = FIXTURES / "README.md"


def _table() -> dict[str, list[str]]:
    """Each fixture the README's table lists (a folder ends in /), with the files it says use it."""
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("| ").split(" | ")]
        listed = re.fullmatch(r"`([^`]+)`", cells[0])
        if line.startswith("|") and listed:
            rows[listed.group(1)] = [name.strip() for name in cells[1].split(",")]
    return rows


TABLE = _table()


def _listed(relative: str) -> bool:
    return relative in TABLE or any(relative.startswith(row) for row in TABLE if row.endswith("/"))


def test_every_fixture_is_in_the_readme():
    files = [path.relative_to(FIXTURES).as_posix() for path in FIXTURES.rglob("*") if path.is_file()]
    unlisted = [name for name in files if name != "README.md" and not _listed(name)]
    assert len(files) > len(TABLE) and unlisted == [], f"not listed in {README.relative_to(REPO)}: {unlisted}"


@pytest.mark.parametrize("fixture", sorted(TABLE))
def test_each_listed_fixture_exists_and_each_file_said_to_use_it_names_it(fixture):
    path = FIXTURES / fixture
    if fixture.endswith("/"):
        assert (path / "README.md").is_file(), f"{fixture} is listed as a folder, but has no README of its own"
    else:
        assert path.is_file(), f"{fixture} is listed, but is not in tests/fixtures/"
    # The name as a path segment: in quotes or followed by a slash, not inside another name.
    named = re.compile(rf"(?<![\w.-]){re.escape(path.name)}(?=[/\"'`])")
    for user in TABLE[fixture]:
        source = REPO / user if "/" in user else REPO / "tests" / user
        assert source.is_file(), f"{fixture} is said to be used by {user}, which does not exist"
        assert named.search(source.read_text(encoding="utf-8")), f"{user} does not name {fixture}"
