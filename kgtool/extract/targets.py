"""Find the numeric targets a passage of a plan commits to.

A target is a number printed with a counter or a measure (80家, 1.5万人, 50万元,
60%) that the passage commits to: “新增培育 100 家以上省级工业设计中心”,
“工业旅游精品线路达到 80 条左右”, “分别给予不超过50万元资金奖励”. For each one
`find_targets` reads

- the quantity, as a decimal (Chinese numerals converted: 五 → 5, 一百 → 100), and
  the unit as printed, keeping 万/亿 (1.5万人 → 1.5 万人);
- the qualifier, from the word printed next to the number (以上, 左右, 不超过 …),
  or `exactly` where there is none;
- the deadline (“到2025年，…”) that governs it: the last one printed before it in
  its sentence, or in the sentence that introduces the list it is in (a sentence
  ending with “：” followed by numbered lines);
- what is counted, in the text's words: the phrase after the unit (“培育80家左右
  工业类博物馆”), else the phrase before the number (“工业遗产数量达到60个”), else
  for a grant the “对…的” phrase that names who receives it;
- the kind: a sum of money capped by an at-most word or granted (给予, 奖励 …) is a
  funding cap, with whom each grant goes to (项目) as `per`; a number per round
  (每年, 每次, 每两年 …) a recurring quota; 新增 new additions; 达到, 累计 … a
  cumulative total; anything else output;
- whether it is hedged (力争, 争取 before it in its sentence).

Numbers that name, order or date things are not targets: years and periods
(2025年, 2021-2025年), document numbers (〔2021〕54号), ordinals (第二次), list
numbers (（一）, 1.), names and slogans (“五个一”, “555X”, 十四五, 一县一品, 3D),
durations (3个月), ranges (5-10家), counts of a list just given (A、B等4个),
attributes (年营收1亿元以上的企业), the article 一 (一个, 一批), what a clause
frames rather than commits to (聚焦全省20个战略性产业集群) and facts already
achieved (已认定45个).

The qualifier and kind words are the SKOS labels of the target-qualifier and
target-kind vocabularies (`TargetWords`); the other words are the small tables
below. Measured on the five seeds by benchmarks/targets.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SKOS

from ..namespaces import VOCAB
from ..store.load import parse_turtle
from .numbering import chinese_to_int

# Words of the texts that are not vocabulary facts -----------------------------------

# Counters and measures a target's number is printed with, longest first; 万 or 亿
# printed before one stays in the unit. 届 (十九届), 期 (二期), 批 (一批) and 年/月/日
# are left out: before them a number names or dates rather than counts; 部 counts works
# (作品10部) but not in 八部门 or a ministry's name (COUNTED_WORKS).
COUNTERS = ("个百分点", "人次", "家", "个", "项", "条", "名", "所", "座", "处", "位", "人",
            "支", "件", "款", "种", "场", "次", "套", "门", "元", "%", "％")
MAGNITUDES = "万亿"
COUNTED_WORKS = r"部(?![门委署局])"
# Units that measure rather than count: with a floor and 的 they set a threshold for
# what is counted (年营业收入1亿元以上的企业), where a count before 的 still counts
# (80家左右的博物馆) and so does a measure without a floor (设立规模10亿元的基金).
MEASURES = ("元", "%", "％", "人", "人次", "个百分点")
# After 个 these make a duration or a plan's outline, not a count.
NOT_COUNTED_AFTER_GE = ("月", "小时", "工作日", "季度", "年度", "方面", "环节", "阶段")
# Before a number: an ordinal (第二次), a count of the list just given (A、B等4个), or
# no number at all (几十个, 数十家).
VAGUE_OR_ORDINAL = ("第", "等", "几", "数")
# Qualifier words that bound a number only printed between it and its unit (100余家,
# 200多个): after the unit they start the next word (10个多功能馆).
INFIX_ONLY = ("余", "多")
# Hedges on the whole commitment (the target-qualifier scheme's scope note): not qualifiers.
HEDGES = ("力争", "争取")
# A clause these open frames what the plan works on; a number they govern is context
# (聚焦全省 20 个战略性产业集群), unless a commitment verb comes between.
# 按 frames a rate (按投入的20%给予最高100万元补助: the 20% is not a target).
FRAMING_WORDS = ("聚焦", "围绕", "依托", "面向", "针对", "立足", "结合", "按照", "按", "根据", "涵盖", "包括")
# Words that state what exists already (已认定45个, 现有…); a kind word after them
# (在现有基础上新增…) makes the number a target again.
FACT_WORDS = ("已", "现有", "共有", "拥有", "目前")
# Verbs that commit to producing, choosing or granting what a number counts. They end a
# frame (依托工业遗产建设20个…) and are dropped from the start of a subject printed
# before its number (新增认定国家工业遗产5项 → 国家工业遗产).
COMMITMENT_VERBS = (
    "培育", "建设", "建成", "打造", "创建", "创成", "争创", "认定", "遴选", "评选", "评定", "表彰",
    "推出", "培树", "选树", "树立", "新建", "扶持", "支持", "推荐", "命名", "发布", "开发", "举办",
    "培训", "培养", "引进", "形成", "布局", "实施", "挖掘", "获评", "给予", "奖励", "补助", "资助",
    "提高", "提升", "增加", "突破", "超过", "带动", "吸引", "接待", "组织", "开展", "征集", "收录",
    "设立", "成立", "筹建", "改造", "保护", "修缮", "申报", "创作", "编纂", "出版", "制定", "授予",
)
# Where a subject printed before its number opens with these, they say where, not what.
SCOPE_WORDS = ("全省", "全市", "全区", "全国", "我省", "我市", "我区", "本省", "本市", "各地", "其中")
SUBJECT_TAILS = ("数量", "规模", "为", "将", "要", "可", "一次", "两次")
# Words that grant money: a sum they give is a cap per grant (分别给予50万元奖励) even
# where no at-most word bounds it.
GRANT_WORDS = ("给予", "奖励", "补助", "资助", "奖补", "补贴")
# Whom a grant goes to: what 每个/单个 counts, or the end of its subject (…相关项目 → 项目).
GRANTEES = ("项目", "企业", "单位", "个人", "团队", "机构", "基地")
CONJUNCTIONS = ("以及", "和", "及", "与", "、")

OUTPUT, NEW_ADDITIONS, CUMULATIVE, FUNDING_CAP, RECURRING = (
    "output", "new-additions", "cumulative-total", "funding-cap", "recurring-quota")
AT_LEAST, AT_MOST, EXACTLY = "at-least", "at-most", "exactly"

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CHINESE_DIGITS = "〇零一二两三四五六七八九十百千"
_NUMBER = rf"(?P<number>(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|[一二两三四五六七八九十][{_CHINESE_DIGITS}]*)"
_CLAUSE_END = re.compile(r"[，；;。！？!?：:\n\t]|(?<!\d),|,(?!\d)")  # not the , of 1,000
_SENTENCE_END = re.compile(r"[。！？!?]")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》|\"[^\"\n]*\"")
_LIST_LINE = re.compile(r"\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[）)]|[①-⑳]|[一二三四五六七八九十]+是|——|—|[●•·■▪◆])")
_DEADLINE = re.compile(r"(?<![\d年\-—–~～])(?:到|至)\s*(?P<a>\d{4})\s*年|(?P<b>\d{4})\s*年\s*(?:底|末)?\s*(?:以)?前")
# The low end of a range printed before a number: 每年5—10家, 2至3场.
_RANGE_LOW = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?|[{_CHINESE_DIGITS}]+)\s*[-—–~～至到]\s*$")
_FREQUENCY = re.compile(r"[一两二三四五]次")
# A clause opening with 对 names whom a grant goes to, up to 的 or the grant's words.
_GRANT_OPENING = re.compile(
    r"(?:^|(?<=[，,；;：:。！？!?\n]))\s*(?P<to>对)(?P<who>[^，,；;。]+?)的?\s*(?=[，,]|分别|给予|最高|一次性|按)")


@dataclass(frozen=True)
class FoundTarget:
    quantity: str        # decimal lexical form: "80", "1.5", "100" (一百)
    unit: str            # as printed: "家", "万元", "%" …
    qualifier: str       # "at-least" | "about" | "at-most" | "exactly"
    year: str | None     # the deadline year governing this target, else None
    subject: str         # what is counted, in the text's words
    kind: str            # "output" | "new-additions" | "cumulative-total" | "funding-cap" | "recurring-quota"
    per: str | None      # "每年", "每两年", "每次", "项目" … where the text gives one
    quote: str           # the words, a verbatim substring of the passage
    start: int           # offset of quote in the passage
    aspirational: bool   # 力争/争取 stands before it


# The vocabularies' words ---------------------------------------------------------------

@dataclass(frozen=True)
class TargetWords:
    """The words the vocabularies give: qualifier words and the kind words of
    new-additions and cumulative-total (each (word, slug), longest first), and the
    round words of recurring-quota (年, 次 … of its labels 每年, 每次 …)."""

    qualifiers: tuple[tuple[str, str], ...]
    kinds: tuple[tuple[str, str], ...]
    rounds: str

    @classmethod
    def from_vocabularies(cls, folder: Path) -> TargetWords:
        """Read the zh labels of target-qualifier.ttl and target-kind.ttl in `folder`."""
        graph = Graph()
        for scheme in ("target-qualifier", "target-kind"):
            graph += parse_turtle(folder / f"{scheme}.ttl")
        qualifiers = _labels(graph, "target-qualifier", (AT_LEAST, "about", AT_MOST))
        kinds = _labels(graph, "target-kind", (NEW_ADDITIONS, CUMULATIVE))
        rounds = "".join(word[1] for word, _ in _labels(graph, "target-kind", (RECURRING,))
                         if len(word) == 2 and word.startswith("每"))
        return cls(qualifiers, kinds, rounds)


def _labels(graph: Graph, scheme: str, slugs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    words = {
        (str(label), slug)
        for slug in slugs
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
        for label in graph.objects(VOCAB[f"{scheme}/{slug}"], prop)
        if getattr(label, "language", None) == "zh"
    }
    return tuple(sorted(words, key=lambda pair: (-len(pair[0]), pair)))


@lru_cache(maxsize=1)
def default_words() -> TargetWords:
    """The words of the vocabularies of the icpkg tree this package is in, or else of
    the project kgtool finds (its --root, $KGTOOL_ROOT or the working directory)."""
    folder = Path(__file__).resolve().parents[2] / "ontology" / "vocab"
    if not (folder / "target-kind.ttl").is_file():
        from ..project import find_project

        folder = find_project().root / "ontology" / "vocab"
    return TargetWords.from_vocabularies(folder)


# Reading a passage -----------------------------------------------------------------------

@dataclass
class _Number:
    """A number printed with a unit: where its digits start, where its unit (and a
    qualifier after it) ends, and the clause it is in."""

    quantity: str
    unit: str
    qualifier: str
    qualifier_before: bool          # the qualifier word stands before the number
    number_start: int
    end: int
    clause_start: int
    clause_end: int


def find_targets(text: str, *, words: TargetWords | None = None) -> list[FoundTarget]:
    """The targets `text` commits to, in text order.

    >>> [(t.quantity, t.unit, t.qualifier, t.kind, t.subject) for t in find_targets("新增培育 100 家以上省级工业设计中心。")]
    [('100', '家', 'at-least', 'new-additions', '省级工业设计中心')]
    """
    words = words or default_words()
    plain = text.translate(_FULLWIDTH_DIGITS)  # same length: offsets hold
    numbers = [n for n in _numbers(plain, words) if _commits(plain, n, words)]
    scopes = _scope_starts(plain)
    targets = []
    for clause_numbers in _by_clause(numbers):
        for index, number in enumerate(clause_numbers):
            after_end, own_start = _split_between(plain, clause_numbers, index)
            targets.extend(_bounds(text, plain, number, _target(text, plain, number, own_start, after_end, scopes, words)))
    return targets


def _bounds(text: str, plain: str, number: _Number, target: FoundTarget) -> list[FoundTarget]:
    """A target printed as a range (每年5—10家) is two: at least its low end, at most its high."""
    low = _RANGE_LOW.search(plain, 0, number.number_start)
    if low is None or target.qualifier != EXACTLY:
        return [target]
    start = min(target.start, low.start())
    quote = text[start:target.start + len(target.quote)]
    return [replace(target, quantity=_decimal(low.group(1)), qualifier=AT_LEAST, quote=quote, start=start),
            replace(target, qualifier=AT_MOST, quote=quote, start=start)]


@lru_cache(maxsize=4)
def _number_pattern(words: TargetWords) -> re.Pattern:
    """A number, a qualifier word between it and its unit if any (100余家), its unit."""
    qualifier_words = "|".join(re.escape(word) for word, _ in words.qualifiers)
    counters = "|".join([re.escape(c) for c in COUNTERS] + [COUNTED_WORKS])
    return re.compile(rf"{_NUMBER}\s*(?P<infix>{qualifier_words})?\s*(?P<unit>[{MAGNITUDES}]?(?:{counters}))")


@lru_cache(maxsize=4)
def _rounds(words: TargetWords) -> re.Pattern:
    """每 and a round word of the vocabulary, with a count between or not: 每年, 每两年."""
    return re.compile(rf"每(?:[\d{_CHINESE_DIGITS}]{{1,3}})?[{words.rounds}]")


def _numbers(text: str, words: TargetWords) -> list[_Number]:
    """Every number printed with a unit that is not inside quotation marks or a title."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    found = []
    for match in _number_pattern(words).finditer(text):
        if any(start <= match.start() < end for start, end in quoted):
            continue
        qualifier, before, end = _qualifier(text, match, words)
        clause_start, clause_end = _clause_span(text, match.start())
        found.append(_Number(_decimal(match["number"]), match["unit"], qualifier, before,
                             match.start(), end, clause_start, clause_end))
    return _share_qualifiers(text, found)


