"""A metric the paper names only as an everyday word is not shown (issue 14): the HCI paper
2304.02623's "the efficiency and accuracy of these approaches" (p. 3), CiteSee's "to figure out
the accuracy of a machine learning model" (2302.07302, p. 5) and a strain-sensor paper's
"advantages such as accuracy" (papermage's key-error fixture, p. 1) report no accuracy; LongEval
(2023.eacl-main.121, p. 16) does, "an accuracy 90%", and an event-extraction paper (papermage's
index-list-out-of-range fixture, p. 7) says it measures recall."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence
from papergraph.ingest.extract.curate import mark_salient
from papergraph.ingest.extract.unmeasured import as_function, unmeasured
from tests.ingest.tables import paper_with

WRITING = (
    "Language models can be involved to improve the efficiency and accuracy of these approaches "
    "by, e.g., automatic grouping based on the textual representation [28] or enabling semantic "
    "search."
)
CITESEE = (
    "While some participants recalled paying less attention when reading to understand a paper "
    "quickly (e.g., to figure out the accuracy of a machine learning model), all participants "
    "emphasized the importance of using inline citations during literature reviews to discover "
    "important prior work."
)
SENSOR = (
    "Optical sensors offer various advantages such as accuracy and the ease of multiplexing but "
    "comes with brittleness and high power consumption due to the spectrum analyzer that can "
    "consume several Watts."
)
LONGEVAL = (
    "In our qualification task of error detection in synthetically perturbed SQuALITY summaries, "
    "MTurkers scored just 62% (binary classification) with a three-annotator Fleiss κ of 0.15. On "
    "the other hand, Upwork freelancers (with professional writing experience) an accuracy 90% "
    "with a high inter-annotator agreement (Fleiss κ = 0.71). We thank the annotators."
)

EVENTS = (
    "A trigger is correct only if its span and event subtype match those of a golden trigger. "
    "Moreover, we use Precision (P), Recall (R), and F measure (F1) as evaluation metrics. "
    "Hyper Parameter Setting."
)


def _metric(label: str, text: str, chunk: str = "p#0") -> Entity:
    """A metric with one evidence span for each place `text` (chunk `chunk`) names it."""
    spans, at = [], text.find(label)
    while at >= 0:
        spans.append(Evidence(chunk, at, at + len(label), label, "lexicon"))
        at = text.find(label, at + 1)
    return Entity(EntityType.METRIC, label, evidence=spans)


def _chunks(text: str, kind: ChunkKind = ChunkKind.BODY) -> dict[str, Chunk]:
    return {"p#0": Chunk("p#0", "p", 0, text, kind=kind)}


def test_accuracy_as_an_everyday_word_is_unmeasured() -> None:
    for text in (WRITING, CITESEE, SENSOR):
        assert unmeasured(_metric("accuracy", text), _chunks(text))


def test_accuracy_beside_a_value_is_measured() -> None:
    assert not unmeasured(_metric("accuracy", LONGEVAL), _chunks(LONGEVAL))


def test_a_metric_the_paper_says_it_evaluates_in_is_measured() -> None:
    assert not unmeasured(_metric("Recall", EVENTS), _chunks(EVENTS))
    unspaced = "Moreover,weusePrecision(P),Recall(R),andFmeasure(F1)asevaluationmetrics."
    assert not unmeasured(_metric("Recall", unspaced), _chunks(unspaced))


def test_a_value_in_another_sentence_does_not_count() -> None:
    """LongEval's values stand in the sentences before and after, not in this one."""
    text = "MTurkers scored just 62%. We care about accuracy and speed. Fleiss κ of 0.15 follows."
    assert unmeasured(_metric("accuracy", text), _chunks(text))


def test_a_metric_in_a_table_or_caption_is_measured() -> None:
    assert not unmeasured(_metric("accuracy", SENSOR), _chunks(SENSOR, ChunkKind.CAPTION))
    assert not unmeasured(_metric("accuracy", SENSOR), _chunks(SENSOR, ChunkKind.TABLE))


def test_a_metric_name_that_is_no_everyday_word_is_left_alone() -> None:
    text = "We also report the ROUGE and perplexity of these approaches."
    assert not unmeasured(_metric("perplexity", text), _chunks(text))
    assert not unmeasured(_metric("ROUGE", text), _chunks(text))


def test_the_papers_only_metric_is_not_shown_when_unmeasured() -> None:
    paper = paper_with([], "Beyond Summarization", WRITING, paper_id="p")
    accuracy = _metric("accuracy", WRITING)
    accuracy.salience = 0.28
    assert [e.salient for e in mark_salient([accuracy], paper)] == [False]
    paper = paper_with([], "LongEval", LONGEVAL, paper_id="p")
    accuracy = _metric("accuracy", LONGEVAL)
    accuracy.salience = 0.28
    assert [e.salient for e in mark_salient([accuracy], paper)] == [True]


#: ZeRO (1910.02054, p. 1) names its aim; it reports model sizes and throughput, no efficiency.
ZERO = (
    "We develop a novel solution, Zero Redundancy Optimizer (ZeRO), to optimize memory, vastly "
    "improving training speed while increasing the model size that can be efficiently trained. "
    "ZeRO eliminates memory redundancies in data- and model-parallel training while retaining "
    "low communication volume and high computational granularity, allowing us to scale the "
    "model size proportional to the number of devices with sustained high memory efficiency."
)
#: The batch-normalization paper (1502.03167, p. 2): F1 and F2 are functions, not F1 scores.
FUNCTIONS = (
    "Consider a network computing ℓ = F2(F1(u, Θ1), Θ2) where F1 and F2 are arbitrary "
    "transformations, and the parameters Θ1, Θ2 are to be learned so as to minimize the loss ℓ."
)


def test_a_phrase_of_everyday_words_named_unmeasured_is_unmeasured() -> None:
    assert unmeasured(_metric("memory efficiency", ZERO), _chunks(ZERO))
    text = "Adam makes faster progress in terms of the number of iterations and wall-clock time."
    assert unmeasured(_metric("wall-clock time", text), _chunks(text))


def test_a_metric_in_a_sentence_pointing_to_a_figure_is_measured() -> None:
    """Adam (1412.6980, p. 7): its Figure 2 compares training in wall-clock time."""
    text = "Figure 2 shows that Adam makes faster progress in terms of wall-clock time."
    assert not unmeasured(_metric("wall-clock time", text), _chunks(text))


def test_a_phrase_of_everyday_words_beside_a_value_is_measured() -> None:
    text = "The word error rate falls to 4.2% on the test set."
    assert not unmeasured(_metric("word error rate", text), _chunks(text))


def test_a_metric_written_as_a_function_of_variables_is_a_symbol() -> None:
    f1 = _metric("F1", FUNCTIONS)
    assert len(f1.evidence) == 2 and as_function(f1, _chunks(FUNCTIONS))
    paper = paper_with([], "Batch Normalization", FUNCTIONS, paper_id="p")
    assert [e.salient for e in mark_salient([f1], paper)] == [False]


def test_an_f1_score_is_no_function() -> None:
    text = "Our model reaches an F1 (%) of 91.2, and F1(x) is the score of a single run."
    assert not as_function(_metric("F1", text), _chunks(text, ChunkKind.CAPTION))
    plain = "We report F1 on the test set."
    assert not as_function(_metric("F1", plain), _chunks(plain))
