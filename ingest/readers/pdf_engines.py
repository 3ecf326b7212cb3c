"""The engines that turn a PDF's pages into positioned words: PDFium (the default) and pypdf.

PDFium reads every character's box, size and font (~100 pages/s); pypdf's text visitor gives
runs with a position and a font only (~15 pages/s), so its words are approximate. Measured
against pdfplumber (~6 pages/s on the same papers, pdfminer underneath), PDFium with the layout
analysis here is the one that meets 30 pages/s with two workers.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from collections.abc import Iterator
from typing import Any

from pypdf import PageObject
from pypdf.errors import LimitReachedError

from papergraph.ingest.errors import PdfEngineUnavailable
from papergraph.ingest.readers.pdf_layout import PageLayout, Word, is_bold_font, lay_out

_BREAKS = frozenset((0x20, 0x0A, 0x0D, 0xA0, 0x09))
_ACCENTS = {  # spacing accents -> the combining marks they stand for
    "\u00b4": "\u0301",
    "`": "\u0300",
    "\u00a8": "\u0308",
    "\u02c6": "\u0302",
    "\u02dc": "\u0303",
    "\u02c7": "\u030c",
    "\u00b8": "\u0327",
    "\u02da": "\u030a",
    "\u02d8": "\u0306",
    "\u02d9": "\u0307",
    "\u02dd": "\u030b",
}
_DROP = frozenset(range(0x20)) - {0x02}


def pdfium_pages(data: bytes, encrypted: bool) -> Iterator[PageLayout | None]:
    """Each page laid out from PDFium's characters; None for a page PDFium cannot read."""
    try:
        import pypdfium2
    except ImportError as error:
        raise PdfEngineUnavailable(
            "pdf_engine 'pdfium' needs the pypdfium2 package (pip install pypdfium2)"
        ) from error
    document = pypdfium2.PdfDocument(data, password="" if encrypted else None)
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                width, height = page.get_size()
                textpage = page.get_textpage()
                words, margin = _pdfium_words(textpage.raw, height)
                textpage.close()
                page.close()
            except Exception:  # noqa: BLE001 - one broken page, not the paper
                yield None
                continue
            yield lay_out(index + 1, width, height, words, margin)
    finally:
        document.close()


class _WordBuilder:
    """Characters appended one by one; a word ends at a space, a jump or a change of size."""

    def __init__(self) -> None:
        self.words: list[Word] = []
        self.chars: list[str] = []
        self.box = [0.0, 0.0, 0.0, 0.0]
        self.size = 0.0
        self.bold = False
        self.angle = 0.0  # radians; rotated text (a side stamp, a vertical header) is not 0
        self.margin: list[str] = []  # rotated text (the arXiv side stamp), kept apart
        self.centres: list[float] = []
        self.pending = ""  # an accent waiting for the letter it sits on

    def add(
        self, char: str, box: tuple[float, float, float, float], size: float, angle: float = 0.0
    ) -> bool:
        """Append a character; True when it starts a new word (the caller sets its font)."""
        x0, x1, top, bottom = box
        if char in _ACCENTS:
            return self._accent(_ACCENTS[char], (x0 + x1) / 2)
        if self.chars and (angle != self.angle or self._breaks(x0, x1, top, bottom, size)):
            self.end()
        started = not self.chars
        if started:
            self.box = [x0, x1, top, bottom]
            self.size = size
            self.angle = angle
        else:
            self.box = [
                min(self.box[0], x0),
                max(self.box[1], x1),
                min(self.box[2], top),
                max(self.box[3], bottom),
            ]
        self.chars.append(char)
        self.centres.append((x0 + x1) / 2)
        if self.pending:
            self.chars[-1] += self.pending
            self.pending = ""
        return started

    def _accent(self, mark: str, centre: float) -> bool:
        """A spacing accent TeX sets over its letter: joined, as a combining mark, to the letter
        under it (or to the next letter when none of this word's is)."""
        if self.chars and self.box[0] <= centre <= self.box[1] + 1:
            index = min(range(len(self.centres)), key=lambda i: abs(self.centres[i] - centre))
            self.chars[index] += mark
        else:
            self.pending = mark
        return False

    def _breaks(self, x0: float, x1: float, top: float, bottom: float, size: float) -> bool:
        if self.angle:  # vertical text: characters run up (or down) the page
            beside = min(x1, self.box[1]) - max(x0, self.box[0])
            step = self.box[2] - bottom if self.angle > math.pi else top - self.box[3]
            return beside < 0.3 * (x1 - x0) or step > 0.2 * size or step < -2 * size
        gap = x0 - self.box[1]
        overlap = min(bottom, self.box[3]) - max(top, self.box[2])
        resized = abs(size - self.size) > 0.15 * max(size, self.size)
        return resized or gap > 0.2 * size or gap < -2 * size or overlap < 0.3 * size

    def end(self) -> None:
        if self.chars:
            text = unicodedata.normalize("NFC", "".join(self.chars).replace("\x02", "-"))
            x0, x1, top, bottom = self.box
            if self.angle:
                self.margin.append(text)
            self.words.append(Word(text, x0, x1, top, bottom, self.size, self.bold, self.angle))
        self.chars = []
        self.centres = []


