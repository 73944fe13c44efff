"""The README's shell examples, read off the README and run as a reader would run them.

What counts as an example, and how the README marks what is not run:

- every line of a ```sh block is a command (a line ending in `\\` goes on);
- a ``` block whose first line starts with `$ ` is a terminal session: each `$ ` line is
  a command and the lines under it are its output as shown;
- `<!-- output of: COMMAND -->` before a block or a table says it is COMMAND's output
  (COMMAND run above in the same section is not run again);
- every ```python block is one example, run by the virtualenv's `python` in the same
  folder as the commands, statement by statement; where an expression statement ends in a
  comment that starts as a Python value does (a quote, a bracket, a number, True, False,
  None), the comment shows what `repr` gives for it. What Python prints for a block is
  those values, one a line, and nothing else (no output, no warning); an exception is a
  failure with its traceback, its lines those of the README;
- `<!-- not run: REASON -->` before a block says why it is not run here.

In what is shown, a line `…` stands for any lines, `…` in a line for any text, a time
(`0.43 s`) for any time, `^C` for the Ctrl-C that stops a server, `/home/me/icpkg` for
the clone, and `/tmp/` for the temporary folder. Everything else must be as printed:
counts, names, order and spacing.

The commands run in a copy of the working tree (a clone's files, no build) after the
Quick start's first command, with the Quick start's virtualenv activated — `.venv` is
the virtualenv running the tests — in README order. The walk-through of *Adding a new
plan* adds a document, so it runs in a copy of its own, and the figures the README shows
after it stay the repository's. Two things differ from a reader's terminal, so that the
tests never meet another program on this machine: the ports the README uses are
replaced by free ones (`kgtool serve` is given its `--port`), and `/tmp` is a folder of
the test's own. A server (`kgtool serve`, `oxigraph serve`, `python3 -m http.server`)
runs in the background until the end of its README section, then gets Ctrl-C.
"""

from __future__ import annotations

import ast
import difflib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tokenize
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path

from helpers import REPO, free_port

HEADING = re.compile(r"^(#{2,6}) (.+)$")
FENCE = re.compile(r"^```(\S*)\s*$")
NOT_RUN = re.compile(r"^<!-- not run: (.*) -->$")
OUTPUT_OF = re.compile(r"^<!-- output of: (.+) -->$")

OWN_COPY = ("Adding a new plan",)  # sections whose examples change the project's data
# The Quick start's steps that make the environment these tests already run in.
INSTALL_STEPS = re.compile(r"^(python3 -m venv |\.venv/bin/pip install |apt-get )")
SERVERS = ("kgtool serve", "oxigraph serve", "python3 -m http.server")
README_PORTS = ("7878", "7879", "7880", "8000")
CLONE_SHOWN_AS = "/home/me/icpkg"
TIME = re.compile(r" *\d+\.\d+ s\b")
# A comment that shows a value, as repr writes it, not one that says something about it.
VALUE = re.compile(r"""['"(\[{]|-?\d+(\.\d+)?$|(True|False|None)$""")
# What a clone does not hold: the build, releases, environments and caches.
NOT_IN_A_CLONE = {".git", "build", "dist", "release", ".venv", "icpkg.egg-info", ".pytest_cache"}


@dataclass(frozen=True)
class Block:
    """A fenced block, or a table marked as output, with what the README says around it."""

    line: int
    info: str  # the fence's language: sh, python, apache …; "" for plain; "table"
    lines: tuple[str, ...]
    section: str  # the ## heading above it
    heading: str  # the nearest heading above it
    not_run: str | None = None
    output_of: str | None = None


@dataclass(frozen=True)
class Example:
    """One command of the README, with the output it shows (None: none shown)."""

    copy: str  # the examples of one copy run in order in one folder
    heading: str
    line: int
    command: str
    shown: tuple[str, ...] | None = None
    exit_shown: bool = False  # the next example is `echo $?`, which shows the exit status
    again: bool = False  # an `output of:` marker: the output of a command run above
    stop: bool = False  # the end of a section: stop the servers it started
    language: str = "sh"  # or "python": the command is a ```python block's code

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", " ".join(self.command.split()).lower()).strip("-")
        return f"{self.line}-{'stop-' if self.stop else ''}{slug[:60].rstrip('-')}"

    @property
    def server(self) -> bool:
        return self.language == "sh" and self.command.startswith(SERVERS)

    @property
    def what(self) -> str:
        return f"`{self.command}`" if self.language == "sh" else f"the ```{self.language} block"


