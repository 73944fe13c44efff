"""How well kgtool.extract.alignment finds the curated alignments and the copied words.

On the seed graphs (graphs/*.ttl, read with rdflib), each plan's items are scored
against the national items and the suggestions compared with the curated
icp:alignsWith links:

  * P@1 — the share of items (with a curated alignment among the candidates) whose
    first suggestion is one of their curated alignments;
  * R@3 — the share of curated alignments among the first three suggestions;
  * via — against both national texts: items whose first suggestion is a 2016 item
    that one of their curated (2021) alignments itself aligns with, its predecessor.

Settings: the Guangdong, Fujian and Jiangsu items against the national 2021 plan's
items, against its items without the general requirements (指导思想, 基本原则, 主要目标,
which no curated alignment names), against the 2021 plan's and the 2016 guidance's
items together, and the 2021 plan's items against the 2016 guidance's.

Then: how precise the first suggestion is above a range of scores (what
ALIGN_THRESHOLD is chosen from); how the n-gram sizes and the title's weight change
the figures; which formulae the plans share (what BOILERPLATE is chosen from); and
the passages each plan copies from the national texts, marked where the curated
graph does not link the two items.

    python benchmarks/alignment.py
"""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kgtool.extract import alignment  # noqa: E402
from kgtool.extract.alignment import ALIGN_THRESHOLD, find_reuse, suggest_alignments  # noqa: E402

ICP = Namespace("https://w3id.org/icpkg/ontology#")
TASK_KIND = Namespace("https://w3id.org/icpkg/vocab/task-kind/")
DOC = "https://w3id.org/icpkg/id/doc/"
PROVINCIAL = ("gd-2023-plan", "fj-2026-plan", "js-task-table")
NATIONAL_2021, NATIONAL_2016 = "cn-2021-plan", "cn-2016-guidance"
THRESHOLDS = (0.10, 0.15, 0.20, 0.25, 0.30, 0.35)


@dataclass
class Seeds:
    texts: dict[str, dict[str, str]]  # document code → item IRI → icp:text
    aligned: dict[str, set[str]]  # item IRI → curated icp:alignsWith
    prose: dict[str, dict[str, str]]  # document code → section or item IRI → icp:text
    general: set[str]  # the items that are general requirements (总体要求)


def load_seeds() -> Seeds:
    graph = Graph()
    for path in sorted((REPO / "graphs").glob("*.ttl")):
        graph.parse(path)
    texts: dict[str, dict[str, str]] = {}
    prose: dict[str, dict[str, str]] = {}
    aligned = {}
    general = {str(item) for item in graph.subjects(ICP.taskKind, TASK_KIND["general-requirement"])}
    for subject, text in graph.subject_objects(ICP.text):
        document = graph.value(subject, ICP.inDocument)
        if document is None:
            continue
        code = str(document).removeprefix(DOC)
        prose.setdefault(code, {})[str(subject)] = str(text)
        if (subject, RDF.type, ICP.Task) in graph:
            texts.setdefault(code, {})[str(subject)] = str(text)
            aligned[str(subject)] = {str(o) for o in graph.objects(subject, ICP.alignsWith)}
    return Seeds(texts, aligned, prose, general)


def short(iri: str) -> str:
    """cn-2021-plan/8 for …/id/task/cn-2021-plan/8."""
    return iri.rsplit("/", 2)[-2] + "/" + iri.rsplit("/", 1)[-1]


@dataclass
class Score:
    items: int = 0
    first_right: int = 0
    links: int = 0
    links_in_three: int = 0
    first_predecessor: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, label: str, via: bool) -> str:
        p1 = self.first_right / self.items if self.items else 0
        r3 = self.links_in_three / self.links if self.links else 0
        row = f"  {label:28} {self.items:5} {self.first_right:4}  {p1:5.2f}"
        row += f" {self.links:6} {self.links_in_three:4}  {r3:5.2f}"
        return row + (f" {self.first_predecessor:5}" if via else "")


@dataclass
class First:
    item: str
    suggestion: str
    score: float
    right: bool


