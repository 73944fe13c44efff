"""kgtool.extract.reading: a plan file in, one normalised text out, with no word lost."""

from __future__ import annotations

import codecs
import re
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from helpers import FIXTURES, REPO
from kgtool.errors import InputError
from kgtool.extract.reading import PlanText, normalise_text, read_plan

READING = FIXTURES / "extract" / "reading"
SAMPLE = "关于推进工业文化发展的指导意见\n一、总体要求\n（一）指导思想\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path) -> str:
    with pytest.raises(InputError) as raised:
        read_plan(path)
    return raised.value.reason


# -- decoding a .txt -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE with BOM", "gbk"],
)
def test_each_encoding_a_plan_is_saved_in_reads_to_the_same_text(tmp_path, data, encoding):
    plan = read_plan(write(tmp_path, "plan.txt", data))
    assert plan == PlanText(SAMPLE, "txt", encoding, ())


def test_windows_line_ends_are_read_as_plain_line_ends(tmp_path):
    plan = read_plan(write(tmp_path, "plan.txt", SAMPLE.replace("\n", "\r\n").encode("gbk")))
    assert plan.text == SAMPLE


def test_a_file_with_an_unknown_suffix_is_read_as_text(tmp_path):
    plan = read_plan(write(tmp_path, "plan.md", "## 一、总体要求\n".encode()))
    assert (plan.text, plan.source_format) == ("一、总体要求\n", "txt")


def test_a_file_no_encoding_decodes_is_refused_with_what_to_do(tmp_path):
    # 0xFF is valid in neither UTF-8 nor GB18030, and no BOM starts the file.
    path = write(tmp_path, "plan.txt", "工业文化".encode() + b"\xff\xff")
    assert refusal(path) == "cannot be decoded as UTF-8, UTF-16 or GB18030; save it as UTF-8 text"


@pytest.mark.parametrize(
    "data, why",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "NUL bytes"),
        ("工业文化".encode() + b"\x01\x02\x03\x04\x05" + "发展".encode(), "5 control characters"),
        (b"The quick brown fox jumps over the lazy dog. " * 6, "no Chinese character"),
    ],
    ids=["NUL bytes", "control characters", "a long text with no Chinese"],
)
def test_a_binary_file_is_refused_as_not_a_text_file(tmp_path, data, why):
    reason = refusal(write(tmp_path, "plan.txt", data))
    assert reason.startswith("is not a text file") and why in reason


@pytest.mark.parametrize("data", [b"", b" \r\n\t\n", codecs.BOM_UTF8, "\u3000\n".encode()])
def test_an_empty_file_is_refused_as_empty(tmp_path, data):
    assert refusal(write(tmp_path, "plan.txt", data)).startswith("is empty")


def test_a_file_of_conversion_debris_only_is_refused_as_empty(tmp_path):
    assert refusal(write(tmp_path, "plan.txt", b"**\n[bookmark: _GoBack]\n")).startswith("is empty")


def test_a_missing_file_and_a_directory_are_refused(tmp_path):
    assert refusal(tmp_path / "absent.txt").startswith("does not exist")
    assert refusal(tmp_path).startswith("is a directory")


@pytest.mark.parametrize("suffix", [".doc", ".pdf", ".wps", ".PDF"])
def test_formats_kgtool_cannot_read_are_refused_with_how_to_convert_them(tmp_path, suffix):
    reason = refusal(write(tmp_path, f"plan{suffix}", b"%PDF-1.7 or a Word 97 file"))
    assert reason.endswith("save it as .docx, or extract its text to a .txt file (e.g. pdftotext)")


# -- normalisation -------------------------------------------------------------------------


def test_line_ends_edges_and_blank_runs_are_normalised():
    # Leading ASCII spaces stay: in a PDF's layout text they put a wrapped cell under its column.
    text = "\ufeff\r\n  为贯彻落实\u3000\r\n\u3000\u3000工业文化\u00a0发展 \r\r\r\n\t序号\t分类\t\n结尾"
    assert normalise_text(text) == ("  为贯彻落实\n工业文化\u00a0发展\n\n\t序号\t分类\n结尾\n", ())