def _share_qualifiers(text: str, numbers: list[_Number]) -> list[_Number]:
    """A qualifier printed before the first of numbers joined by a conjunction bounds
    each of them: 最高分别不超过500万元和300万元."""
    for left, right in zip(numbers, numbers[1:]):
        joined = text[left.end:right.number_start].strip() in CONJUNCTIONS
        if joined and left.qualifier_before and right.qualifier == EXACTLY:
            right.qualifier, right.qualifier_before = left.qualifier, True
    return numbers


def _decimal(number: str) -> str:
    if number[0].isdigit():
        return str(Decimal(number.replace(",", "")))
    return str(chinese_to_int(number))


def _qualifier(text: str, match: re.Match, words: TargetWords) -> tuple[str, bool, int]:
    """The qualifier printed with a number (after its unit, between it and its unit, or
    before it), whether it stands before, and where the number's words end."""
    end = match.end()
    rest = text[end:]
    spaces = len(rest) - len(rest.lstrip())
    for word, slug in words.qualifiers:
        if word not in INFIX_ONLY and rest[spaces:].startswith(word):
            return slug, False, end + spaces + len(word)
    if match["infix"]:
        return dict(words.qualifiers)[match["infix"]], False, end
    before = text[_clause_span(text, match.start())[0]:match.start()].rstrip()
    # Only the words since the last number or conjunction can bound this number: in
    # 培育10家以上、20个, 以上 is the first number's.
    before = re.split(rf"[\d{_CHINESE_DIGITS}]|{'|'.join(CONJUNCTIONS)}", before)[-1]
    for word, slug in words.qualifiers:
        # 最高给予50万元: a word of two characters or more may stand a verb away.
        reach = len(word) + (3 if len(word) > 1 else 0)
        if word not in INFIX_ONLY and word in before[-reach:]:
            return slug, True, end
    return EXACTLY, False, end


