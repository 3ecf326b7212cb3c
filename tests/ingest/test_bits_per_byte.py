"""RETRO's Table 14: datasets down the side, models across the top, bits per byte ("bpb") the
measure of most rows, and one row the paper mislabels ("Wikitext103 Perplexity" prints the
LAMBADA accuracies again). Bits per byte is a metric, lower better; a perplexity below 1 is
none, so that row gives no result."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.metric_names import impossible, read_metric
from tests.ingest.tables import grid, table_rows

RETRO_TABLE_14 = Table(
    cells=grid(
        [
            ["", "Baseline", "", "Retro[On]", ""],
            ["", "172M", "7.5B", "172M", "7.5B"],
            ["C4 Eval bpb", "0.98", "0.78", "0.82", "0.66"],
            ["Lambada Accuracy", "0.42", "0.69", "0.52", "0.73"],
            ["Wikitext103 Perplexity", "0.42", "0.69", "0.52", "0.73"],
        ]
    ),
    number="14",
    caption="Table 14 | Full results for the main language modelling datasets.",
    page=34,
)


def test_bpb_is_bits_per_byte_lower_better() -> None:
    for header in ("bpb", "C4 Eval bpb", "bits-per-byte", "measured in bits-per-bytes"):
        metric = read_metric(header)
        assert metric is not None and metric.label == "Bits per byte"
        assert metric.higher_is_better is False


def test_a_perplexity_below_one_is_impossible_and_other_values_are_not() -> None:
    assert impossible("Perplexity", 0.47)
    assert not impossible("Perplexity", 18.46) and not impossible("Accuracy", 0.47)


def test_retro_rows_read_bits_per_byte_and_drop_the_mislabelled_perplexities() -> None:
    found = table_rows(RETRO_TABLE_14, ["Retro"])
    rows = {(r.method, r.dataset, r.metric): r.value for r in found if r.value is not None}
    assert rows[("Retro[On] 7.5B", "C4", "Bits per byte")] == 0.66
    assert rows[("Retro[On] 172M", "LAMBADA", "Accuracy")] == 0.52
    assert not [key for key in rows if key[2] == "Perplexity"]


RETRO_TABLE_15 = Table(
    cells=grid(
        [
            ["Subset", "7B Baseline (Ours)", "GPT-3", "7.5B Retro"],
            ["opensubtitles", "0.974", "0.932", "0.930"],
            ["philpapers", "0.760", "0.723", "0.699"],
        ]
    ),
    number="15",
    caption="Table 15 | Full results on The Pile, measured in bits-per-bytes.",
    page=35,
)


def test_a_caption_in_bits_per_bytes_names_the_columns_metric_and_ours_names_no_model() -> None:
    rows = {(r.method, r.dataset, r.metric): r.value for r in table_rows(RETRO_TABLE_15, ["Retro"])}
    # the size kept; a "Subset" row is The Pile's part, never the OpenSubtitles corpus itself
    assert rows[("Retro 7.5B", "The Pile (opensubtitles)", "Bits per byte")] == 0.93
    assert rows[("7B Baseline", "The Pile (philpapers)", "Bits per byte")] == 0.76  # no "(Ours)"
    assert not [key for key in rows if "(Ours)" in key[0] or key[0] == "GPT-3"]