def blocks(text: str) -> list[Block]:
    """The README's fenced blocks and marked tables, in order."""
    lines = text.splitlines()
    found, section, heading, marker, index = [], "", "", None, 0
    while index < len(lines):
        line = lines[index]
        if match := HEADING.match(line):
            heading = match.group(2)
            section = heading if len(match.group(1)) == 2 else section
            marker = None
        elif NOT_RUN.match(line) or OUTPUT_OF.match(line):
            marker = line
        elif (fence := FENCE.match(line)) or (line.startswith("|") and marker and OUTPUT_OF.match(marker)):
            start = index
            if fence:
                end = lines.index("```", index + 1)
                body, index = lines[index + 1:end], end
            else:
                end = next((i for i in range(index, len(lines)) if not lines[i].startswith("|")), len(lines))
                body, index = lines[index:end], end - 1
            not_run = NOT_RUN.match(marker) if marker else None
            output_of = OUTPUT_OF.match(marker) if marker else None
            found.append(Block(
                start + 1, fence.group(1) if fence else "table", tuple(body), section, heading,
                not_run.group(1) if not_run else None, output_of.group(1) if output_of else None,
            ))
            marker = None
        elif line.strip():
            marker = None
        index += 1
    return found


def _commands(block: Block) -> list[tuple[int, str]]:
    """The commands of a ```sh block with their README lines; in the Quick start, without
    the install steps."""
    commands: list[tuple[int, str]] = []
    for offset, line in enumerate(block.lines):
        if commands and commands[-1][1].endswith("\\"):
            commands[-1] = (commands[-1][0], f"{commands[-1][1]}\n{line}")
        elif line.strip():
            commands.append((block.line + 1 + offset, line))
    if block.section == "Quick start":
        commands = [(n, " && ".join(s for s in c.split(" && ") if not INSTALL_STEPS.match(s))) for n, c in commands]
    return commands


def _session(block: Block, copy: str) -> list[Example]:
    """The commands of a `$ ` block, each with its README line and the lines printed under it."""
    examples: list[Example] = []
    for offset, line in enumerate(block.lines):
        if line.startswith("$ "):
            examples.append(Example(copy, block.heading, block.line + 1 + offset, line[2:], ()))
        else:
            examples[-1] = replace(examples[-1], shown=(*examples[-1].shown, line))
    return examples


def values_shown(code: str) -> dict[int, str]:
    """The comments of a Python block that show an expression statement's value, by the
    line of the block they end (1 for its first); none where the code does not parse
    (running it says why)."""
    try:
        ends = {s.end_lineno for s in ast.parse(code).body if isinstance(s, ast.Expr)}
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (SyntaxError, tokenize.TokenError):
        return {}
    comments = {t.start[0]: t.string[1:].strip() for t in tokens if t.type == tokenize.COMMENT}
    return {line: c for line, c in comments.items() if line in ends and VALUE.match(c)}


def _python(block: Block, copy: str) -> Example:
    code = "\n".join(block.lines)
    shown = tuple(values_shown(code).values())
    return Example(copy, block.heading, block.line, code, shown, language="python")


def examples(text: str) -> list[Example]:
    """Every example of the README that is run, in order, with a stop at the end of each
    section that starts a server."""
    found: list[Example] = []
    for block in blocks(text):
        copy = block.section if block.section in OWN_COPY else "README"
        if block.not_run is not None:
            continue
        if block.output_of:
            found.append(Example(copy, block.heading, block.line, block.output_of, block.lines, again=True))
        elif block.info == "sh":
            found += [Example(copy, block.heading, line, c) for line, c in _commands(block)]
        elif block.info == "" and block.lines and block.lines[0].startswith("$ "):
            found += _session(block, copy)
        elif block.info == "python":
            found.append(_python(block, copy))
    with_stops: list[Example] = []
    for example, following in zip(found, found[1:] + [None]):
        with_stops.append(example)
        if following is not None and following.command == "echo $?":
            with_stops[-1] = replace(example, exit_shown=True)
        if following is None or following.heading != example.heading:
            for server in (e for e in found if e.server and e.heading == example.heading):
                with_stops.append(replace(server, stop=True))
    return with_stops


def matches(shown: tuple[str, ...], printed: str) -> bool:
    """Whether `printed` is what `shown` shows (see the module's docstring)."""
    pattern = []
    for line in shown:
        line = line.removeprefix("^C")
        if line.strip() == "…":
            pattern.append(r"(?:[^\n]*\n)*?")
            continue
        parts = re.split(r"(…| *\d+\.\d+ s\b)", line)
        pattern.append("".join(
            "[^\n]*?" if p == "…" else r" *\d+\.\d+ s" if TIME.fullmatch(p) else re.escape(p) for p in parts
        ) + r"\n")
    return re.fullmatch("".join(pattern), printed) is not None


