"""Bad inputs of every kind the tests can make, in one batch with good ones: none crashes the
batch, each is reported with its file and reason (and line or page), the good ones are ingested.

The table `BAD_INPUTS` is also what the user sees: run with `-s` to print it.
"""

from __future__ import annotations

import json
import os
import random
import socket
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.model import Paper
from papergraph.ingest.errors import InputError
from papergraph.ingest.settings import IngestSettings

PAGE = [
    "Sparse Mixtures of Adapters for Translation",
    "Mia Example, Noor Sample",
    "arXiv:2312.00042v2",
    "Abstract",
    "We route tokens through LoRA adapters and evaluate on WMT14 with BLEU.",
    "1 Introduction",
    "Adapters are small. Routing lets them specialise to language pairs.",
]
GOOD_ROW = {"id": "good-row", "title": "A good row", "abstract": "We fine-tune BERT on GLUE."}


def make_pdf(path: Path, pages: list[list[str]], **options: object) -> Path:
    pdf = canvas.Canvas(str(path), **options)
    for lines in pages:
        for number, line in enumerate(lines):
            pdf.drawString(50, 800 - 16 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A hand-assembled PDF, for structures reportlab will not write (bombs)."""
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def pages_object(kids: int, count: int) -> bytes:
    return b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join([b"3 0 R"] * kids), count)


PAGE_OBJECT = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>"
)
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def flate_bomb(megabytes: int) -> bytes:
    content = zlib.compress(b"BT /F1 12 Tf 50 700 Td (A) Tj ET\n" + b" " * (megabytes << 20), 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
        len(content),
        content,
    )
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    return raw_pdf([catalog, pages_object(1, 1), PAGE_OBJECT, stream, FONT])


def page_bomb(kids: int, declared: int) -> bytes:
    stream = b"<< /Length 12 >>\nstream\nBT (A) Tj ET\nendstream"
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    return raw_pdf([catalog, pages_object(kids, declared), PAGE_OBJECT, stream, FONT])


def jsonl(*lines: object) -> bytes:
    return b"\n".join(
        line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines
    )


# name -> (how to write it, what the user must see: substrings of the error message)
Writer = Callable[[Path, bytes], None]
BAD_INPUTS: dict[str, tuple[Callable[[Path, bytes], object], list[str]]] = {
    "zero-byte.pdf": (lambda p, good: p.write_bytes(b""), ["empty file (0 bytes)"]),
    "truncated.pdf": (
        lambda p, good: p.write_bytes(good[: len(good) // 3]),
        ["corrupt or truncated PDF"],
    ),
    "garbage.pdf": (lambda p, good: p.write_bytes(b"%PDF-1.4\n\x00\xff garbage"), ["PDF"]),
    "not-a-pdf.pdf": (
        lambda p, good: p.write_bytes(b"<html>a web page</html>"),
        ["not a PDF (no %PDF- header)"],
    ),
    "encrypted.pdf": (
        lambda p, good: make_pdf(p, [PAGE], encrypt="secret"),
        ["encrypted PDF (a password is required)"],
    ),
    "image-only.pdf": (lambda p, good: _scan(p), ["no text layer (scanned?)"]),
    "flate-bomb.pdf": (
        lambda p, good: p.write_bytes(flate_bomb(40)),
        ["page 1", "safety limit (PDF bomb?)"],
    ),
    "page-bomb.pdf": (
        lambda p, good: p.write_bytes(page_bomb(3000, 3000)),
        ["too many pages (3000 declared > 2000)"],
    ),
    "page-bomb-lying.pdf": (
        lambda p, good: p.write_bytes(page_bomb(110_000, 1)),
        ["safety limit (PDF bomb?)"],
    ),
    "oversize.pdf": (lambda p, good: p.write_bytes(good + b"%" * (1 << 20)), ["file too large"]),
    "bad-lines.jsonl": (
        lambda p, good: p.write_bytes(
            jsonl(
                GOOD_ROW | {"id": "row-among-bad"},
                b"{not json",
                b"\xff\xfe invalid utf-8",
                {"id": "t1", "title": 5, "abstract": "x"},
                {"id": "t2", "abstract": "x", "authors": {"a": 1}},
                {"id": "t3", "abstract": "x", "year": "soon"},
                {"id": "t4", "abstract": "x", "references": "1706.03762"},
                {"id": ["a"], "abstract": "x"},
                {"id": "t5"},
                [1, 2, 3],
                "a string row",
                b"[" * 100_000 + b"]" * 100_000,
            )
        ),
        [
            "line 2: invalid JSON",
            "line 3: invalid UTF-8",
            "line 4: 'title' must be a string",
            "line 5: 'authors' must be",
            "line 6: 'year' must be an integer",
            "line 7: 'references' must be a list",
            "line 8: 'id' must be",
            "line 9: no text",
            "line 10: expected a JSON object, got an array",
            "line 11: expected a JSON object, got a string",
            "line 12: invalid JSON: nested too deeply",
        ],
    ),
    "scalar.json": (
        lambda p, good: p.write_bytes(b"42"),
        ["expected a JSON array of rows or a JSON object"],
    ),
    "latin1.txt": (
        lambda p, good: p.write_bytes("Résumé of a paper".encode("latin-1")),
        ["invalid UTF-8"],
    ),
    "unsupported.docx": (
        lambda p, good: p.write_bytes(b"PK\x03\x04"),
        ["unsupported file type '.docx'"],
    ),
    "fifo.pdf": (lambda p, good: os.mkfifo(p), ["not a regular file"]),
    "socket.jsonl": (lambda p, good: _socket(p), ["not a regular file"]),
    "missing.pdf": (lambda p, good: None, ["no such file or folder"]),
    "broken-link.pdf": (
        lambda p, good: p.symlink_to(p.with_name("nowhere.pdf")),
        ["no such file or folder"],
    ),
    "empty-folder": (lambda p, good: p.mkdir(), ["folder holds no file Papergraph reads"]),
}
SOCKETS: list[socket.socket] = []


def _scan(path: Path) -> None:
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    SOCKETS.append(sock)


def mutants(seed: bytes, count: int, rng: random.Random) -> Iterator[bytes]:
    """Broken copies of a good PDF: flipped bytes, cut or doubled spans, spliced garbage."""
    for _ in range(count):
        data = bytearray(seed)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data))
            kind = rng.choice(["flip", "cut", "dup", "splice"])
            if kind == "flip":
                data[at] ^= 1 << rng.randrange(8)
            elif kind == "cut":
                del data[at : at + rng.randint(1, 200)]
            elif kind == "dup":
                data[at:at] = data[at : at + rng.randint(1, 200)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 64))
        yield bytes(data)


@pytest.fixture
def backend(tmp_path: Path, embedder) -> Iterator[Backend]:
    limits = IngestSettings(max_file_mb=1.0, max_stream_mb=10.0)  # the bombs go past both
    settings = Settings(data_dir=tmp_path / "data", ingest=limits)
    opened = Backend.open(settings, embedder=embedder)
    yield opened
    opened.close()
    for sock in SOCKETS:
        sock.close()


def test_bad_inputs_are_each_reported_and_the_batch_goes_on(
    tmp_path: Path, backend: Backend
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good_pdf = make_pdf(inputs / "good.pdf", [PAGE]).read_bytes()
    make_pdf(
        inputs / "empty-password.pdf",
        [PAGE[:1] + ["Open despite encryption, about BERT on GLUE."]],
        encrypt=StandardEncryption("", ownerPassword="owner"),
    )
    paths = [inputs / "good.pdf", inputs / "empty-password.pdf"]
    for name, (write, _) in BAD_INPUTS.items():
        write(inputs / name, good_pdf)
        paths.append(inputs / name)

    report = backend.ingester().ingest(paths)

    assert sorted(report.ingested) == ["2312.00042", "empty-password", "row-among-bad"]
    messages = [failure.message for failure in report.failed]
    table = []
    for name, (_, expected) in BAD_INPUTS.items():
        mine = [m for m in messages if m.startswith(str(inputs / name))]
        for needle in expected:
            assert any(needle in m for m in mine), (name, needle, mine)
        table.extend(f"| `{name}` | {m.removeprefix(str(inputs) + '/')} |" for m in mine)
    assert len(messages) == len(table)  # every failure names one of the inputs
    print("\n| input | what the user sees |\n|---|---|\n" + "\n".join(table))


def write_mutants(
    folder: Path, seeds: list[bytes], per_seed: int, rng: random.Random
) -> list[Path]:
    folder.mkdir()
    for number, seed in enumerate(seeds):
        for copy, data in enumerate(mutants(seed, per_seed, rng)):
            (folder / f"mutant-{number}-{copy:02d}.pdf").write_bytes(data)
    return sorted(folder.iterdir())


def assert_each_file_accounted_for(backend: Backend, files: list[Path]) -> None:
    items = list(backend.ingester().read(files))
    for path in files:
        mine = [
            i
            for i in items
            if (isinstance(i, Paper) and i.source == str(path))
            or (isinstance(i, InputError) and i.path == str(path))
        ]
        assert mine, path


def test_mutated_real_pdfs_are_read_or_refused(
    tmp_path: Path, backend: Backend, shared_data: Path
) -> None:
    """Seeded random damage to the two smallest real PDFs: each copy reads as a paper or as an
    error naming it (reading only; encoding whole papers would take minutes here)."""
    real = sorted((shared_data / "pdfs").rglob("*.pdf"), key=lambda p: p.stat().st_size)[:2]
    files = write_mutants(
        tmp_path / "mutants", [p.read_bytes() for p in real], 10, random.Random(7)
    )
    assert_each_file_accounted_for(backend, files)


def test_mutated_pdfs_never_crash_the_batch(tmp_path: Path, backend: Backend) -> None:
    """Seeded random damage to a generated PDF: every file ends as a paper or as an error naming
    it, the batch runs to its end, and the stores agree afterwards."""
    seed = make_pdf(tmp_path / "seed.pdf", [PAGE, PAGE[4:]]).read_bytes()
    files = write_mutants(tmp_path / "mutants", [seed], 16, random.Random(2024))
    assert_each_file_accounted_for(backend, files)

    report = backend.ingester().ingest(files)
    assert len(report.ingested) + len(report.unchanged) + len(report.failed) >= len(files) // 2
    assert all(failure.message.startswith(str(tmp_path / "mutants")) for failure in report.failed)
    stores = backend.stores
    assert sorted(stores.vectors.ids().tolist()) == stores.chunks.all_rowids().tolist()
    assert stores.keywords.rowids().tolist() == stores.chunks.all_rowids().tolist()
    assert set(stores.graph.paper_ids()) == stores.chunks.all_paper_ids()
