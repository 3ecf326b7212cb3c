"""The `gazetteer` ingest setting: a folder of TSV names read in place of the shipped generated
ones (the retrieval benchmark's leak-free store is built this way)."""

from __future__ import annotations

from pathlib import Path

import pytest

from papergraph.core.errors import Misconfigured
from papergraph.core.model import Chunk, EntityType, Paper
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.errors import GazetteerUnreadable, InvalidExtractor
from papergraph.ingest.settings import IngestSettings

TEXT = (
    "We evaluate our tagger on the Quokka Reviews benchmark. On Quokka Reviews it improves "
    "accuracy by two points, and Quokka Reviews remains hard for every baseline."
)


@pytest.fixture
def paper() -> Paper:
    return Paper(id="q", title="A tagger", chunks=[Chunk("q#0", "q", 0, TEXT)])


def gazetteer(folder: Path, rows: str) -> Path:
    folder.mkdir()
    (folder / "names.tsv").write_text("label\ttype\taliases\tcase\n" + rows, "utf-8")
    return folder


def datasets(extractor_gazetteer: Path | None, paper: Paper) -> set[str]:
    extraction = create_extractor("hybrid", extractor_gazetteer).extract(paper)
    return {e.label.lower() for e in extraction.entities if e.type is EntityType.DATASET}


def test_a_name_the_setting_gazetteer_holds_is_found(tmp_path: Path, paper: Paper) -> None:
    given = gazetteer(tmp_path / "with", "Quokka Reviews\tDataset\t\t\n")
    assert "quokka reviews" in datasets(given, paper)


def test_the_setting_gazetteer_replaces_the_shipped_names(tmp_path: Path) -> None:
    text = "Results on SemEval-2014 Task 4 and on Quokka Reviews show the same trend."
    paper = Paper(id="s", title="t", chunks=[Chunk("s#0", "s", 0, text)])
    shipped = datasets(None, paper)
    given = datasets(gazetteer(tmp_path / "own", "Quokka Reviews\tDataset\t\t\n"), paper)
    assert "quokka reviews" not in shipped and "quokka reviews" in given
    assert any("semeval" in name for name in shipped)  # a shipped Papers with Code name
    assert not any("semeval" in name for name in given)  # not read with a gazetteer given


def test_the_setting_is_read_from_settings(tmp_path: Path) -> None:
    folder = gazetteer(tmp_path / "g", "Quokka Reviews\tDataset\t\t\n")
    assert IngestSettings(gazetteer=folder).gazetteer == folder


def test_an_empty_or_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    for folder in (tmp_path / "missing", tmp_path):
        with pytest.raises(GazetteerUnreadable, match=str(folder)) as caught:
            create_extractor("hybrid", folder)
        assert isinstance(caught.value, Misconfigured)


def test_a_row_of_unknown_type_names_file_and_line(tmp_path: Path) -> None:
    folder = gazetteer(tmp_path / "bad", "Quokka\tDataset\t\t\nWombat\tAnimal\t\t\n")
    with pytest.raises(GazetteerUnreadable, match=r"names\.tsv, line 3"):
        create_extractor("hybrid", folder)


def test_an_extractor_without_gazetteer_refuses_one(tmp_path: Path) -> None:
    folder = gazetteer(tmp_path / "g", "Quokka Reviews\tDataset\t\t\n")
    with pytest.raises(InvalidExtractor, match="reads no gazetteer"):
        create_extractor("lexicon", folder)


def test_a_fold_row_matches_in_any_case_an_exact_row_only_as_written(tmp_path: Path) -> None:
    """A rare coined name is one name however a paper cases it ("Omniglot", "OMNIGLOT", short
    "bAbI" and "BABI"); a name that is also a common word ("Penn") is not "penn"."""
    text = "We train on OMNIGLOT and on the BABI tasks, and compare penn-style baselines."
    paper = Paper(id="f", title="t", chunks=[Chunk("f#0", "f", 0, text)])
    rows = "Omniglot\tDataset\t\tfold\nbAbI\tDataset\t\tfold\nPenn\tDataset\t\texact\n"
    found = datasets(gazetteer(tmp_path / "fold", rows), paper)
    assert {"omniglot", "babi"} <= found and "penn" not in found
