"""Characters beyond the BMP in a PDF: a caption's "micro 𝐹1" reads "micro F1", while formula
letters in running text stay out of it (read plain, they made names like "BNc")."""

from __future__ import annotations

from papergraph.core.model import ChunkKind, Table, TableCell
from papergraph.ingest.chunking import TextPart
from papergraph.ingest.readers.pdf_engines import paired
from papergraph.ingest.readers.pdf_math import settled_part, settled_table


def _read(codes: list[int]) -> str:
    """What the reader keeps of PDFium's UTF-16 codes, halves paired, lone halves dropped."""
    high, kept = 0, []
    for code in codes:
        code, high = paired(code, high)
        if not 0xD800 <= code < 0xE000:
            kept.append(chr(code))
    return "".join(kept)


def test_the_two_halves_pdfium_gives_are_one_character() -> None:
    assert _read([0x6D, 0x20, 0xD835, 0xDC39, 0x31]) == "m 𝐹1"


def test_a_lone_half_is_dropped() -> None:
    assert _read([0x41, 0xDC39, 0x42, 0xD835]) == "AB"


def test_a_caption_prints_a_metric_set_as_a_formula_plain() -> None:
    table = Table(
        [TableCell(0, 0, "Model"), TableCell(0, 1, "𝐹1"), TableCell(1, 1, "51.2")],
        "5",
        "Table 5: Long Document performance (micro 𝐹1) at different sequence lengths.",
    )
    settled = settled_table(table)
    assert (
        settled.caption
        == "Table 5: Long Document performance (micro F1) at different sequence lengths."
    )
    assert [cell.text for cell in settled.cells] == ["Model", "F1", "51.2"]
    caption = TextPart(table.caption, ChunkKind.CAPTION, None, [9])
    assert "micro F1" in settled_part(caption).text


def test_formula_letters_in_a_caption_or_a_cell_that_name_no_metric_are_left_out() -> None:
    """RETRO's captions and tables print chunks "𝐶1" ... "𝐶5" and neighbours "[𝑁1, 𝐹1]": read
    plain, "C3" and "C5" made the C4 corpus look one of a series, and "𝐿Retro" a method."""
    table = Table(
        [TableCell(0, 0, "𝐶5"), TableCell(0, 1, "𝐿Retro[Off] − 𝐿Retro")],
        "19",
        "Table 19: The chunks are retrieved from neighbours [𝑁1, 𝐹1] and [𝑁2, 𝐹2].",
    )
    settled = settled_table(table)
    assert (
        settled.caption == "Table 19: The chunks are retrieved from neighbours [1, 1] and [2, 2]."
    )
    assert [cell.text for cell in settled.cells] == ["5", "Retro[Off] − Retro"]
    rows = TextPart("𝐶5 | 𝐹1\n𝐶6 | 51.2", ChunkKind.TABLE, None, [9], rows=True)
    assert settled_part(rows).text == "5 | F1\n6 | 51.2"


def test_formula_letters_in_running_text_are_left_out() -> None:
    body = TextPart(
        "Set block sizes 𝐵𝑐 = 𝑀 and 𝑇𝑐 = ⌈𝑁/𝐵𝑐⌉ for the ℓ rows.", ChunkKind.BODY, None, [5]
    )
    text = settled_part(body).text
    assert text == "Set block sizes = and = ⌈/⌉ for the ℓ rows."
    for kind in (ChunkKind.APPENDIX, ChunkKind.ABSTRACT, ChunkKind.FOOTNOTE):
        assert "B" not in settled_part(TextPart("𝐵𝑁𝑐", kind, None, [1])).text
