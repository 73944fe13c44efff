"""Which national items a new plan's items resemble, and which words they copy.

Two readings of a plan's items against earlier ones, by their texts alone:

* `suggest_alignments` ranks, for each item, the national items its content
  resembles: character n-grams weighted by TF-IDF over the national items,
  compared by cosine. The responsibility clause — “（…牵头，…参与）”,
  “（责任单位：…）”, a table row's responsibility cell after its tab — names
  bodies, not content, and is dropped; so is punctuation (n-grams never span
  it). The title, the item's first phrase, says what the item is about in a few
  words, so its n-grams count `TITLE_WEIGHT` times. The suggestions are
  interpretations for a person to review; `ALIGN_THRESHOLD` is the score above
  which the first one is taken as the alignment.
* `find_reuse` finds the passages an item repeats word for word from an earlier
  item: maximal common runs of at least `min_length` characters, whitespace
  ignored and responsibility clauses not compared, a run lying inside a longer
  one reported not at all, and runs made only of the formulae every plan prints
  left out (`BOILERPLATE`).

Pure Python, no numpy or scikit-learn: the corpus is tens of items of a few
hundred characters, a sparse vector is a dict, and a dependency installed for
forty lines of arithmetic would weigh more than the code. difflib is not used
for reuse: its matching blocks are monotone (a passage copied out of order is
missed) and its autojunk heuristic ignores any character that fills more than
1 % of a text over 200 characters — in the national （八） 工, 业, 遗, 产, 保, 护, 文,
化 and ten more.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

# Figures from benchmarks/alignment.py on the seed graphs: 52 provincial items (gd-2023,
# fj-2026, js-task-table) against the 16 items of cn-2021-plan, 13 items of cn-2021-plan
# against the 28 of cn-2016-guidance, each first suggestion checked against the
# curated icp:alignsWith.
#
# Character n-grams: bigrams carry most Chinese words, trigrams longer terms (博物馆,
# 工业遗产 as 工业遗 + 业遗产). Bigrams alone and bigrams with trigrams find the same
# first suggestions (40/52 and 10/13 or 11/13 right, R@3 0.85), but with trigrams
# the right ones score further above the wrong: 46-47 of 65 right first suggestions
# score above the highest wrong one, against 44-46 with bigrams alone and 38-41
# with single characters added.
NGRAM_SIZES = (2, 3)
# How many times the title's n-grams count (the body counts them once already).
# Measured neutral on the seeds: with weight 1, 1.5, 2 and 3 P@1 stays 40/52 and
# 10/13 and R@3 0.85 and 0.64; above 1.5 it blurs the scores (46 of 65 right first
# suggestions above the highest wrong at 1.5, 43 at 2, 38 at 3). Kept at 1.5: a
# title states the subject in a few words, and the seeds show no cost up to 1.5.
TITLE_WEIGHT = 1.5

# The score above which the first suggestion is recorded as icp:alignsWith. On the
# seeds the first suggestion is right for 40 of 52 provincial items and 10 of 13
# national ones; every wrong one scores at most 0.2163 (fj-2026 （三） of the
# safeguards → cn-2021 （十一）, where the curators chose （十四） and （十六）). Above
# 0.25 the first suggestion is right every time: 31 of 31 provincial items, 10 of 10
# national; above 0.20 it would be 38 of 40 and 10 of 11. Below it, the suggestions
# are left for a person to review.
ALIGN_THRESHOLD = 0.25

# A bracket holding a responsibility clause: a role word inside （…）, (…), or mixed
# halves, as the national plan prints “(工业和信息化部牵头，…参与）”.
_CLAUSE = re.compile(r"[（(][^（）()]*(?:牵头|参与|负责|落实|责任单位)[^（）()]*[）)]")
# The end of a title: an item's first phrase, as the graphs record dcterms:title.
_TITLE_END = re.compile(r"[。，；\n\t]")
_WORD_RUN = re.compile(r"\w+")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Suggestion:
    """A national item (`national`, the caller's key) that an item (`item`)
    resembles, with its cosine `score` in [0, 1] (to 4 decimals) and its `rank`
    from 1."""

    item: str
    national: str
    score: float
    rank: int


@dataclass(frozen=True)
class Reuse:
    """A passage an item (`item`) repeats from an earlier item (`reused`).

    `passage` is verbatim in the item's text, from offset `start`; it is in the
    earlier text too, up to whitespace (a line break one text prints and the other
    does not). `length` counts its characters without whitespace."""

    item: str
    reused: str
    passage: str
    start: int
    length: int


# -- similarity ------------------------------------------------------------------------------


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """(begin, end) of the item's responsibility clauses: the brackets that name a role
    (牵头, 参与, 负责, 落实, 责任单位) and, in a table row, the cell after the tab."""
    spans = [match.span() for match in _CLAUSE.finditer(text)]
    if "\t" in text:
        spans.append((text.index("\t"), len(text)))
    return spans


def _masked(text: str) -> set[int]:
    """The offsets of the characters of the item's responsibility clauses."""
    return {offset for begin, end in _clause_spans(text) for offset in range(begin, end)}


def _content(text: str) -> str:
    """The item's text without its responsibility clauses."""
    masked = _masked(text)
    return "".join(char for offset, char in enumerate(text) if offset not in masked)


def _title(text: str) -> str:
    """The item's first phrase, up to the first 。，；, line break or tab — the title
    the graphs record (a table row without a title sentence gives its first phrase)."""
    return _TITLE_END.split(text.lstrip(), 1)[0]


def _ngrams(text: str) -> Counter:
    """Character n-grams within runs of letters and digits (never across punctuation)."""
    grams: Counter = Counter()
    for run in _WORD_RUN.findall(text):
        for size in NGRAM_SIZES:
            grams.update(run[i : i + size] for i in range(len(run) - size + 1))
    return grams


def _term_counts(text: str) -> Counter:
    content = _content(text)
    counts = _ngrams(content)
    for gram, count in _ngrams(_title(content)).items():
        counts[gram] += (TITLE_WEIGHT - 1) * count  # the body already counts the title once
    return counts


def _inverse_document_frequency(national_counts: list[Counter]) -> dict[str, float]:
    """Smoothed IDF of each n-gram the national items print: ln((1 + N) / (1 + df)) + 1."""
    total = len(national_counts)
    frequency = Counter(gram for counts in national_counts for gram in counts)
    return {gram: math.log((1 + total) / (1 + df)) + 1 for gram, df in frequency.items()}


def _unit_vector(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    """The item's n-grams weighted by TF-IDF and scaled to length 1. An n-gram no
    national item prints (a place, a provincial programme) is left out: it says
    nothing about which national item the item carries out, and would only shrink
    the scores of items with much local detail (on the seeds, 46 of 65 right first
    suggestions score above the highest wrong one; 42 with those n-grams kept at the
    highest weight). Term frequency is sublinear: a bigram printed five times is not
    five times the evidence."""
    vector = {gram: (1 + math.log(count)) * idf[gram] for gram, count in counts.items() if count > 0 and gram in idf}
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {gram: weight / norm for gram, weight in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(gram, 0.0) for gram, weight in a.items())


def suggest_alignments(
    items: Mapping[str, str], national: Mapping[str, str], top: int = 3
) -> dict[str, list[Suggestion]]:
    """For each item (key → text), the `top` national items (key → text) its content
    resembles most, best first; ties in score go to the national item given first.
    An item with no content in common with any national item gets no suggestions."""
    national_counts = [_term_counts(text) for text in national.values()]
    idf = _inverse_document_frequency(national_counts)
    national_vectors = [(key, _unit_vector(c, idf)) for key, c in zip(national, national_counts)]
    suggestions = {}
    for item, text in items.items():
        vector = _unit_vector(_term_counts(text), idf)
        scored = [(_cosine(vector, other), order, key) for order, (key, other) in enumerate(national_vectors)]
        scored.sort(key=lambda entry: (-entry[0], entry[1]))
        best = [entry for entry in scored[:top] if entry[0] > 0]
        suggestions[item] = [
            Suggestion(item, key, round(min(score, 1.0), 4), rank)
            for rank, (score, _, key) in enumerate(best, start=1)
        ]
    return suggestions


# -- reuse -----------------------------------------------------------------------------------

# Formulae every plan prints whatever its subject. A run that, with these taken out,
# keeps fewer than `min_length` characters is not reuse of another plan's words.
# Measured in benchmarks/alignment.py over the texts of the five seed documents'
# items and sections: the only formula in a shared run of 12 or more is
# 习近平新时代中国特色社会主义思想, printed by cn-2021, gd-2023 and fj-2026 (each in
# its 指导思想: “以习近平新时代中国特色社会主义思想为指导，全面” is the run Fujian
# shares with the national plan). 社会主义核心价值观 is the other formula printed by
# three of the five (cn-2016, cn-2021 three times, gd-2023); the national plan wraps
# it in “坚持以社会主义核心价值观引领文化建设”, which a plan copying its guiding
# thought would share. No item of the seeds loses a run to the rule: it is for the
# 指导思想 of a new plan.
BOILERPLATE = ("习近平新时代中国特色社会主义思想", "社会主义核心价值观")
# Separators trimmed from the ends of a run: a passage starts and ends on words.
_SEPARATORS = "，。、；：！？,.;:!?"
# What stands for a character of a responsibility clause when texts are compared; the
# two sides differ, so no run can take in a clause.
_ITEM_MASK, _EARLIER_MASK = "\x00", "\x01"


def _compact(text: str, mask: str) -> tuple[str, list[int]]:
    """The text without whitespace, its responsibility clauses each character replaced
    by `mask`, and for each character of it the offset in `text`."""
    masked = _masked(text)
    offsets = [i for i, char in enumerate(text) if not char.isspace()]
    return "".join(mask if i in masked else text[i] for i in offsets), offsets


def _gram_index(text: str, size: int) -> dict[str, list[int]]:
    index = defaultdict(list)
    for j in range(len(text) - size + 1):
        index[text[j : j + size]].append(j)
    return index


def _maximal_runs(a: str, b: str, min_length: int, index: dict[str, list[int]]) -> list[tuple[int, int]]:
    """(start in a, length) of each common run of a and b that extends neither left
    nor right, at least `min_length` long; `index` maps b's `min_length`-grams to
    their offsets in b."""
    runs = set()
    for i in range(len(a) - min_length + 1):
        for j in index.get(a[i : i + min_length], ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # the run from i - 1 covers it
            length = min_length
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            runs.add((i, length))
    return sorted(runs)


def _trimmed(text: str, start: int, length: int) -> tuple[int, int]:
    """The run without separators at its ends."""
    while length and text[start] in _SEPARATORS:
        start, length = start + 1, length - 1
    while length and text[start + length - 1] in _SEPARATORS:
        length -= 1
    return start, length


def _is_boilerplate(passage: str, min_length: int) -> bool:
    """Whether fewer than `min_length` characters of the passage are left once the
    formulae (BOILERPLATE), whitespace and separators are taken out."""
    rest = _WHITESPACE.sub("", passage)
    for formula in BOILERPLATE:
        rest = rest.replace(formula, "")
    return len(rest.strip(_SEPARATORS)) < min_length


def _outermost(runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The runs not inside a longer run; runs over the same span, with different
    earlier items, are all kept."""
    kept = [
        run
        for run in runs
        if not any(
            other[1] > run[1] and other[0] <= run[0] and run[0] + run[1] <= other[0] + other[1] for other in runs
        )
    ]
    return sorted(kept, key=lambda run: (run[0], -run[1], run[2]))


def find_reuse(items: Mapping[str, str], earlier: Mapping[str, str], min_length: int = 12) -> list[Reuse]:
    """The passages of at least `min_length` characters (whitespace not counted) that
    each item (key → text) shares word for word with an earlier item (key → text), in
    the order of the items and, within one, of the passages' starts.

    Whitespace is ignored when comparing; responsibility clauses are not compared
    (bodies' names are not the plan's words); a passage starts and ends on words,
    not on separators; a run that lies inside a longer run of the same item is not
    reported, nor is a run of formulae (BOILERPLATE). An earlier item under the
    item's own key is the item itself and is skipped."""
    compacted = {key: _compact(text, _EARLIER_MASK)[0] for key, text in earlier.items()}
    indexes = {key: _gram_index(text, min_length) for key, text in compacted.items()}
    found = []
    for item, text in items.items():
        compact, offsets = _compact(text, _ITEM_MASK)
        runs = []
        for key, other in compacted.items():
            if key == item:
                continue
            for start, length in _maximal_runs(compact, other, min_length, indexes[key]):
                start, length = _trimmed(compact, start, length)
                if length >= min_length and not _is_boilerplate(compact[start : start + length], min_length):
                    runs.append((start, length, key))
        for start, length, key in _outermost(list(set(runs))):
            passage = text[offsets[start] : offsets[start + length - 1] + 1]
            found.append(Reuse(item, key, passage, offsets[start], length))
    return found