def difference(shown: tuple[str, ...], printed: str) -> str:
    return "\n".join(difflib.unified_diff(list(shown), printed.splitlines(), "README", "printed", lineterm=""))


@dataclass
class Ran:
    status: int
    output: str  # stdout and stderr as a terminal shows them, clone and ports as the README writes them


@dataclass
class _Server:
    process: subprocess.Popen
    log: Path


@dataclass
class Copy:
    """A copy of the project where the Quick start has run, and what its examples printed."""

    folder: Path
    ports: dict[str, int]
    ran: dict[int, Ran] = field(default_factory=dict)  # by the example's index
    servers: dict[int, _Server] = field(default_factory=dict)
    status: int = 0  # of the last command, for `echo $?`

    @property
    def clone(self) -> Path:
        return self.folder / "icpkg"

    @property
    def tmp(self) -> Path:
        return self.folder / "tmp"

    @classmethod
    def made(cls, folder: Path, quick_start: str) -> tuple["Copy", Ran]:
        venv = Path(sys.prefix)
        assert (venv / "bin" / "activate").is_file(), "run the tests in the Quick start's virtualenv"
        copy = cls(folder, {port: free_port() for port in README_PORTS})
        shutil.copytree(REPO, copy.clone, ignore=_not_in_a_clone)
        (copy.clone / ".venv").symlink_to(venv)
        copy.tmp.mkdir()
        return copy, copy.run(quick_start)

    def command(self, command: str) -> str:
        """The command as run here: free ports, /tmp of the test's own."""
        command = re.sub(r"(?<=[:\s=])(" + "|".join(README_PORTS) + r")\b", lambda m: str(self.ports[m.group(1)]), command)
        if command.startswith("kgtool serve") and "--port" not in command:
            command = command.replace("kgtool serve", f"kgtool serve --port {self.ports['7878']}", 1)
        return re.sub(r"(?<![\w/.])/tmp/", f"{self.tmp}/", command)

    def environment(self) -> dict[str, str]:
        environment = {k: v for k, v in os.environ.items() if k not in ("KGTOOL_ROOT", "VIRTUAL_ENV")}
        return {**environment, "PYTHONUNBUFFERED": "1", "TMPDIR": str(self.tmp)}

    def script(self, command: str, prefix: str = "") -> str:
        # As a reader's shell after the Quick start: the virtualenv activated, and $? the
        # status of the command before.
        return f". .venv/bin/activate\n(exit {self.status})\n{prefix}{self.command(command)}\n"

    def as_shown(self, output: str) -> str:
        output = output.replace(str(self.clone), CLONE_SHOWN_AS).replace(f"{self.tmp}/", "/tmp/")
        for port, free in self.ports.items():
            output = re.sub(rf"(?<=:){free}\b", port, output)
        return "".join(line.rstrip() + "\n" for line in output.splitlines())

    def run(self, command: str, stdin: str = "") -> Ran:
        done = subprocess.run(
            ["bash", "-c", self.script(command)], cwd=self.clone, env=self.environment(),
            input=stdin.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900,
        )
        self.status = done.returncode
        return Ran(done.returncode, self.as_shown(done.stdout.decode("utf-8", "replace")))

    def python(self, example: Example) -> Ran:
        """A ```python block run by the virtualenv's python (on its stdin), with the values
        its comments show printed as repr gives them."""
        # Blank lines before the code give it the README's line numbers, in a traceback too.
        code = "\n" * example.line + self.command(example.command)
        shown = sorted(example.line + line for line in values_shown(example.command))
        return self.run("python -", PYTHON_RUNNER.format(code=code, shown=shown))

    def start(self, index: int, example: Example) -> Ran:
        """Start a server in the background and wait until its page answers."""
        log = self.tmp / f"server-{index}.log"
        command = re.sub(r"\s*&\s*(#.*)?$", "", example.command)
        with log.open("wb") as output:
            process = subprocess.Popen(
                ["bash", "-c", self.script(command, "exec ")], cwd=self.clone, env=self.environment(),
                stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )
        self.servers[index] = _Server(process, log)
        port = next(free for free in self.ports.values() if re.search(rf"\b{free}\b", self.command(command)))
        answer = _wait_for_page(f"http://127.0.0.1:{port}/", process)
        if answer == 200:
            return Ran(0, "")
        printed = log.read_text(encoding="utf-8", errors="replace")
        return Ran(1, f"http://127.0.0.1:{port}/ answered {answer}; the server printed:\n{printed}")

    def stop(self, index: int) -> Ran:
        """Ctrl-C to a server, and everything it printed."""
        server = self.servers.pop(index)
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGINT)
        try:
            status = server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
            return Ran(-1, "it did not stop on Ctrl-C within 30 s\n")
        return Ran(status, self.as_shown(server.log.read_text(encoding="utf-8", errors="replace")))

    def close(self) -> None:
        for index in list(self.servers):
            server = self.servers.pop(index)
            if server.process.poll() is None:
                os.killpg(server.process.pid, signal.SIGKILL)
                server.process.wait()


