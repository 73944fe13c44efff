"""ASCII slugs for the resources extraction mints: readable, stable, never from order alone."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def pinyin_slug(text: str, characters: int | None = None) -> str:
    """The toneless pinyin of the first `characters` Chinese characters of `text`,
    one word, ASCII letters and digits: 弘扬工匠精神 → hongyanggongjiangjingshen."""
    hanzi = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)[:characters]
    return _NOT_SLUG.sub("", "".join(lazy_pinyin(hanzi)).lower())


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` … where it is taken; the result is added to `taken`."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