def _pdfium_words(textpage: Any, height: float) -> tuple[list[Word], str]:
    import pypdfium2.raw as pdfium_c

    builder = _WordBuilder()
    rect = pdfium_c.FS_RECTF()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    matrix = pdfium_c.FS_MATRIX()
    high = 0  # the first half of a character beyond the BMP, waiting for its second
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if code in _BREAKS or pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            builder.end()
            continue
        code, high = paired(code, high)
        if code in _DROP or 0xD800 <= code < 0xE000 or code in (0xFFFE, 0xFFFF):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect)
        placed = bool(pdfium_c.FPDFText_GetMatrix(textpage, index, matrix))
        scale = _scale(matrix) if placed else 1.0
        size = round(pdfium_c.FPDFText_GetFontSize(textpage, index) * scale, 1)
        box = (rect.left, rect.right, height - rect.top, height - rect.bottom)
        angle = float(pdfium_c.FPDFText_GetCharAngle(textpage, index))
        if angle and placed and _sheared(matrix):
            angle, box = 0.0, (*_ink_span(textpage, index), box[2], box[3])
        if builder.add(chr(code), box, size, round(angle, 2) if abs(angle) > 0.1 else 0.0):
            pdfium_c.FPDFText_GetFontInfo(textpage, index, name, 128, flags)
            weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
            builder.bold = is_bold_font(name.value.decode("latin-1"), weight)
    builder.end()
    return builder.words, "".join(builder.margin)


def _sheared(matrix: Any) -> bool:
    """Whether a character PDFium gives an angle, placed by `matrix`, is slanted, not turned: a
    font obliqued by shearing an upright one (ICML's captions: "Table 1." has the matrix [0.986,
    0, 0.165, 0.986]) stands on the line, though PDFium reads the shear as a turn of 0.165, and
    the words had been left out as rotated text (the caption, so the table, was lost)."""
    return bool(matrix.a > 0 and abs(matrix.b) < 1e-3 * matrix.a)


def _scale(matrix: Any) -> float:
    """How much a character's `matrix` scales its font vertically: PDFium gives the size the
    font is set in ("/F1 1 Tf"), which a producer may scale by the text matrix ("10.9 0 0 10.9
    Tm"), every size then 1 (the papermage page of SciBERT: no size told a caption from the
    body, no table was read); the pypdf engine scales by the matrices alike."""
    return math.hypot(matrix.c, matrix.d) or 1.0


def _ink_span(textpage: Any, index: int) -> tuple[float, float]:
    """A slanted character's left and right from its glyph's ink: its loose box leans over
    the next character's, which would run two words into one ("Table1.")."""
    import pypdfium2.raw as pdfium_c

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    return left.value, right.value


def paired(code: int, high: int) -> tuple[int, int]:
    """The character PDFium gives as two UTF-16 halves ("𝐹", a formula's italic F, is 0xD835
    0xDC39), and the first half now waiting; a lone half stays one, dropped after. Mathematical
    letters stay what they are here: pdf_math.py reads them plain where a caption or a table
    prints them, and leaves them out of running text."""
    if 0xD800 <= code < 0xDC00:
        return code, code
    if 0xDC00 <= code < 0xE000 and high:
        return 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), 0
    return code, 0


def pypdf_page(page: PageObject, number: int) -> PageLayout | LimitReachedError | None:
    """The page laid out from pypdf's text runs (position and font, widths estimated)."""
    words: list[Word] = []
    height = float(page.mediabox.height)
    width = float(page.mediabox.width)

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
        rendered = round(float(size) * scale, 1)
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        base = str(font.get("/BaseFont", "")) if font else ""
        bold = is_bold_font(base, 0)
        for piece in text.split("\n"):
            for token in piece.split():
                advance = 0.5 * rendered * len(token)
                words.append(
                    Word(
                        token,
                        x,
                        x + advance,
                        height - y - rendered * 0.8,
                        height - y + rendered * 0.2,
                        rendered,
                        bold,
                    )
                )
                x += advance + 0.25 * rendered

    try:
        page.extract_text(visitor_text=visit)
    except LimitReachedError as error:
        return error
    except Exception:  # noqa: BLE001 - a broken content stream spoils one page, not the paper
        return None
    return lay_out(number, width, height, words, "")