def evaluate(seeds: Seeds, items: dict[str, str], national: dict[str, str]) -> tuple[Score, list[First]]:
    """The score of the suggestions for `items`, and each item's first suggestion."""
    score, firsts = Score(), []
    for item, suggestions in suggest_alignments(items, national).items():
        curated = seeds.aligned[item] & set(national)
        if not curated:
            continue
        right = bool(suggestions) and suggestions[0].national in curated
        score.items += 1
        score.first_right += right
        score.first_predecessor += bool(suggestions) and not right and any(
            suggestions[0].national in seeds.aligned[alignment] for alignment in curated
        )
        score.links += len(curated)
        score.links_in_three += len(curated & {s.national for s in suggestions[:3]})
        if suggestions:
            firsts.append(First(item, suggestions[0].national, suggestions[0].score, right))
    return score, firsts


def print_table(seeds: Seeds, title: str, rows: list[tuple[str, list[str], bool]], via: bool = False) -> list[First]:
    """One row per (document, national documents, whether to leave out their general
    requirements), and a total; the first suggestions, for the threshold table."""
    print(f"\n{title}")
    header = f"  {'items → national':28} {'items':>5} {'@1':>4}  {'P@1':>5} {'links':>6} {'@3':>4}  {'R@3':>5}"
    print(header + (f" {'via':>5}" if via else ""))
    total, firsts = Score(), []
    for code, national_codes, without_general in rows:
        national = {key: text for n in national_codes for key, text in seeds.texts[n].items()}
        if without_general:
            national = {key: text for key, text in national.items() if key not in seeds.general}
        score, document_firsts = evaluate(seeds, seeds.texts[code], national)
        print(score.row(code, via))
        total.add(score)
        firsts += document_firsts
    if len(rows) > 1:
        print(total.row("all", via))
    return firsts


def print_thresholds(seeds: Seeds, label: str, firsts: list[First]) -> None:
    """How many first suggestions score above each threshold and how many are right;
    then the wrong ones above the lowest threshold."""
    cells = []
    for threshold in THRESHOLDS:
        above = [first.right for first in firsts if first.score > threshold]
        cells.append(f">{threshold:.2f}: {sum(above):2}/{len(above):2}")
    print(f"  {label:24} " + "  ".join(cells) + f"   (of {len(firsts)}, {sum(f.right for f in firsts)} right)")
    for first in sorted(firsts, key=lambda f: -f.score):
        if not first.right and first.score > THRESHOLDS[0]:
            curated = " ".join(sorted(short(a) for a in seeds.aligned[first.item]))
            print(f"    wrong: {short(first.item)} → {short(first.suggestion)} {first.score:.4f} (curated: {curated})")


@contextmanager
def weighting(ngram_sizes: tuple[int, ...], title_weight: float):
    """The scoring with other n-gram sizes or title weight, for the comparison only."""
    saved = alignment.NGRAM_SIZES, alignment.TITLE_WEIGHT
    alignment.NGRAM_SIZES, alignment.TITLE_WEIGHT = ngram_sizes, title_weight
    try:
        yield
    finally:
        alignment.NGRAM_SIZES, alignment.TITLE_WEIGHT = saved


def print_variants(seeds: Seeds) -> None:
    """P@1 and R@3 with other n-gram sizes and title weights, and how cleanly the score
    separates right first suggestions from wrong ones: the highest score of a wrong
    one, and how many right ones score above it (what a threshold can keep)."""
    print("\nVariants (provincial items against cn-2021-plan; cn-2021-plan against cn-2016-guidance)")
    print(
        f"  {'n-grams, title weight':24} {'prov P@1':>9} {'R@3':>5}  {'nat P@1':>8} {'R@3':>5}"
        f"  {'top wrong':>9} {'right above':>11}"
    )
    national_2021, national_2016 = seeds.texts[NATIONAL_2021], seeds.texts[NATIONAL_2016]
    for sizes in ((2,), (2, 3), (1, 2)):
        for title_weight in (1.0, 1.5, 2.0, 3.0):
            with weighting(sizes, title_weight):
                provincial, firsts = Score(), []
                for code in PROVINCIAL:
                    score, document_firsts = evaluate(seeds, seeds.texts[code], national_2021)
                    provincial.add(score)
                    firsts += document_firsts
                national, national_firsts = evaluate(seeds, national_2021, national_2016)
            firsts += national_firsts
            top_wrong = max(first.score for first in firsts if not first.right)
            clear = sum(first.right and first.score > top_wrong for first in firsts)
            chosen = " ←" if (sizes, title_weight) == (alignment.NGRAM_SIZES, alignment.TITLE_WEIGHT) else ""
            print(
                f"  {str(sizes) + ', ' + str(title_weight):24} "
                f"{provincial.first_right:3}/{provincial.items:<3}  "
                f"{provincial.links_in_three / provincial.links:5.2f}  "
                f"{national.first_right:3}/{national.items:<3}  {national.links_in_three / national.links:5.2f}  "
                f"{top_wrong:9.4f} {clear:5}/{len(firsts)}{chosen}"
            )


