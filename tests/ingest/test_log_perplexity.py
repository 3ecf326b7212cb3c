"""A perplexity's logarithm is a measure of its own. Primer's Table 7 prints "Pretraining Log
PPLX" (about 1.8, the mean negative log-likelihood per token) where its other tables print
PPLX (about 19): read as a perplexity, the value sat on perplexity boards e^x times too low."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.metric_names import higher_is_better, metrics_named, read_metric
from tests.ingest.tables import grid, table_rows

LOG_PPLX_TABLE = Table(
    cells=grid(
        [
            ["Model", "Params", "Pretraining Log PPLX", "SGLUE"],
            ["Transformer++", "224M", "1.792", "75.65"],
            ["Primer-EZ Decoder", "224M", "1.787", "76.69"],
        ]
    ),
    number="7",
    caption="Table 7: Masked language modeling comparison on C4 in T5 with encoder-decoder models.",
    page=33,
)


def test_log_perplexity_headers_are_their_own_metric_lower_better() -> None:
    for header in ("Pretraining Log PPLX", "log ppl", "log-perplexity", "Log Perplexities"):
        metric = read_metric(header)
        assert metric is not None and metric.label == "Log perplexity", header
        assert metric.higher_is_better is False
    assert [m.label for m in metrics_named("validation log perplexity")] == ["Log perplexity"]
    assert higher_is_better("Log perplexity") is False


def test_a_plain_perplexity_stays_one() -> None:
    for header in ("PPLX", "C4 PPLX @ 1M Steps", "OpenWebText (ppl)", "Perplexity (↓)"):
        metric = read_metric(header)
        assert metric is not None and metric.label == "Perplexity", header


def test_a_negative_log_likelihood_abbreviated_is_nll() -> None:
    for header in ("neg. log-likelihood", "Neg log likelihood", "negative log-likelihood"):
        metric = read_metric(header)
        assert metric is not None and metric.label == "NLL", header


def test_log_pplx_column_gives_no_perplexity_rows() -> None:
    found = table_rows(LOG_PPLX_TABLE, ["Primer-EZ"])
    metrics = {r.metric for r in found if r.value is not None}
    assert "Perplexity" not in metrics
    rows = {(r.method, r.metric): r.value for r in found if r.value is not None}
    assert rows.get(("Primer-EZ Decoder", "Log perplexity")) == 1.787