def test_an_empty_table_cell_keeps_its_tab():
    # Jiangsu's table writes one cell a line; an empty grouping cell is a lone tab.
    assert (
        normalise_text("\t2\n\t\n\t建立工业文化教育和实践体系。\n")[0]
        == "\t2\n\t\n\t建立工业文化教育和实践体系。\n"
    )


def test_markdown_and_word_debris_is_removed_but_not_recorded_as_lines():
    text = (
        "## 一、总体要求\n**2.展示工业特色。**全面展示\n[bookmark: _GoBack]在我省支柱产业\n#标签\n"
    )
    assert normalise_text(text) == (
        "一、总体要求\n2.展示工业特色。全面展示\n在我省支柱产业\n#标签\n",
        (),
    )


def test_a_sentence_wrapped_across_lines_stays_wrapped():
    text = "为贯彻落实工业和信息化部等八部门《关于印发〈推进工业文化发展实施方案\n\n（2021-2025年）〉的通知》\n"
    assert normalise_text(text)[0] == text


@pytest.mark.parametrize(
    "page_number",
    ["— 3 —", "- 3 -", "–3–", "－ 3 －", "第3页", "第 3 页 共 12 页", "3/12", "3 / 12"],
)
def test_a_page_number_line_is_removed_and_recorded(page_number):
    text = f"为贯彻落实工业和信息化部等八部门\n  {page_number}  \n《关于印发〈推进工业文化发展实施方案\n"
    assert normalise_text(text) == (
        "为贯彻落实工业和信息化部等八部门\n《关于印发〈推进工业文化发展实施方案\n",
        ((2, page_number),),
    )


@pytest.mark.parametrize("line", ["12/3", "2025/2030", "\t3/12", "第三页"])
def test_a_line_that_only_looks_like_a_page_number_stays(line):
    assert normalise_text(f"工业文化\n{line}\n")[1] == ()


def test_page_numbers_running_headers_and_a_repeated_table_header_are_removed():
    plan = read_plan(READING / "pdf-dash-page-numbers.txt")
    header = "某省推动工业文化发展实施方案（征求意见稿）"
    assert plan.removed == (
        (1, header),
        (17, "— 1 —"),
        (19, header),
        (30, "— 2 —"),
        (32, header),
        (33, "序号   任务                 责任单位"),
        (40, "— 3 —"),
    )
    lines = plan.text.splitlines()
    assert lines.count("序号   任务                 责任单位") == 1
    assert "3      建设工业博物馆       省文旅厅、省工信厅" in lines
    # Recurring, but in the middle of pages: the document's own words.
    assert lines.count("（责任单位：省工信厅）") == 3


@pytest.mark.parametrize(
    "form_feeds", [True, False], ids=["pdftotext's form feeds", "no form feeds"]
)
def test_bare_page_numbers_are_removed_and_a_number_column_survives(form_feeds):
    text = (READING / "pdftotext-bare-page-numbers.txt").read_text(encoding="utf-8")
    normalised, removed = normalise_text(text if form_feeds else text.replace("\f", ""))
    assert removed == ((12, "1"), (28, "2"), (39, "3"))
    lines = normalised.splitlines()
    assert lines[lines.index("序号") : lines.index("序号") + 6] == [
        "序号",
        "任务",
        "责任单位",
        "1",
        "培育示范基地",
        "省文旅厅",
    ]
    assert [line for line in lines if line.isdigit()] == ["1", "2", "3"]


def long_rows_table(number_header: str) -> str:
    rows = "".join(
        f"{n}\n" + "".join(f"第{n}项任务，第{k}行。\n" for k in range(12)) for n in (1, 2, 3)
    )
    return f"{number_header}\n任务\n责任单位\n{rows}"


def test_a_number_column_with_long_rows_is_not_taken_for_page_numbers():
    assert normalise_text(long_rows_table("序号"))[1] == ()
    # Without its 序号 header the same numbers read as pages: the header is what keeps them.
    assert [line for _, line in normalise_text(long_rows_table("项目"))[1]] == ["1", "2", "3"]