def print_formulae(seeds: Seeds) -> None:
    """Which texts print each formula, and the shared runs of the documents' own prose
    (sections and general requirements) with earlier documents, formulae included."""
    print("\nFormulae (BOILERPLATE): documents whose items or sections print each")
    for formula in alignment.BOILERPLATE:
        printing = [code for code, texts in sorted(seeds.prose.items()) if any(formula in t for t in texts.values())]
        print(f"  {formula}  {len(printing)}/{len(seeds.prose)}: {', '.join(printing)}")
    saved = alignment.BOILERPLATE
    alignment.BOILERPLATE = ()
    try:
        print("  shared runs of 12+ naming 习近平, 社会主义 or 党的, formulae not set aside:")
        order = [NATIONAL_2016, NATIONAL_2021, *PROVINCIAL]
        for position, code in enumerate(order):
            for earlier in order[:position]:
                for reuse in find_reuse(seeds.prose[code], seeds.prose[earlier]):
                    if any(word in reuse.passage for word in ("习近平", "社会主义", "党的")):
                        print(f"    {short(reuse.item)} ← {short(reuse.reused)}  {reuse.length}  {reuse.passage}")
    finally:
        alignment.BOILERPLATE = saved


def print_reuse(seeds: Seeds, code: str, earlier_codes: list[str]) -> None:
    earlier = {key: text for e in earlier_codes for key, text in seeds.texts[e].items()}
    found = find_reuse(seeds.texts[code], earlier)
    unlinked = [r for r in found if r.reused not in seeds.aligned[r.item]]
    characters = Counter()
    for reuse in found:
        characters[reuse.item] += reuse.length
    print(
        f"\n{code} ← {' + '.join(earlier_codes)}: {len(found)} passages in {len(characters)} items, "
        f"{sum(characters.values())} characters; {len(unlinked)} between items the curated graph does not align"
    )
    for reuse in found:
        mark = " " if reuse.reused in seeds.aligned[reuse.item] else "*"
        where = f"{short(reuse.item):24} ← {short(reuse.reused):28} @{reuse.start:<4}"
        print(f"  {mark} {where} {reuse.length:3}  {reuse.passage}")


def main() -> None:
    seeds = load_seeds()
    both = [NATIONAL_2021, NATIONAL_2016]
    print("Alignment suggestions against the curated icp:alignsWith")
    firsts_2021 = print_table(
        seeds, "Provincial items → cn-2021-plan", [(code, [NATIONAL_2021], False) for code in PROVINCIAL]
    )
    print_table(
        seeds,
        "Provincial items → cn-2021-plan without its general requirements",
        [(code, [NATIONAL_2021], True) for code in PROVINCIAL],
    )
    print_table(
        seeds, "Provincial items → cn-2021-plan + cn-2016-guidance", [(c, both, False) for c in PROVINCIAL], via=True
    )
    firsts_2016 = print_table(seeds, "cn-2021-plan → cn-2016-guidance", [(NATIONAL_2021, [NATIONAL_2016], False)])
    print(f"\nFirst suggestions above a score: right / above (ALIGN_THRESHOLD = {ALIGN_THRESHOLD})")
    print_thresholds(seeds, "provincial → cn-2021", firsts_2021)
    print_thresholds(seeds, "cn-2021 → cn-2016", firsts_2016)
    print_variants(seeds)
    print_formulae(seeds)
    print("\nWord-for-word reuse (* : the curated graph does not align the two items)")
    for code in PROVINCIAL:
        print_reuse(seeds, code, both)
    print_reuse(seeds, NATIONAL_2021, [NATIONAL_2016])


if __name__ == "__main__":
    main()
