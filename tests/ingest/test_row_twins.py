"""Rows one table names alike are told apart by what the table prints: a mark its caption
explains, the split or setting their group rows name; where nothing does, the first is kept
(ingest/extract/row_twins.py, table_rows.told_apart, caption_settings.told_apart)."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result, Table, TableCell
from papergraph.ingest.extract.caption_settings import first_of_twins, told_apart
from papergraph.ingest.extract.row_twins import meanings
from tests.ingest.tables import grid, table_rows


def _found(table: Table, name: str) -> set[tuple[object, ...]]:
    rows = told_apart(table_rows(table, [name], title=f"{name}: a method"))
    return {(r.method, r.dataset, r.metric, r.value) for r in rows}


def test_a_mark_the_caption_explains_and_the_group_rows_splits_tell_twins_apart() -> None:
    """XLNet's GLUE table: "XLNet" under single models on dev, "XLNet∗" under ensembles on
    test, "∗ indicates using ensembles": two leaderboards' rows, not two values for one."""
    table = Table(
        grid(
            [
                ["Model", "QNLI", "RTE"],
                ["Single-task single models on dev", "", ""],
                ["BERT [2]", "92.3", "70.4"],
                ["NewLM", "93.9", "83.8"],
                ["Multi-task ensembles on test (from leaderboard)", "", ""],
                ["MT-DNN∗ [18]", "96.0", "86.3"],
                ["NewLM∗", "98.6", "86.3"],
            ]
        ),
        "4",
        "Table 4: Results on GLUE. ∗ indicates using ensembles, and † denotes single-task "
        "results in a multi-task row.",
    )
    found = _found(table, "NewLM")
    assert ("NewLM", "QNLI dev", "Accuracy", 93.9) in found
    assert ("NewLM (ensembles)", "QNLI test", "Accuracy", 98.6) in found
    assert ("NewLM (ensembles)", "RTE test", "Accuracy", 86.3) in found
    assert len(found) == 4


def test_group_rows_naming_the_split_qualify_the_dataset() -> None:
    """XLNet's SQuAD table prints "XLNet" twice, under "Dev set results ..." and "Test set
    results on leaderboard ...": SQuAD1.1 dev and test, the method as printed."""
    table = Table(
        grid(
            [
                ["SQuAD1.1", "EM", "F1"],
                ["Dev set results without data augmentation", "", ""],
                ["BERT [10]", "84.1", "90.9"],
                ["NewLM", "88.95", "94.52"],
                ["Test set results on leaderboard, with data augmentation", "", ""],
                ["Human [27]", "82.30", "91.22"],
                ["NewLM", "89.90", "95.08"],
            ]
        ),
        "2",
        "Table 2: A single model NewLM outperforms human on SQuAD1.1.",
    )
    assert _found(table, "NewLM") == {
        ("NewLM", "SQuAD1.1 dev", "EM", 88.95),
        ("NewLM", "SQuAD1.1 dev", "F1", 94.52),
        ("NewLM", "SQuAD1.1 test", "EM", 89.9),
        ("NewLM", "SQuAD1.1 test", "F1", 95.08),
    }


def test_a_header_row_repeated_over_a_second_block_names_each_block_by_its_first_cell() -> None:
    """Gated PixelCNN's ImageNet table: "32x32 | Model | NLL Test (Train)" and again "64x64 |
    Model | NLL Test (Train)" over the same three models: each block its image size."""
    table = Table(
        grid(
            [
                ["32x32", "Model", "NLL Test (Train)"],
                ["", "PixelRNN: [30]", "3.86 (3.83)"],
                ["", "Gated NewCNN:", "3.83 (3.77)"],
                ["64x64", "Model", "NLL Test (Train)"],
                ["", "PixelRNN: [30]", "3.63 (3.57)"],
                ["", "Gated NewCNN:", "3.57 (3.48)"],
            ]
        ),
        "2",
        "Table 2: Performance of different models on ImageNet in bits/dim (lower is better).",
    )
    methods = {(m, v) for m, _, _, v in _found(table, "Gated NewCNN")}
    assert methods == {("Gated NewCNN (32x32)", 3.83), ("Gated NewCNN (64x64)", 3.57)}


def test_a_group_row_of_one_mark_marks_the_rows_below_it() -> None:
    """RepLKNet's ImageNet table: its "‡" set on a line of its own right above a 22K-pretrained
    row; "RepLKNet-31B" at 384x384 above it and below it are two models. A marked row no other
    row names alike is named by its mark too ("RepLKNet-31L ‡"), an unmarked one further below
    is not. An input size the
    reader ran onto a label ("RepLKNet-31B ‡ 224×224") is its column's (grid_repair)."""
    cells = grid(
        [
            ["Model", "Input resolution", "Top-1 acc"],
            ["NewNet-B", "224×224", "83.5"],
            ["NewNet-B", "384×384", "84.8"],
            ["", "", "85.2"],
            ["", "‡", ""],
            ["NewNet-B", "384×384", "86.0"],
            ["Swin-B ‡", "384×384", "86.4"],
            ["NewNet-L ‡", "384×384", "86.6"],
            ["NewNet-XL", "320×320", "87.8"],
        ]
    )
    cells.append(TableCell(3, 0, "NewNet-B ‡ 224×224", col_span=2))  # over the size column
    table = Table(
        cells,
        "6",
        "Table 6. ImageNet results. ‡ indicates ImageNet- 22K pretraining.",
    )
    found = {(m, v) for m, _, _, v in _found(table, "NewNet")}
    assert ("NewNet-B (Input resolution: 384×384)", 84.8) in found
    assert ("NewNet-B (Input resolution: 384×384, ImageNet-22K pretraining)", 86.0) in found
    assert ("NewNet-B (Input resolution: 224×224)", 83.5) in found
    assert ("NewNet-B (Input resolution: 224×224, ImageNet-22K pretraining)", 85.2) in found
    assert ("NewNet-L (Input resolution: 384×384, ImageNet-22K pretraining)", 86.6) in found
    assert ("NewNet-XL (Input resolution: 320×320)", 87.8) in found


