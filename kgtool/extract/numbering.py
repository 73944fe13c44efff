"""Numbers as plans print them: Chinese numerals (十六, 二〇二三) and the heading
numbers of a plan's outline (一、 （一） 1. （1） ①), read into integers."""

from __future__ import annotations

import re

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def chinese_to_int(numeral: str) -> int | None:
    """十六 → 16, 二十 → 20, 一百零五 → 105, 二〇二三 → 2023 (digit by digit); None if
    the text is not a Chinese numeral.

    >>> chinese_to_int("十六"), chinese_to_int("二〇二三"), chinese_to_int("三")
    (16, 2023, 3)
    """
    if not numeral or any(c not in _DIGITS and c not in _UNITS for c in numeral):
        return None
    if not any(c in _UNITS for c in numeral):  # 二〇二三: read digit by digit
        value = 0
        for c in numeral:
            value = value * 10 + _DIGITS[c]
        return value
    total, section, digit = 0, 0, 0
    for c in numeral:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            section += (digit or 1) * _UNITS[c]
            digit = 0
    return total + section + digit


def to_int(number: str) -> int | None:
    """The integer a printed number stands for: Arabic (full- or half-width), Chinese or circled."""
    number = number.translate(_FULLWIDTH_DIGITS)
    if number.isdigit():
        return int(number)
    if len(number) == 1 and number in _CIRCLED:
        return _CIRCLED.index(number) + 1
    return chinese_to_int(number)


# A plan's outline, outermost first. Each style's pattern captures the number inside its marks.
HEADING_STYLES: tuple[tuple[int, re.Pattern], ...] = (
    (1, re.compile(r"第([一二三四五六七八九十]+)(?:章|部分)\s*")),
    (1, re.compile(r"([一二三四五六七八九十]+)\s*[、.．]\s*")),
    (2, re.compile(r"[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*")),
    (3, re.compile(r"(\d{1,2})\s*[.．、](?![\d.．])\s*")),
    (4, re.compile(r"[（(]\s*(\d{1,2})\s*[）)]\s*")),
    (5, re.compile(r"([①-⑳])\s*")),
)


# Decimal outlines (1.1, 2.1.1) under 第一章: one rank deeper for every level.
_DECIMAL = re.compile(r"(\d{1,2}(?:[.．]\d{1,2})+)(?![\d.．])\s*")


def heading_number(line: str) -> tuple[int, str, int, str] | None:
    """(rank, the number as printed, its integer value, the rest of the line) of a
    line that opens with an outline number, or None.

    >>> heading_number("（十二）拓宽资金支持渠道。")
    (2, '（十二）', 12, '拓宽资金支持渠道。')
    >>> heading_number("2025年，全省…") is None
    True
    >>> heading_number("2.1.1　开展工业遗产调查认定。")
    (4, '2.1.1', 1, '开展工业遗产调查认定。')
    """
    decimal = _DECIMAL.match(line)
    if decimal and line[decimal.end():decimal.end() + 1] not in "%％万亿元个家项":
        levels = re.split(r"[.．]", decimal.group(1))
        return 1 + len(levels), decimal.group(1), int(levels[-1]), line[decimal.end():]
    for rank, pattern in HEADING_STYLES:
        match = pattern.match(line)
        if match:
            value = to_int(match.group(1))
            if value is None:
                continue
            printed = match.group(0).strip()
            return rank, printed, value, line[match.end():]
    return None