def _clause_span(text: str, position: int) -> tuple[int, int]:
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, position)), default=0)
    end_match = _CLAUSE_END.search(text, position)
    return start, end_match.start() if end_match else len(text)


def _commits(text: str, number: _Number, words: TargetWords) -> bool:
    """Whether a number printed with a unit is a commitment rather than a name, an
    ordinal, a range, a duration, an attribute, a frame or a fact."""
    digits = _digits(text, number)
    before = text[:number.number_start].rstrip()
    after = text[number.end:]
    clause_before = text[number.clause_start:number.number_start]
    if before.endswith(VAGUE_OR_ORDINAL):
        return False
    if number.unit in ("%", "％") and re.search(r"按[^，。；]*的$", clause_before):  # 按投资额的10%: a rate
        return False
    if re.match(r"[\u4e00-\u9fff]{0,8}中的", after):  # 156项重点工程中的包钢: a set named, not a count promised
        return False
    if digits == "一":  # 一个, 一家: an article
        return False
    if not digits[0].isdigit() and after[:1] and after[0] in _CHINESE_DIGITS:  # “五个一”, 五位一体
        return False
    if number.unit == "个" and after.startswith(NOT_COUNTED_AFTER_GE):
        return False
    if number.unit.endswith(MEASURES) and number.qualifier == AT_LEAST and after.lstrip().startswith("的"):
        return False
    if _opens_a_label(text, number, words):
        return False
    return not _framed(clause_before) and not _stated_fact(clause_before, words)


