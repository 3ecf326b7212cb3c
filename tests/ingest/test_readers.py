"""Every reader against fixtures the tests write, and against the shared real corpora."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from papergraph.core.model import ChunkKind, Paper
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers import base as readers_base
from papergraph.ingest.readers import (
    iter_inputs,
    read_inputs,
    read_path,
    reader_for,
    registered_suffixes,
)
from papergraph.ingest.settings import IngestSettings

SETTINGS = IngestSettings(chunk_tokens=64, chunk_overlap=8)
ABSTRACT = "We fine-tune BERT on GLUE. " * 3

CHUNK_ROWS = [  # out of file order on purpose; the links give the reading order
    {
        "id": "2301.00001#1",
        "title": "T",
        "content": "second Natu- ral part.",
        "prechunk_id": "2301.00001#0",
        "postchunk_id": "2301.00001#2",
        "arxiv_id": "2301.00001",
        "references": ["1706.03762"],
    },
    {
        "id": "2301.00001#0",
        "title": "Chunked Paper",
        "content": "first Ofï¬ ine part.",
        "prechunk_id": "",
        "postchunk_id": "2301.00001#1",
        "arxiv_id": "2301.00001",
        "references": ["1706.03762", "1810.04805"],
    },
    {
        "id": "2301.00001#2",
        "title": "T",
        "content": "third part.",
        "prechunk_id": "2301.00001#1",
        "postchunk_id": "",
        "arxiv_id": "2301.00001",
        "references": [],
    },
]


def write_lines(path: Path, lines: Sequence[str | dict[str, Any]]) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_all(path: Path) -> tuple[list[Paper], list[InputError]]:
    items = list(read_path(path, SETTINGS))
    return [i for i in items if isinstance(i, Paper)], [
        i for i in items if isinstance(i, InputError)
    ]


def make_pdf(path: Path, pages: list[list[str]], *, title_size: int = 20, **options) -> Path:
    """A PDF whose first line on page 1 is set large, like a paper title."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    for lines in pages:
        y = 800
        for number, line in enumerate(lines):
            pdf.setFont("Helvetica", title_size if number == 0 and lines is pages[0] else 10)
            pdf.drawString(50, y, line)
            y -= 26 if number == 0 else 14
        pdf.showPage()
    pdf.save()
    return path


PAPER_PAGE = [
    "Sparse Mixtures of Adapters for Translation",
    "Mia Example, Noor Sample",
    "arXiv:2312.00042v2",
    "Abstract",
    "We route tokens through LoRA adapters and evaluate on WMT14.",
    "1 Introduction",
    "Adapters are small. Routing lets them specialise.",
    "References",
    "[1] A. Vaswani et al. Attention is all you need. arXiv:1706.03762, 2017.",
    "[2] E. Hu et al. LoRA: Low-rank adaptation. CoRR, abs/2106.09685, 2021.",
    "[3] J. Doe. A journal paper on routing. doi:10.1000/xyz123, 2020.",
]


# --- walking inputs ---------------------------------------------------------------------------


def test_iter_inputs_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.txt", ".hidden.txt", "notes.xyz", "sub/c.md", ".git/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = list(iter_inputs([tmp_path]))
    assert found == [tmp_path / "a.txt", tmp_path / "b.jsonl", tmp_path / "sub" / "c.md"]


def test_iter_inputs_reports_missing_and_unsupported_explicit_paths(tmp_path: Path) -> None:
    (tmp_path / "notes.xyz").write_text("x")
    missing, unsupported = iter_inputs([tmp_path / "nope.pdf", tmp_path / "notes.xyz"])
    assert isinstance(missing, InputError) and "no such file" in missing.reason
    assert isinstance(unsupported, InputError) and "unsupported file type" in unsupported.reason


def test_every_registered_suffix_has_a_reader_test() -> None:
    covered = {".jsonl", ".json", ".parquet", ".pdf", ".txt", ".md"}
    assert set(registered_suffixes()) == covered
    assert all(reader_for(Path(f"x{suffix}")) for suffix in covered)


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".parquet", ".pdf", ".txt", ".md"])
def test_zero_byte_files_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    papers, errors = read_all(path)
    assert not papers and "empty file" in errors[0].reason


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "big.jsonl", [{"id": "x", "abstract": "a" * 2_000_000}])
    errors = list(read_inputs([path], IngestSettings(max_file_mb=1)))
    assert isinstance(errors[0], InputError) and "too large" in errors[0].reason


# --- JSONL, JSON and Parquet rows -----------------------------------------------------------