def test_twins_nothing_read_tells_apart_keep_the_first() -> None:
    table = Table(
        grid(
            [
                ["Method", "CIFAR-10 error"],
                ["ResNet [1]", "6.4"],
                ["NewNet", "4.1"],
                ["DenseNet [2]", "3.9"],
                ["NewNet", "3.8"],
            ]
        ),
        "3",
        "Table 3: Test error (%) on CIFAR-10.",
    )
    assert {v for _, _, _, v in _found(table, "NewNet")} == {4.1}


def test_rows_under_group_rows_naming_datasets_keep_their_name() -> None:
    table = Table(
        grid(
            [
                ["Model", "Perplexity"],
                ["WikiText-103", ""],
                ["Transformer-XL [3]", "18.3"],
                ["NewLM", "17.1"],
                ["Penn Treebank", ""],
                ["Transformer-XL [3]", "54.5"],
                ["NewLM", "52.0"],
            ]
        ),
        "5",
        "Table 5: Perplexity of language models.",
    )
    assert {(m, v) for m, _, _, v in _found(table, "NewLM")} == {("NewLM", 17.1), ("NewLM", 52.0)}


def test_a_caption_says_what_each_mark_means_in_a_few_words_only() -> None:
    caption = (
        "∗ means ensembles, † marks our runs with the official code. ‡ indicates ImageNet- 22K "
        "pretraining and 640×640 finetuning on ADE20K. § denotes results we could not "
        "reproduce in the setting of the original paper with the code released by its authors."
    )
    assert meanings(caption) == {
        "*": "ensembles",
        "†": "our runs with the official code",
        "‡": "ImageNet-22K pretraining and 640×640 finetuning on ADE20K",
    }


def test_an_ablation_row_is_no_twin_of_the_result_row() -> None:
    """Within one table, a result row is never dropped for an ablation row named alike above
    it: the ablation is kept off leaderboards, the result stands."""

    def row(value: float, ablation: str | None) -> Result:
        cell = Evidence("c", 0, 1, str(value), "table", table="2", ablation=ablation)
        return Result("NewNet", None, "SQuAD", "EM", value, [cell])

    kept = first_of_twins([row(65.0, "the table is an ablation study"), row(68.0, None)])
    assert [r.value for r in kept] == [65.0, 68.0]


def test_a_mark_meaning_a_cited_setup_names_it_and_no_count_both_rows_share_does() -> None:
    """LoRA's GLUE table: two "RoBlarge (LoRA)" rows of 0.8M trainable parameters, the second
    marked "†", which the caption says are runs in a cited setup; the cited work names that
    setup (no footnote sentence in the name), why they ran so is no part of the setting, and the
    shared parameter count tells nothing apart."""
    table = Table(
        grid(
            [
                ["Model & Method", "# Trainable Parameters", "RTE"],
                ["RoBlarge (FT)*", "355.0M", "86.6"],
                ["RoBlarge (NewNet)", "0.8M", "87.4"],
                ["RoBlarge (AdptH)†", "6.0M", "83.4"],
                ["RoBlarge (NewNet)†", "0.8M", "85.2"],
            ]
        ),
        "2",
        "Table 2: Adaptation methods on the GLUE benchmark. * indicates numbers published in"
        " prior works. † indicates runs configured in a setup similar to Houlsby et al. (2019)"
        " for a fair comparison.",
    )
    meant = "setup of Houlsby et al. (2019)"
    assert meanings(table.caption)["†"] == meant
    found = {(m, v) for m, _, _, v in _found(table, "NewNet")}
    assert found == {("RoBlarge (NewNet)", 87.4), (f"RoBlarge (NewNet, {meant})", 85.2)}


def test_a_mark_meaning_a_setting_like_a_cited_works_is_named_by_the_work() -> None:
    """A footnote that says a run follows a cited work's setup names the setup by the work,
    never the sentence; a bare "[12]" names no work, so that meaning stays as printed."""
    caption = (
        "Table 3: Results. † denotes models trained following Smith and Lee (2020). ‡ indicates"
        " numbers with a protocol similar to Chen et al. (2021a) for a fair comparison. * means"
        " results following [12]."
    )
    assert meanings(caption) == {
        "†": "setup of Smith and Lee (2020)",
        "‡": "setup of Chen et al. (2021a)",
        "*": "results following [12]",
    }


def test_only_a_setup_like_a_cited_works_is_named_by_the_work() -> None:
    """A setup "similar to", "the same as", "as in" or "following" a cited work's is named by
    the work; models "like" a work, results "after" or "according to" one say something else
    and stay as printed; a long explanation names no setting, whatever work it cites."""
    caption = (
        "Table 4: Results. * indicates models like BERT (2019). † means results after Devlin"
        " et al. (2019). ‡ indicates re-implemented according to Wang et al. (2021). § denotes"
        " results we reproduced with the official code and default hyper-parameters following"
        " Smith et al. (2020). ¶ indicates training as in He et al. (2016)."
    )
    assert meanings(caption) == {
        "*": "models like BERT (2019)",
        "†": "results after Devlin et al. (2019)",
        "‡": "re-implemented according to Wang et al. (2021)",
        "¶": "setup of He et al. (2016)",
    }