def _opens_a_label(text: str, number: _Number, words: TargetWords) -> bool:
    """Whether a number opens a line that is a heading or a table's header cell (五项工程):
    no sentence punctuation and no verb."""
    line_start = text.rfind("\n", 0, number.number_start) + 1
    line_end = text.find("\n", number.number_start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if text[line_start:number.number_start].strip() or re.search(r"[。；;！？!?，,]", line):
        return False
    return not any(word in line for word in (*COMMITMENT_VERBS, *(w for w, _ in words.kinds)))


def _digits(text: str, number: _Number) -> str:
    return re.match(_NUMBER, text[number.number_start:])["number"]


def _last_position(text: str, candidates) -> int:
    return max((text.rfind(word) for word in candidates), default=-1)


def _framed(clause_before: str) -> bool:
    frame = _last_position(clause_before, FRAMING_WORDS)
    return frame >= 0 and frame > _last_position(clause_before, COMMITMENT_VERBS)


def _stated_fact(clause_before: str, words: TargetWords) -> bool:
    fact = _last_position(clause_before, FACT_WORDS)
    if fact < 0:
        return False
    later = clause_before[fact:]
    return not any(word in later for word, _ in words.kinds) and not _DEADLINE.search(later)


def _by_clause(numbers: list[_Number]) -> list[list[_Number]]:
    groups: dict[int, list[_Number]] = {}
    for number in numbers:
        groups.setdefault(number.clause_start, []).append(number)
    return list(groups.values())


def _split_between(text: str, clause: list[_Number], index: int) -> tuple[int, int]:
    """Where the words after a number stop being its subject, and where the words
    before it start being its own (the quote's start): between two numbers of a
    clause, at the conjunction that joins them."""
    number = clause[index]
    own_start = number.clause_start if index == 0 else _join_span(text, clause[index - 1], number)[1]
    last = index == len(clause) - 1
    after_end = number.clause_end if last else _join_span(text, number, clause[index + 1])[0]
    return after_end, own_start


def _join_span(text: str, left: _Number, right: _Number) -> tuple[int, int]:
    """The span of the conjunction between two numbers of a clause (empty where none):
    at the end of the words between them (50个优秀企业和50名…), at their start
    (…200 家左右、工业旅游精品线路达到 80 条), or else the last one."""
    between = text[left.end:right.number_start]
    stripped = between.rstrip()
    for word in CONJUNCTIONS:
        if stripped.endswith(word):
            return left.end + len(stripped) - len(word), left.end + len(stripped)
    lead = len(between) - len(between.lstrip())
    for word in CONJUNCTIONS:
        if between[lead:].startswith(word):
            return left.end + lead, left.end + lead + len(word)
    last = max(((between.rfind(word), word) for word in CONJUNCTIONS), default=(-1, ""))
    if last[0] < 0:
        return right.number_start, right.number_start
    return left.end + last[0], left.end + last[0] + len(last[1])


def _scope_starts(text: str) -> list[int]:
    """Where each stretch that a deadline or a hedge governs starts: each sentence, but
    a sentence ending with “：” at a line's end runs on over the numbered lines after it."""
    starts, introducing, offset = [0], False, 0
    for line in text.splitlines(keepends=True):
        if not line.strip():  # a blank line neither starts nor ends a list
            offset += len(line)
            continue
        if not (introducing and _LIST_LINE.match(line)):
            starts.append(offset)
            starts.extend(offset + m.end() for m in _SENTENCE_END.finditer(line))
            introducing = line.rstrip().endswith(("：", ":"))
        offset += len(line)
    return sorted(set(starts))


def _scope_start(scopes: list[int], position: int) -> int:
    return scopes[bisect_right(scopes, position) - 1]


def _target(text: str, plain: str, number: _Number, own_start: int, after_end: int,
            scopes: list[int], words: TargetWords) -> FoundTarget:
    sentence_before = plain[_scope_start(scopes, number.number_start):number.number_start]
    clause_before = plain[number.clause_start:number.number_start]
    kind, per = _kind(number, clause_before, sentence_before, words)
    subject_after = _subject_after(plain[number.end:after_end])
    grant = _grant(plain, number) if kind == FUNDING_CAP else None
    if grant:
        subject, start, end = grant[0], grant[1], after_end
    elif subject_after:
        subject, start, end = subject_after, own_start, after_end - _trailing(plain[number.end:after_end])
    else:
        own = plain[own_start:number.number_start]
        subject = _subject_before(own, words)
        if not subject and _only_round_or_bound(own, words):  # 每两年评选一次X，每次不超过30个
            subject = _subject_before(_previous_clause(plain, number), words)
        start, end = own_start, number.end
    start += len(plain[start:end]) - len(plain[start:end].lstrip())
    marker = _LIST_LINE.match(plain, start) if start == plain.rfind("\n", 0, start) + 1 else None
    if marker and marker.end() < number.number_start:  # 1.培育…: the list number is no part of the quote
        start = marker.end()
    if kind == FUNDING_CAP:
        per = _grantee(plain[number.clause_start:number.clause_end], subject)
    deadlines = list(_DEADLINE.finditer(sentence_before))
    year = (deadlines[-1]["a"] or deadlines[-1]["b"]) if deadlines else None
    return FoundTarget(
        quantity=number.quantity, unit=number.unit, qualifier=number.qualifier, year=year,
        subject=subject, kind=kind, per=per, quote=text[start:end], start=start,
        aspirational=any(hedge in sentence_before for hedge in HEDGES),
    )


def _kind(number: _Number, clause_before: str, sentence_before: str,
          words: TargetWords) -> tuple[str, str | None]:
    """The kind of a target and, for a quota, the round it is per."""
    if number.unit.endswith("元") and (number.qualifier == AT_MOST or _grants(clause_before)):
        return FUNDING_CAP, None
    rounds = _rounds(words)
    in_clause = list(rounds.finditer(clause_before))
    if in_clause:
        return RECURRING, in_clause[-1].group()
    last = max(((clause_before.rfind(word), slug) for word, slug in words.kinds), default=(-1, OUTPUT))
    if last[0] >= 0:
        return last[1], None
    # 每两年评选一次，不超过30个: a round earlier in the sentence governs a clause that
    # has no verb of its own.
    in_sentence = list(rounds.finditer(sentence_before))
    unbounded = clause_before
    for word, _ in words.qualifiers:  # 不超过 is a bound, not the verb 超过
        unbounded = unbounded.replace(word, "")
    if in_sentence and not any(verb in unbounded for verb in COMMITMENT_VERBS):
        return RECURRING, in_sentence[-1].group()
    return OUTPUT, None


def _grants(clause_before: str) -> bool:
    return any(word in clause_before for word in GRANT_WORDS)


def _grantee(clause: str, subject: str) -> str | None:
    """Whom each grant goes to: 每个项目, 单个企业 …, else the end of the subject."""
    each = re.search(rf"(?:每|单)(?:个|家|项)?({'|'.join(GRANTEES)})", clause)
    if each:
        return each.group(1)
    return next((g for g in GRANTEES if subject.endswith(g)), None)


def _trailing(words_after: str) -> int:
    """How many characters at the end of the words after a number are not its subject."""
    return len(words_after) - len(words_after.rstrip())


def _subject_after(words_after: str) -> str:
    subject = words_after.strip().removeprefix("的").strip()
    return subject.removesuffix("等").strip()


def _strip_words(phrase: str, words) -> str:
    for word in words:
        if phrase.startswith(word):
            return phrase[len(word):]
    return phrase


def _subject_before(phrase: str, words: TargetWords) -> str:
    """The subject printed before its number, without the hedge, deadline, scope,
    round, kind words and verbs around it (力争到 2025 年全省工业遗产数量达到 → 工业遗产)."""
    kind_words = [word for word, _ in words.kinds]
    qualifier_words = [word for word, _ in words.qualifiers]
    rounds = _rounds(words)
    phrase = _LIST_LINE.sub("", phrase, count=1) if _LIST_LINE.match(phrase) else phrase
    previous = None
    while phrase != previous:
        previous = phrase
        phrase = phrase.strip()
        deadline = _DEADLINE.match(phrase)
        round_word = rounds.match(phrase)
        frequency = _FREQUENCY.match(phrase)  # 评选一次: how often, not what
        for prefix in (deadline, round_word, frequency):
            if prefix:
                phrase = phrase[prefix.end():]
        phrase = _strip_words(phrase, HEDGES + SCOPE_WORDS + ("对",))
        phrase = _strip_words(phrase, kind_words)
        stripped = _strip_words(phrase, COMMITMENT_VERBS)
        if len(stripped.strip()) >= 3 or phrase in COMMITMENT_VERBS:  # 建设培训基地: 培训 is the subject's
            phrase = stripped
        for tail in (*kind_words, *qualifier_words, *SUBJECT_TAILS, *COMMITMENT_VERBS):
            if phrase.endswith(tail):
                phrase = phrase[: -len(tail)]
                break
    return phrase.strip()


def _only_round_or_bound(phrase: str, words: TargetWords) -> bool:
    """Whether the words before a number say only how often or how bounded it is."""
    rest = _rounds(words).sub("", phrase)
    for word, _ in words.qualifiers:
        rest = rest.replace(word, "")
    return rest.strip() in ("", "分别") and rest != phrase


def _previous_clause(text: str, number: _Number) -> str:
    """The clause before a number's own one in its sentence (每两年评选一次X，每次不超过30个)."""
    if number.clause_start == 0 or text[number.clause_start - 1] in "。！？!?\n":
        return ""
    start, _ = _clause_span(text, number.clause_start - 1)
    return text[start:number.clause_start - 1]


def _grant(text: str, number: _Number) -> tuple[str, int] | None:
    """Whom a grant goes to where a clause of its sentence opens with 对 (“对…的，给予…”,
    “对…，最高分别不超过…”, “对…分别给予…”): the words after 对, and where 对 stands."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, number.number_start)), default=0)
    openings = list(_GRANT_OPENING.finditer(text, sentence_start, number.number_start))
    if not openings:
        return None
    return openings[-1]["who"].strip(), openings[-1].start("to")