def test_a_numbered_heading_at_the_top_of_each_page_is_not_a_running_header():
    pages = [f"— {n} —\n1.建设目标\n" + f"专栏{n}的内容。\n" * 12 for n in (1, 2, 3)]
    assert [line for _, line in normalise_text("".join(pages))[1]] == ["— 1 —", "— 2 —", "— 3 —"]


def test_a_row_number_at_the_foot_of_each_page_is_not_a_running_header():
    pages = [
        "内容。\n" * 12 + f"序号\n项目\n1\n工业博物馆{n}\n2\n旅游线路{n}\n— {n} —\n"
        for n in (1, 2, 3)
    ]
    assert [line for _, line in normalise_text("".join(pages))[1]] == ["— 1 —", "— 2 —", "— 3 —"]


@pytest.mark.parametrize(
    "text",
    [
        "专栏1 工业旅游\n专栏1 工业旅游\n",  # words with a space, not a table
        "序号\t任务\n1\t普查\n专栏2 的任务分工：\n序号\t任务\n1\t认定\n",  # a second table
    ],
    ids=["a spaced line said twice", "a second table with the same header"],
)
def test_a_line_repeated_with_no_page_break_in_between_is_kept(text):
    assert normalise_text(text) == (text, ())


def test_a_recurring_short_line_is_kept_when_no_page_break_is_in_sight():
    text = "".join(
        f"（{n}）任务{n}。\n（责任单位：省工信厅）\n" + "内容。\n" * 12 for n in "一二三四"
    )
    assert normalise_text(text)[1] == ()


# -- the five source texts -------------------------------------------------------------------

# Guangdong's annex prints its header row again after a page break.
DEBRIS_REMOVED_FROM = {"gd-2023-plan": ((174, "序号\t分类\t内容\t责任单位"),)}


@pytest.mark.parametrize(
    "code", ["cn-2016-guidance", "cn-2021-plan", "gd-2023-plan", "fj-2026-plan", "js-task-table"]
)
def test_a_source_text_comes_through_with_no_word_lost(code):
    path = REPO / "sources" / f"{code}.txt"
    plan = read_plan(path)
    assert plan.removed == DEBRIS_REMOVED_FROM.get(code, ())
    dropped = {number for number, _ in plan.removed}
    original = [
        line
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if number not in dropped
    ]
    without_debris = re.sub(r"^\s*#{1,6} ", "", "\n".join(original), flags=re.M)
    assert re.sub(r"\s+", "", plan.text) == re.sub(
        r"\s+|\*\*|\[bookmark: [^\]]*\]", "", without_debris
    )
    assert plan.text.endswith("\n") and not plan.text.endswith("\n\n")


# -- .docx -----------------------------------------------------------------------------------


def test_a_docx_is_read_in_order_with_its_table_one_row_a_line(tmp_path):
    document = docx.Document()
    document.add_paragraph("江苏省工业文化发展任务分工表")
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["序号", "工程", "任务", "责任部门"], strict=True):
        cell.text = text
    group = table.cell(1, 1).merge(table.cell(2, 1))  # one group over two rows
    group.text = "工业文化弘扬传播工程"
    # Word shows nothing of what a continued cell still holds (other tools leave text there).
    table.rows[2]._tr.tc_lst[1].p_lst[0].add_r().text = "隐藏"
    note = table.cell(3, 1).merge(table.cell(3, 3))  # across three columns
    note.text = "说明：以上任务按年度推进。"
    rows = [
        ("1", "建立工业文化基础资源库。", "省工信厅牵头"),
        ("2", "组织工业文化宣传推广。", "省文旅厅牵头"),
    ]
    for row, cells in enumerate(rows, 1):
        for column, text in zip((0, 2, 3), cells, strict=True):
            table.cell(row, column).text = text
    table.cell(1, 3).add_paragraph("省教育厅参与")
    table.cell(3, 0).text = "3"
    document.add_paragraph("各地要加强组织领导。")
    path = tmp_path / "plan.docx"
    document.save(path)

    assert read_plan(path) == PlanText(
        "江苏省工业文化发展任务分工表\n"
        "序号\t工程\t任务\t责任部门\n"
        "1\t工业文化弘扬传播工程\t建立工业文化基础资源库。\t省工信厅牵头 省教育厅参与\n"
        "2\t\t组织工业文化宣传推广。\t省文旅厅牵头\n"
        "3\t说明：以上任务按年度推进。\n"
        "各地要加强组织领导。\n",
        "docx",
        None,
        (),
    )