def test_chunk_rows_become_one_paper_in_link_order(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "chunks.jsonl", CHUNK_ROWS)
    [paper], errors = read_all(path)
    assert not errors
    assert paper.id == paper.arxiv_id == "2301.00001" and paper.title == "Chunked Paper"
    assert [c.id for c in paper.chunks] == ["2301.00001#0", "2301.00001#1", "2301.00001#2"]
    assert [c.text for c in paper.chunks] == [
        "first Offline part.",
        "second Natural part.",
        "third part.",
    ]
    assert paper.chunks[1].prev_id == "2301.00001#0" and paper.chunks[1].next_id == "2301.00001#2"
    assert [r.arxiv_id for r in paper.references] == ["1706.03762", "1810.04805"]
    assert paper.source == str(path) and len(paper.content_hash) == 64


def test_paper_rows_with_every_optional_field(tmp_path: Path) -> None:
    row = {
        "paper_id": "p1",
        "title": "Adapters",
        "abstract": ["First sentence.", "Second one."],
        "text": "Body text here.",
        "authors": "Ann Lee, Bo Chen",
        "year": "2021",
        "arxiv_id": "2106.09685v2",
        "doi": "10.1000/abc",
        "references": ["1706.03762", "10.18653/v1/N19-1423", {"title": "Some Paper"}],
    }
    path = write_lines(tmp_path / "papers.jsonl", [row])
    [paper], _ = read_all(path)
    assert (paper.id, paper.title, paper.year, paper.arxiv_id) == (
        "p1",
        "Adapters",
        2021,
        "2106.09685",
    )
    assert (
        paper.authors == ["Ann Lee", "Bo Chen"] and paper.abstract == "First sentence. Second one."
    )
    assert "Body text here." in paper.chunks[-1].text
    refs = paper.references
    assert (refs[0].arxiv_id, refs[1].doi, refs[2].title) == (
        "1706.03762",
        "10.18653/v1/N19-1423",
        "Some Paper",
    )
    canonical = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert paper.content_hash == hashlib.sha256(canonical.encode()).hexdigest()


def test_paper_id_falls_back_to_arxiv_id_then_file_and_line(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "my papers.jsonl",
        [
            {"title": "A", "abstract": ABSTRACT, "arxiv_id": "1810.04805"},
            {"title": "B", "abstract": ABSTRACT},
        ],
    )
    papers, _ = read_all(path)
    assert [p.id for p in papers] == ["1810.04805", "my_papers-2"]


def test_bad_lines_are_reported_with_line_numbers_and_skipped(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            {"id": "good-1", "title": "Good", "abstract": ABSTRACT},
            "{not json",
            "[1, 2]",
            {"id": "no-text", "title": "Nothing"},
            {"id": "bad-title", "title": 42, "abstract": ABSTRACT},
            {"id": "bad-year", "title": "Y", "abstract": ABSTRACT, "year": "soon"},
            {"id": "good-2", "title": "Also good", "text": ABSTRACT},
        ],
    )
    with path.open("ab") as handle:
        handle.write(b'{"id": "latin", "abstract": "caf\xe9"}\n')
    papers, errors = read_all(path)
    assert [p.id for p in papers] == ["good-1", "good-2"]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6, 8]
    reasons = " | ".join(e.reason for e in errors)
    for expected in (
        "invalid JSON",
        "expected a JSON object",
        "no text",
        "'title'",
        "'year'",
        "UTF-8",
    ):
        assert expected in reasons


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "rows.json"
    array.write_text(json.dumps([{"id": "a", "abstract": ABSTRACT}, {"id": "b", "abstract": 3}]))
    papers, errors = read_all(array)
    assert [p.id for p in papers] == ["a"] and errors[0].line == 2
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "solo", "title": "Solo", "abstract": ABSTRACT}))
    assert [p.id for p in read_all(single)[0]] == ["solo"]


def test_parquet_rows_read_like_json_rows(tmp_path: Path) -> None:
    path = tmp_path / "chunks.parquet"
    pq.write_table(pa.Table.from_pylist(CHUNK_ROWS), path)
    [paper], errors = read_all(path)
    assert not errors and [c.text for c in paper.chunks][0] == "first Offline part."
    papers_path = tmp_path / "papers.parquet"
    pq.write_table(
        pa.Table.from_pylist([{"id": "q1", "title": "Q", "abstract": ABSTRACT}]), papers_path
    )
    assert [p.title for p in read_all(papers_path)[0]] == ["Q"]


