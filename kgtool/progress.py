"""How the library reports progress on long steps, and how the command line shows it.

A library function that takes long accepts `progress`, a callable it calls with
a message and, for a counted step, how far it is (`done` of `total`). The
library never prints; a notebook passes its own callable or none, and the
command line shows a bar that redraws in place when it talks to a terminal.
"""

from __future__ import annotations

import sys
from typing import Protocol


class Progress(Protocol):
    def __call__(self, message: str, done: int | None = None, total: int | None = None) -> None: ...


def quiet(message: str, done: int | None = None, total: int | None = None) -> None:
    """Report nothing (the library's default)."""


class TerminalProgress:
    """Progress on stderr for a person at a terminal: a counted step as a bar redrawn in
    place (`[#####.....] 412/1,000 files · 41,233 triples`), any other step as a line.
    Silent when disabled — with --quiet, or when the output goes to a pipe or a file."""

    WIDTH = 30

    def __init__(self, enabled: bool, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self._bar_open = False

    @classmethod
    def for_terminal(cls, quiet: bool = False) -> "TerminalProgress":
        return cls(not quiet and sys.stdout.isatty() and sys.stderr.isatty())

    def __call__(self, message: str, done: int | None = None, total: int | None = None) -> None:
        if not self.enabled:
            return
        if total:
            filled = self.WIDTH * min(done or 0, total) // total
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {done:,}/{total:,} {message}\x1b[K")
            self._bar_open = done < total
            if not self._bar_open:
                self.stream.write("\n")
        else:
            self._close_bar()
            self.stream.write(f"… {message}\n")
        self.stream.flush()

    def _close_bar(self) -> None:
        if self._bar_open:
            self.stream.write("\n")
            self._bar_open = False