NUMBERING = f"""
<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="20">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/><w:suff w:val="nothing"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="30">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:pStyle w:val="Heading1"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="40">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>
</w:numbering>
"""


def document_with_numbering():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    return document


def number(paragraph, num_id: int, level: int = 0):
    """Number `paragraph` as Word does: list `num_id`, level `level` (0 is the top)."""
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def read_docx(document, tmp_path) -> str:
    path = tmp_path / "plan.docx"
    document.save(path)
    return read_plan(path).text


def test_word_numbering_of_headings_and_items_is_written_as_word_shows_it(tmp_path):
    document = document_with_numbering()
    for text, level in [
        ("总体要求", 0),
        ("指导思想", 1),
        ("基本原则", 1),
        ("坚持创新引领", 2),
        ("坚持融合发展", 2),
        (None, None),
        ("重点任务", 0),
        ("挖掘工业文化资源", 1),
        ("开展资源调查", 2),
    ] + [(f"第{n}部分", 0) for n in range(3, 12)]:
        if level is None:
            document.add_paragraph("工业文化是工业进步的灵魂。")
        else:
            number(document.add_paragraph(text), 1, level)
    for text, level in [
        ("工业遗产", 0),
        ("普查", 1),
        ("认定", 1),
        ("国家级", 2),
        ("省级", 2),
        ("工业旅游", 0),
        ("示范基地", 1),
    ]:
        number(document.add_paragraph(text), 2, level)
    number(document.add_paragraph("续编"), 3, 0)

    assert read_docx(document, tmp_path) == (
        "一、总体要求\n（一）指导思想\n（二）基本原则\n1. 坚持创新引领\n2. 坚持融合发展\n"
        "工业文化是工业进步的灵魂。\n"
        "二、重点任务\n（一）挖掘工业文化资源\n1. 开展资源调查\n"
        "三、第3部分\n四、第4部分\n五、第5部分\n六、第6部分\n七、第7部分\n八、第8部分\n"
        "九、第9部分\n十、第10部分\n十一、第11部分\n"
        "1. 工业遗产\n1.1 普查\n1.2 认定\n①国家级\n②省级\n2. 工业旅游\n2.1 示范基地\n"
        "5. 续编\n"
    )


def test_a_heading_style_numbered_by_a_list_shows_its_number(tmp_path):
    document = document_with_numbering()
    heading = document.styles["Heading 1"].element
    heading.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="4"/></w:numPr>')
    )
    document.add_heading("总则", level=1)
    document.add_paragraph("为推进工业文化发展，制定本办法。")
    document.add_heading("保障措施", level=1)
    assert (
        read_docx(document, tmp_path)
        == "第一章 总则\n为推进工业文化发展，制定本办法。\n第二章 保障措施\n"
    )


def test_a_number_column_numbered_by_word_shows_its_numbers(tmp_path):
    document = document_with_numbering()
    table = document.add_table(rows=2, cols=2)
    for row, task in enumerate(["建立工业遗产名录", "培育工业旅游基地"]):
        number(table.cell(row, 0).paragraphs[0], 5)
        table.cell(row, 1).text = task
    assert read_docx(document, tmp_path) == "1\t建立工业遗产名录\n2\t培育工业旅游基地\n"


@pytest.mark.parametrize(
    "number_format, value, shown",
    [
        ("chineseCounting", 20, "二十"),
        ("chineseCountingThousand", 101, "一百〇一"),
        ("ideographTraditional", 3, "丙"),  # the heavenly stems, in ECMA-376 as in Word
        ("decimalEnclosedCircle", 21, "㉑"),
        ("decimalZero", 7, "07"),
        ("lowerLetter", 27, "aa"),
        ("upperLetter", 2, "B"),
        ("lowerRoman", 4, "iv"),
        ("upperRoman", 14, "XIV"),
        ("ideographDigital", 105, "一〇五"),
        ("decimalEnclosedParen", 3, "⑶"),
        ("decimalEnclosedFullstop", 2, "⒉"),
        ("decimalFullWidth", 12, "１２"),
    ],
)
def test_each_common_number_format_is_written_as_word_shows_it(
    tmp_path, number_format, value, shown
):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="{value}"/>'
            f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="%1）"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    number(document.add_paragraph("开展工业遗产普查"), 90)
    assert read_docx(document, tmp_path) == f"{shown}）开展工业遗产普查\n"


