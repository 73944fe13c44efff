"""The header of a saved query: its `#+` lines, read as YAML the way grlc reads them.

grlc (CLARIAH/grlc, `src/gquery.py`, `get_yaml_decorators`) takes every line of a
query that starts with `#+`, strips the leading `#` and `+` characters, joins them
and reads the result with `yaml.safe_load`. kgtool reads the same lines the same way,
so a header kgtool accepts means the same to grlc; unlike grlc, which quietly runs a
query whose header it cannot read, kgtool stops with the file and line.

    #+ summary: One line saying what question the query answers

    #+ description: >-

    #+   More about it, where values come from, caveats.

    #+ tags: [heritage, agencies]

    #+ columns: [jurisdiction, agency, role]

    #+ defaults:

    #+   - theme: heritage

    #+ params:

    #+   - name: theme

    #+     kind: iri:https://w3id.org/icpkg/vocab/theme/

    #+     description: The theme of the items, by its slug

`summary`, `description`, `tags` and `defaults` are grlc's keys (a parameter's
default, by the parameter's name); `columns` and `params` are kgtool's, which grlc
ignores. A parameter is the variable `?_name` in the query (grlc's convention); its
kind is `text`, `text@` and languages (`text@zh,en`: the value once in each),
`integer`, or `iri:` and the namespace its values live in. One without a default
must be given a value.

The blank line after each `#+` line is for SPARQLWrapper: it removes only every
other line of a run of comment lines before it guesses the query's form from the
first SPARQL keyword anywhere in what is left, so words such as “task” or “load” in
a header would make it send a SELECT as an ASK query or an update.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError

REQUIRED_KEYS = ("summary", "description", "columns")
TEXT_KEYS = ("summary", "description")
LIST_KEYS = ("tags", "columns")
PARAMETER_KEYS = ("name", "kind", "description")
_LANGUAGE = r"[a-zA-Z]+(-[a-zA-Z0-9]+)*"
_KIND = re.compile(rf"^(text|text@{_LANGUAGE}(,{_LANGUAGE})*|integer|iri:\S+)$")
_NAME = re.compile(r"^[a-zA-Z0-9]+$")  # what grlc's `?_name` variables allow


def header_yaml(text: str) -> tuple[str, list[int]]:
    """The YAML text grlc reads from a query (its `#+` lines, `#` and `+` stripped from
    their start) and, for each of its lines, the line of the file it comes from."""
    rows = [(number, row.lstrip("#+")) for number, row in enumerate(text.split("\n"), start=1) if row.startswith("#+")]
    return "\n".join(row for _, row in rows), [number for number, _ in rows]


def read_header(path: Path, text: str) -> dict:
    """The header of a query file: summary, description, columns and tags as given
    (lists as tuples), params as a list of dicts (name, kind, default — "" when
    there is none — and description), and any other key as YAML reads it."""
    node, data, lines = _load(path, text)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "the header is not a set of '#+ key: value' lines", line=lines[0])
    if "param" in data:  # the format before grlc's: '#+ param: name | kind | default | description'
        raise InputError(
            path,
            "'#+ param:' is now a 'params:' list (name, kind, description) with the default under 'defaults:'",
            line=_line(node, "param", lines),
        )
    if node is not None and isinstance(node.value, list):  # a mapping; '#+ ~' alone is YAML's null
        _refuse_repeated_keys(path, node, lines)
    missing = [key for key in REQUIRED_KEYS if not data.get(key)]
    if missing:
        raise InputError(path, f"the header lacks {', '.join(missing)} (write '#+ {missing[0]}: …' lines at the top)")
    header = dict(data)
    for key in TEXT_KEYS:
        if not isinstance(data[key], str):
            raise InputError(path, f"header key '{key}' must be text", line=_line(node, key, lines))
    for key in LIST_KEYS:
        if key in data:
            values = data[key]
            if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
                message = f"header key '{key}' must be a list such as [a, b]"
                raise InputError(path, message, line=_line(node, key, lines))
            header[key] = tuple(values)
    header["params"] = _parameters(path, data, node, lines)
    header.pop("defaults", None)
    return header


def _load(path: Path, text: str):
    # The node tree, for the lines of keys, and the data; one parse (what yaml.safe_load does).
    import yaml

    source, lines = header_yaml(text)
    try:
        loader = yaml.SafeLoader(source)
    except yaml.reader.ReaderError as error:  # a control character: YAML reads printable text only
        where = lines[source.count("\n", 0, error.position)] if lines else None
        raise InputError(path, f"the header holds the character {error.character:#06x}, which YAML does not allow",
                         line=where) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = lines[min(mark.line, len(lines) - 1)] if mark and lines else None
        problem = error.problem or error.context
        if "mapping values" in problem:  # a ': ' inside a plain value, the usual slip
            problem += " (a value holding ': ' goes on the next '#+' line, after 'key: >-')"
        raise InputError(path, f"the header is not YAML as grlc reads it: {problem}", line=where) from None
    except yaml.YAMLError as error:
        raise InputError(path, f"the header is not YAML as grlc reads it: {error}") from None
    finally:
        loader.dispose()
    return node, data, lines


def _parameters(path: Path, data: dict, node, lines: list[int]) -> list[dict]:
    params = data.get("params") or []
    if not isinstance(params, list) or not all(isinstance(param, dict) for param in params):
        raise InputError(
            path, "header key 'params' must be a list of '- name: …' entries", line=_line(node, "params", lines)
        )
    defaults = _defaults(path, data, node, lines)
    found = []
    for index, param in enumerate(params):
        entry = _item(node, "params", index)
        where = _line(entry, None, lines)
        unknown = sorted(set(param) - set(PARAMETER_KEYS))
        if unknown:
            hint = (": a default goes under 'defaults:'" if unknown[0] == "default"
                    else f" (it takes {', '.join(PARAMETER_KEYS)})")
            raise InputError(path, f"a param has key '{unknown[0]}'{hint}", line=_line(entry, unknown[0], lines))
        name = param.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            raise InputError(path, "a param needs a name of letters and digits (its variable is ?_name)", line=where)
        kind = param.get("kind")
        if not isinstance(kind, str) or not _KIND.match(kind):
            raise InputError(
                path,
                f"param '{name}' has kind '{kind or ''}'; use text, text@ and languages (text@zh,en), integer"
                " or iri:<namespace>",
                line=_line(entry, "kind", lines),
            )
        description = param.get("description")
        if not isinstance(description, str) or not description:
            raise InputError(path, f"param '{name}' needs a description", line=where)
        if name in (earlier["name"] for earlier in found):
            raise InputError(path, f"param '{name}' is declared twice", line=where)
        found.append({"name": name, "kind": kind, "default": defaults.pop(name, ""), "description": description})
    if defaults:
        stray = next(iter(defaults))
        raise InputError(
            path, f"'defaults' names '{stray}', which is not among the params", line=_line(node, "defaults", lines)
        )
    return found


def _defaults(path: Path, data: dict, node, lines: list[int]) -> dict[str, str]:
    # grlc's form: a list of one-key mappings, `- name: value`.
    entries = data.get("defaults") or []
    message = "header key 'defaults' must be a list of '- name: value' entries"
    if not isinstance(entries, list):
        raise InputError(path, message, line=_line(node, "defaults", lines))
    defaults = {}
    for entry in entries:
        if not isinstance(entry, dict) or len(entry) != 1:
            raise InputError(path, message, line=_line(node, "defaults", lines))
        (name, value), = entry.items()
        if value is None or isinstance(value, (dict, list)) or str(value) == "":
            raise InputError(path, f"the default of '{name}' must be one value", line=_line(node, "defaults", lines))
        defaults[str(name)] = str(value)
    return defaults


def _refuse_repeated_keys(path: Path, node, lines: list[int]) -> None:
    # yaml.safe_load keeps the last of two equal keys without a word.
    seen = set()
    for key, _ in node.value:
        if key.value in seen:
            raise InputError(path, f"header key '{key.value}' appears twice", line=lines[key.start_mark.line])
        seen.add(key.value)


def _item(node, key: str, index: int):
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node.value[index]
    return None


def _line(node, key: str | None, lines: list[int]) -> int | None:
    """The file line of `key` in a mapping node (of the node itself when key is None)."""
    if node is None:
        return None
    if key is None:
        return lines[node.start_mark.line]
    for key_node, _ in getattr(node, "value", []):
        if getattr(key_node, "value", None) == key:
            return lines[key_node.start_mark.line]
    return lines[node.start_mark.line]