def test_corrupt_parquet_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not a parquet file")
    papers, errors = read_all(path)
    assert not papers and "Parquet" in errors[0].reason


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_parts_are_found(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "paper.pdf", [PAPER_PAGE])
    [paper], errors = read_all(path)
    assert not errors
    assert paper.title == "Sparse Mixtures of Adapters for Translation"
    assert paper.id == paper.arxiv_id == "2312.00042" and paper.year == 2023
    assert paper.authors == ["Mia Example", "Noor Sample"]
    assert paper.abstract == "We route tokens through LoRA adapters and evaluate on WMT14."
    assert [r.arxiv_id for r in paper.references] == ["1706.03762", "2106.09685", None]
    assert paper.references[2].doi == "10.1000/xyz123"
    assert paper.references[0].title == "Attention is all you need"
    body = " ".join(c.text for c in paper.chunks if c.kind == ChunkKind.BODY)
    assert "Routing lets them specialise." in body and "Attention is all you need" not in body
    bibliography = " ".join(c.text for c in paper.chunks if c.kind == ChunkKind.REFERENCES)
    assert "Attention is all you need" in bibliography


HYPHENATED_PAGE = [
    "Ablations",
    "We find that careful regulari-",
    "sation matters, and that the self-",
    "attention layers carry the gains on WMT14.",
]


def test_pdfium_engine_reads_what_pypdf_reads(tmp_path: Path) -> None:
    """PDFium's text, reshaped (\\x02 line-end hyphens, \\r\\n), goes through the same repair:
    the same paper comes out, with "regulari-/sation" joined and "self-/attention" kept."""
    pytest.importorskip("pypdfium2", reason="pdf_engine=pdfium needs pypdfium2 (.[fast])")
    # Page 1 is read by pypdf under either engine (font sizes find the title); page 2 is not.
    pages = [PAPER_PAGE[:7], HYPHENATED_PAGE + PAPER_PAGE[7:]]
    path = make_pdf(tmp_path / "paper.pdf", pages)
    [by_pypdf] = list(read_path(path, IngestSettings(pdf_engine="pypdf")))
    [by_pdfium] = list(read_path(path, IngestSettings(pdf_engine="pdfium")))
    assert isinstance(by_pypdf, Paper) and isinstance(by_pdfium, Paper)
    for field in ("id", "title", "authors", "abstract", "year"):
        assert getattr(by_pdfium, field) == getattr(by_pypdf, field), field
    assert [c.text for c in by_pdfium.chunks] == [c.text for c in by_pypdf.chunks]
    body = " ".join(c.text for c in by_pdfium.chunks)
    assert "careful regularisation matters" in body and "self-attention layers" in body


def test_pdfium_engine_missing_is_named_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pypdfium2", None)  # import fails
    path = make_pdf(tmp_path / "paper.pdf", [PAPER_PAGE, HYPHENATED_PAGE])
    [error] = list(read_path(path, IngestSettings(pdf_engine="pdfium")))
    assert isinstance(error, InputError) and "paper.pdf" in error.message
    assert "needs the pypdfium2 package" in error.message


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [PAPER_PAGE], encrypt="secret")
    papers, errors = read_all(path)
    assert not papers and "encrypted" in errors[0].reason


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    encryption = StandardEncryption("", ownerPassword="owner", canPrint=1)
    path = make_pdf(tmp_path / "open.pdf", [PAPER_PAGE], encrypt=encryption)
    papers, _ = read_all(path)
    assert papers and papers[0].arxiv_id == "2312.00042"


def test_truncated_and_garbage_pdfs_are_errors(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [PAPER_PAGE]).read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(whole[:200])
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    for path in (truncated, garbage):
        papers, errors = read_all(path)
        assert not papers and errors, path


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    papers, errors = read_all(tmp_path / "scan.pdf")
    assert not papers and "no text layer" in errors[0].reason


def test_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "long.pdf", [PAPER_PAGE, ["page two"], ["page three"]])
    errors = list(read_path(path, IngestSettings(max_pages=2)))
    assert isinstance(errors[0], InputError) and "too many pages" in errors[0].reason


def test_pdf_without_arxiv_id_is_named_by_file(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "My Paper.pdf", [["A Title Without Any Identifier", "Body text goes here."]]
    )
    [paper], _ = read_all(path)
    assert paper.id == "My_Paper" and paper.arxiv_id is None


# --- text ------------------------------------------------------------------------------------------