def test_a_list_defined_by_a_list_style_and_legal_numbering_are_followed(tmp_path):
    document = document_with_numbering()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="60"><w:styleLink w:val="ChapterList"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.insert(
        1,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70"><w:numStyleLink w:val="ChapterList"/></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="6"><w:abstractNumId w:val="60"/></w:num>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="7"><w:abstractNumId w:val="70"/></w:num>')
    )
    document.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="ChapterList"><w:name w:val="Chapter List"/>'
            '<w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>'
        )
    )
    for text, level in [
        ("总则", 0),
        ("适用范围", 1),
        ("基本原则", 1),
        ("任务", 0),
        ("挖掘资源", 1),
    ]:
        number(document.add_paragraph(text), 7, level)
    assert (
        read_docx(document, tmp_path)
        == "第一章 总则\n1.1 适用范围\n1.2 基本原则\n第二章 任务\n2.1 挖掘资源\n"
    )


def test_a_paragraph_reads_as_word_shows_it(tmp_path):
    document = docx.Document()
    body = document.element.body
    for xml in [
        "<w:p><w:r><w:t>推进工业文化</w:t></w:r>"
        '<w:del w:id="1" w:author="审稿人"><w:r><w:delText>删去的字</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="审稿人"><w:r><w:t>高质量</w:t></w:r></w:ins>'
        "<w:r><w:t>发展</w:t><w:tab/><w:t>（责任单位：省工信厅）</w:t></w:r></w:p>",
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>一、总体要求</w:t><w:br/><w:t>（一）指导思想</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    ]:
        body.insert(
            len(body) - 1,
            parse_xml(
                xml.replace("<w:p>", f"<w:p {nsdecls('w')}>", 1).replace(
                    "<w:sdt>", f"<w:sdt {nsdecls('w')}>"
                )
            ),
        )
    # A tracked insertion is text, a deletion is not; a tab is not a table cell here; a
    # content control's paragraphs are the body's; a line break is a line.
    assert (
        read_docx(document, tmp_path)
        == "推进工业文化高质量发展 （责任单位：省工信厅）\n一、总体要求\n（一）指导思想\n"
    )


TEXT_BOX_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def test_a_text_box_is_read_once_after_its_paragraph(tmp_path):
    box = "<w:txbxContent><w:p><w:r><w:t>专栏1 工业旅游精品线路</w:t></w:r></w:p></w:txbxContent>"
    document = docx.Document()
    body = document.element.body
    body.insert(
        len(body) - 1,
        parse_xml(
            f"<w:p {nsdecls('w')} {TEXT_BOX_NAMESPACES}><w:r><w:t>打造工业旅游精品线路。</w:t></w:r>"
            "<w:r><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r></w:p>"
        ),
    )
    assert read_docx(document, tmp_path) == "打造工业旅游精品线路。\n专栏1 工业旅游精品线路\n"


def test_a_damaged_docx_is_refused_as_unreadable(tmp_path):
    truncated = write(tmp_path, "truncated.docx", b"PK\x03\x04\x14\x00\x00\x00broken")
    assert refusal(truncated).startswith("is not a readable .docx file (it is not a zip archive)")
    not_word = tmp_path / "not-word.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("notes.txt", "工业文化")
    assert refusal(not_word).startswith("is not a readable .docx file (")


def test_a_word_97_file_named_docx_is_refused_with_what_to_do(tmp_path):
    path = write(tmp_path, "plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert (
        refusal(path)
        == "is a Word 97-2003 or WPS file named .docx; open it in Word or WPS and save it as .docx"
    )