# Statement by statement, in one namespace, as a reader pasting the block into Python.
PYTHON_RUNNER = """\
import ast
namespace = {{"__name__": "__main__"}}
for statement in ast.parse({code!r}, "README.md").body:
    if statement.end_lineno in {shown!r} and isinstance(statement, ast.Expr):
        print(repr(eval(compile(ast.Expression(statement.value), "README.md", "eval"), namespace)))
    else:
        exec(compile(ast.Module([statement], []), "README.md", "exec"), namespace)
"""


def _wait_for_page(url: str, process: subprocess.Popen, seconds: float = 60) -> int | str:
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return f"nothing: the server exited with {process.returncode}"
        try:
            with direct.open(url, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    return f"nothing within {seconds:.0f} s"


def _not_in_a_clone(folder: str, names: list[str]) -> set[str]:
    if Path(folder) == REPO:
        return {n for n in names if n in NOT_IN_A_CLONE or n.startswith(".build-")}
    return {n for n in names if n in ("__pycache__", ".pytest_cache")}


class Readme:
    """The README's examples, each run once, lazily and in order within its copy."""

    def __init__(self, text: str, folder: Path):
        self.examples = examples(text)
        self.folder = folder
        self.copies: dict[str, Copy] = {}

    @property
    def quick_start(self) -> int:
        return next(i for i, e in enumerate(self.examples) if e.heading == "Quick start")

    def copy(self, name: str) -> Copy:
        if name not in self.copies:
            copy, ran = Copy.made(self.folder / re.sub(r"\W+", "-", name), self.examples[self.quick_start].command)
            if name == self.examples[self.quick_start].copy:
                copy.ran[self.quick_start] = ran
            else:
                assert ran.status == 0, f"the Quick start failed in the copy for {name}:\n{ran.output}"
            self.copies[name] = copy
        return self.copies[name]

    def ran(self, index: int) -> Ran:
        """What example `index` printed, once every example before it in its copy has run."""
        example = self.examples[index]
        copy = self.copy(example.copy)
        for earlier in range(index + 1):
            if self.examples[earlier].copy == example.copy and earlier not in copy.ran:
                try:
                    copy.ran[earlier] = self._run(copy, earlier)
                except (OSError, subprocess.SubprocessError, ValueError) as error:  # recorded, not retried
                    copy.ran[earlier] = Ran(-1, f"the test could not run it: {error!r}\n")
        return copy.ran[index]

    def _run(self, copy: Copy, index: int) -> Ran:
        example = self.examples[index]
        if example.stop:
            started = max(i for i in copy.servers if self.examples[i].command == example.command)
            return copy.stop(started)
        if example.server:
            return copy.start(index, example)
        if example.language == "python":
            return copy.python(example)
        if example.again:
            earlier = [i for i in copy.ran if self.examples[i].command == example.command and not self.examples[i].again]
            if earlier:
                return copy.ran[max(earlier)]
        return copy.run(example.command)

    def close(self) -> None:
        for copy in self.copies.values():
            copy.close()


def check(example: Example, ran: Ran) -> None:
    """Assert that an example did what the README says it does."""
    if example.language == "python":  # the traceback first: it says more than a difference
        assert ran.status == 0, f"README line {example.line}: {example.what} failed:\n{ran.output}"
    shown_now = example.shown is not None and (example.stop or not example.server)
    if shown_now:
        assert matches(example.shown, ran.output), (
            f"README line {example.line}: {example.what} printed something else\n"
            + difference(example.shown, ran.output)
        )
    if example.stop:
        if example.command.startswith("kgtool"):  # Ctrl-C stops it, and it exits 0
            assert ran.status == 0, ran.output
    elif not example.exit_shown:
        assert ran.status == 0, f"README line {example.line}: {example.what} exited {ran.status}:\n{ran.output}"