def test_markdown_title_is_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("Intro line\n\n# Retrieval Notes\n\nRAG combines a retriever with a reader.")
    [paper], _ = read_all(path)
    assert (paper.id, paper.title) == ("notes", "Retrieval Notes")
    assert paper.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_text_title_is_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "plain text.txt"
    path.write_text("\n\nA Plain Title\nThe body mentions Ofï¬ ine RL.\n")
    [paper], _ = read_all(path)
    assert (paper.id, paper.title) == ("plain_text", "A Plain Title")
    assert "Offline RL" in paper.chunks[0].text


# --- shared real data ----------------------------------------------------------------------------


def test_seed_chunk_dataset(shared_data: Path) -> None:
    papers, errors = read_all(shared_data / "ai-arxiv2-sample.jsonl")
    assert not errors and len(papers) == 3
    survey = next(p for p in papers if p.id == "2307.12966")
    assert survey.title == "Aligning Large Language Models with Human: A Survey"
    assert [c.id for c in survey.chunks] == [f"2307.12966#{n}" for n in range(97)]
    for chunk in (c for p in papers for c in p.chunks):
        assert "ï¬" not in chunk.text and "â " not in chunk.text
        assert "v i X r a" not in chunk.text and "arXiv:2307.12966v1" not in chunk.text
    assert "Noah's Ark" in survey.chunks[0].text


def test_scitldr_rows_read_as_papers(shared_data: Path, tmp_path: Path) -> None:
    rows = (shared_data / "scitldr" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:5]
    papers, errors = read_all(write_lines(tmp_path / "scitldr.jsonl", rows))
    assert not errors and len(papers) == 5 and all(p.title and p.chunks for p in papers)


@pytest.mark.parametrize("engine", ["pypdf", "pdfium"])
def test_all_shared_pdfs_are_read_without_exceptions(shared_data: Path, engine: str) -> None:
    if engine == "pdfium":
        pytest.importorskip("pypdfium2", reason="pdf_engine=pdfium needs pypdfium2 (.[fast])")
    pdfs = sorted((shared_data / "pdfs").rglob("*.pdf"))
    items = list(read_inputs(pdfs, IngestSettings(pdf_engine=engine)))
    papers = [i for i in items if isinstance(i, Paper)]
    assert len(pdfs) == 39 and len(papers) >= 35
    assert all(p.title and p.chunks for p in papers)
    by_id = {p.id: p for p in papers}
    assert by_id["1706.03762"].title == "Attention Is All You Need"
    assert by_id["1512.03385"].title == "Deep Residual Learning for Image Recognition"
    assert (
        by_id["2005.11401"].title
        == "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks"
    )


def test_a_file_of_annotations_is_refused_not_read_as_papers(tmp_path: Path) -> None:
    """A gold file beside PDFs (title, file, results; its 'source' a path) holds no papers."""
    rows = [
        {
            "file": f"pdfs/{n}.pdf",
            "title": f"Paper {n}",
            "source": f"someone/papers@906269527a95f9804bda:Paper {n}.pdf",
            "results": [{"dataset": "ImageNet", "metric": "Top 1 Accuracy", "value": "66%"}],
        }
        for n in range(3)
    ]
    path = write_lines(tmp_path / "gold.jsonl", rows)
    papers, errors = read_all(path)
    assert not papers and len(errors) == 1
    assert errors[0].path == str(path) and "not papers" in errors[0].reason
    assert "'abstract', 'text' or 'content'" in errors[0].reason


def test_a_source_field_is_text_when_it_is_prose(tmp_path: Path) -> None:
    """SciTLDR's `source` (sentences) is the paper's text; a file name there is not."""
    path = write_lines(
        tmp_path / "rows.jsonl",
        [
            {"id": "prose", "title": "P", "source": [ABSTRACT, "More words here."]},
            {"id": "path", "title": "Q", "source": "https://example.org/q.pdf"},
        ],
    )
    papers, errors = read_all(path)
    assert [p.id for p in papers] == ["prose"] and "no text" in errors[0].reason


class _BrokenReader:
    """A reader with a bug: it raises instead of yielding an InputError."""

    suffixes = (".broken",)

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
        raise RuntimeError("index out of range")
        yield  # a generator, as readers are


def test_a_reader_that_raises_costs_its_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(readers_base._READERS, ".broken", _BrokenReader())
    (tmp_path / "a.broken").write_text("x")
    (tmp_path / "b.md").write_text("# Sparse Adapters\n\nWe route tokens through adapters.\n")
    broken, paper = list(read_inputs([tmp_path], SETTINGS))
    assert isinstance(broken, InputError) and isinstance(paper, Paper)
    assert (
        broken.message == f"{tmp_path / 'a.broken'}: unreadable: RuntimeError: index out of range"
    )
