"""What a row's metric says of its task: a metric of writing (BLEU, ROUGE) evaluates generation,
translation or summarisation; one of likelihood (NLL, bits/dim, perplexity) generation, density
estimation or language modelling; exact match question answering; R-precision retrieval; a
measure of a ranked list at a cut-off (accuracy@k, recall@k, hits@k, MRR, nDCG) retrieval or
ranking where the table's caption says it ranks or retrieves. Among the tasks the data gives a
dataset, those the metric's kind names are the row's (ingest/extract/dataset_tasks.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from papergraph.core.model import fold

#: Metrics that score what a model writes or how likely it finds the data, and the words of the
#: tasks they evaluate, folded: BLEU on Quora Question Pairs is paraphrase generation, not
#: identification; bits/dim on CIFAR-10 image generation or density estimation, not
#: classification; exact match on Natural Questions question answering, not retrieval; and
#: R-precision on it (KILT's page or passage retrieval, SEAL's "Retrieval results" tables) is
#: retrieval, never the question answering, fact checking or dialogue the dataset is read for;
#: mask AP on COCO instance segmentation.
METRIC_TASKS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "text": (
        frozenset(
            {"bleu", "selfbleu", "ibleu", "rouge", "rouge1", "rouge2", "rougel", "rougelsum"}
            | {"meteor", "cider"}
        ),
        ("generation", "translation", "summarization", "captioning", "totext"),
    ),
    "likelihood": (
        frozenset({"nll", "bitsperdim", "bitsperbyte", "bpc", "nats", "perplexity"}),
        ("generation", "densityestimation", "languagemodelling"),
    ),
    "answer": (frozenset({"em"}), ("questionanswering", "readingcomprehension")),
    # the AP of predicted masks (COCO's "AP^mask", "APm") scores instance segmentation, not
    # the object detection its table's box AP columns score
    "mask": (
        frozenset({"maskap", "maskap50", "maskap75", "maskaps", "maskapm", "maskapl"}),
        ("instancesegmentation",),
    ),
    # COCO's other APs by name: box AP object detection, keypoint AP (OKS) keypoint detection or
    # pose estimation, panoptic quality (PQ) panoptic segmentation (ingest/extract/ap_kinds.py)
    "box": (frozenset({"boxap"}), ("objectdetection",)),
    "keypoint": (
        frozenset({"keypointap", "apkp", "kpap", "oksap", "apoks"}),
        ("keypointdetection", "poseestimation"),
    ),
    "panoptic": (frozenset({"pq", "pqth", "pqst"}), ("panopticsegmentation",)),
    # attachment scores (LAS, UAS) score a dependency tree's arcs: dependency parsing alone, as
    # Papers with Code lists them under no other task (pwc-taxonomy *_tasks_detailed.csv)
    "attachment": (
        frozenset(
            {"las", "uas", "labeledattachmentscore", "labelledattachmentscore"}
            | {"unlabeledattachmentscore", "unlabelledattachmentscore"}
        ),
        ("dependencyparsing",),
    ),
    "retrieval": (frozenset({"rprecision"}), ("retrieval",)),
    "ranking": (frozenset(), ("retrieval", "ranking")),
}
#: A measure of a ranked list, at a cut-off or over the ranks (res41 keeps each k its own metric:
#: "Accuracy@20", "Hits@1", "MRR@10"). Alone it names no task: hits@10 and MRR also score link
#: prediction, recall@50 scene graph generation. Where the caption says the table retrieves or
#: ranks, it scores the list: SEAL's "Retrieval results on the NQ test set ... (accuracy@5/20/100)"
#: counts the questions whose top k passages hold the answer, passage retrieval, not the question
#: answering Natural Questions is also read for (its EM columns, downstream, stay so).
_RANKING = re.compile(r"(?:accuracy|recall|r|hits|precision|p|mrr|ndcg|map)@\w+|mrr|ndcg", re.I)
_RANKS = re.compile(r"\b(?:retriev|(?:re-?)?ranking\b|re-?rank)", re.I)
#: Kinds that name the paper's task where no data knows one, and leave a row no task rather than
#: a dataset's task they do not measure.
DECIDING = ("text", "likelihood", "retrieval")


#: Kinds of metric that score one task only, whatever the dataset's data says it is read for:
#: GENIA's LAS is dependency parsing, not the event extraction the data files GENIA under.
ONE_TASK = {"attachment": "dependency parsing"}


def metric_task(metric: str | None) -> str | None:
    """The one task a metric of ONE_TASK's kinds scores, else None."""
    return ONE_TASK.get(metric_kind(metric) or "")


def task_key(task: str) -> str:
    """A task folded, American and British spelling alike ("language modeling")."""
    return fold(task).replace("modeling", "modelling")


def metric_kind(metric: str | None) -> str | None:
    """The kind of METRIC_TASKS the metric is ("text", "likelihood", "answer", "mask", "box",
    "retrieval", "ranking", ...), else None."""
    key = fold(metric or "")
    if _RANKING.fullmatch((metric or "").strip()):
        return "ranking"
    return next((kind for kind, (names, _) in METRIC_TASKS.items() if key in names), None)


def measured_by(metric: str | None, paper_tasks: Sequence[str], caption: str = "") -> str | None:
    """The paper's one task that a metric of writing or likelihood evaluates, kinds of it aside
    (BLEU on a dataset no data knows, in a paper whose only such task is natural language
    generation), or a ranked list's measure under a caption that retrieves or ranks; else None.
    Exact match alone decides nothing: LAMBADA's is word prediction."""
    kind = metric_kind(metric)
    deciding = kind in DECIDING or (kind == "ranking" and ranks(caption))
    words = METRIC_TASKS[kind][1] if kind and deciding else ()
    fit = {task_key(t): t for t in paper_tasks if any(w in task_key(t) for w in words)}
    roots = [t for key, t in fit.items() if not any(k != key and k in key for k in fit)]
    return roots[0] if len(roots) == 1 else None  # "Conditional Image Generation" is one


def ranks(caption: str) -> bool:
    """Whether a table's caption says it retrieves or ranks ("Retrieval results on ...")."""
    return bool(_RANKS.search(caption))


def fitting(candidates: Counter[str], metric: str | None, caption: str = "") -> Counter[str]:
    """The candidates a task of the metric's kind names (none may), or all where the metric is
    of no kind, or of a ranked list's where the caption says nothing of retrieval
    or ranking."""
    kind = metric_kind(metric)
    if kind is None or (kind == "ranking" and not ranks(caption)):
        return candidates
    words = METRIC_TASKS[kind][1]
    return Counter({t: n for t, n in candidates.items() if any(w in task_key(t) for w in words)})
