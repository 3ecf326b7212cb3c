"""Edit-based scores of generation tables read as metrics: TER (translation edit rate, lower is
better) beside BLEU and METEOR in data-to-text tables, and SARI in simplification and paraphrase
tables (ingest/extract/metric_names.py). Their columns gave no row while the names were
unknown; "Self-TER", a novelty measure glued to TER, stays no TER."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.metric_names import higher_is_better, read_metric
from tests.ingest.tables import grid, measured


def test_ter_and_sari_are_read_with_their_directions() -> None:
    ter, sari = read_metric("TER↓"), read_metric("SARI")
    assert ter is not None and ter.label == "TER" and ter.higher_is_better is False
    assert sari is not None and sari.label == "SARI" and sari.higher_is_better is True
    assert higher_is_better("TER") is False


def test_self_ter_and_words_holding_ter_are_no_ter() -> None:
    assert read_metric("Self-TER") is None
    assert read_metric("INTER") is None
    assert read_metric("ter") is None  # only the printed capitals name the score


def test_a_ter_column_of_a_data_to_text_table_gives_rows() -> None:
    table = Table(
        cells=grid(
            [
                ["Method", "BLEU↑", "MET↑", "TER↓"],
                ["Baseline [3]", "41.0", "0.34", "0.56"],
                ["NewNet", "47.1", "0.39", "0.46"],
            ]
        ),
        number="3",
        caption="Table 3: Results on DART.",
        page=4,
    )
    rows = measured(table, ["NewNet"])
    assert ("NewNet", "DART", "TER", 0.46) in rows
    assert ("NewNet", "DART", "BLEU", 47.1) in rows


def test_a_sari_column_of_a_paraphrase_table_gives_rows() -> None:
    table = Table(
        cells=grid(
            [
                ["Method", "Self-TER", "BLEU", "SARI"],
                ["Copy", "0.00", "32.78", "14.98"],
                ["NewNet", "50.27", "34.09", "42.40"],
            ]
        ),
        number="4",
        caption="Table 4: Paraphrase generation on Quora Question Pairs.",
        page=5,
    )
    rows = measured(table, ["NewNet"])
    metrics = {metric for method, _, metric, _ in rows if method == "NewNet"}
    assert ("NewNet", "Quora Question Pairs", "SARI", 42.4) in rows
    assert "TER" not in metrics  # "Self-TER" is a novelty measure, no TER
