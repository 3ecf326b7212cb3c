"""One-letter column codes a caption explains as parts of the data (ingest/extract/header_codes.py)."""

from __future__ import annotations

from papergraph.ingest.extract.column_twins import SUBSET
from papergraph.ingest.extract.header_codes import part_codes


def test_codes_explained_by_a_part_of_the_data_read_as_its_word() -> None:
    caption = (
        "Table 14: GPT-2 on WebNLG. “U” indicates unseen categories, “S” indicates seen "
        "categories, and “A” indicates all categories in the test set of WebNLG."
    )
    assert part_codes(caption, SUBSET) == {"U": "unseen", "S": "seen", "A": "all"}


def test_a_code_explained_by_no_part_of_the_data_is_left_out() -> None:
    caption = "Table 2: Results. P denotes precision, R denotes recall."
    assert part_codes(caption, SUBSET) == {}


def test_a_colon_explains_a_code_only_quoted_or_in_a_list_of_parts_never_a_tables_number() -> None:
    assert part_codes("Table A: All results on GLUE.", SUBSET) == {}
    assert part_codes("Table 2: F: full fine-tuning, L: LoRA.", SUBSET) == {}
    assert part_codes("Table 4: Results. W: Web.", SUBSET) == {}
    listed = "Table 2: Top-1 accuracy. U: unseen classes, S: seen classes, H: harmonic mean."
    assert part_codes(listed, SUBSET) == {"U": "unseen", "S": "seen"}
    assert part_codes("Table 4: Results. “W”: Web.", SUBSET) == {"W": "web"}
