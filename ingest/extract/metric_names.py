"""Metric names as table headers and captions print them, with the direction each is read in.

A results table writes "top-5 err.", "EM", "AP50", "bits/dim" or "BLEU"; one pattern per metric
reads them into one label (the Papers with Code spelling where there is one) and says whether a
higher value is better, which a leaderboard needs to rank its rows. Error and accuracy are
different metrics here ("top-5 error" is not "top-5 accuracy"): their values point opposite ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from papergraph.ingest.extract.ap_scripts import scripted_ap


@dataclass(frozen=True)
class Metric:
    """A metric's preferred label and its direction (None: neither way is better, as for a
    stereotype score, whose ideal is 50)."""

    label: str
    higher_is_better: bool | None


def metric_rule(
    pattern: str, label: str, higher: bool | None = True
) -> tuple[re.Pattern[str], Metric]:
    """A metric's printed names as one whole-word pattern, with its label and direction."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), Metric(label, higher)


#: COCO's AP over the IoU thresholds .5 to .95 where a header prints them: the AP itself, which
#: no caption's "mAP" says better (`refines` tells it by identity from a bare "AP").
IOU_RANGE_AP = Metric("AP", True)
_IOU_RANGE_PRINTED = r"m?ap\s*@?\s*\[?\s*(?:iou\s*=\s*)?0?\.5\s*[:,]\s*0?\.95\s*\]?"

#: First match wins, so specific names come before the general ones they contain.
RULES: tuple[tuple[re.Pattern[str], Metric], ...] = (
    # a box's error, not a label's: "top-5 LOC error", "top-5 localization err" (ResNet's
    # ImageNet localization); read as "Top-5 Error" it took the classifiers' task and board
    metric_rule(
        r"top[- ]?5\s*(?:loc\.?|locali[sz]ation)\s*(?:err\.?|errors?)",
        "Top-5 Localization Error",
        higher=False,
    ),
    metric_rule(
        r"top[- ]?1\s*(?:[a-z]+\s+)?(?:err\.?|errors?)(?:\s*rates?)?", "Top-1 Error", higher=False
    ),
    metric_rule(
        r"top[- ]?5\s*(?:[a-z]+\s+)?(?:err\.?|errors?)(?:\s*rates?)?", "Top-5 Error", higher=False
    ),
    metric_rule(r"top[- ]?1(?:\s*acc\.?|\s*accurac(?:y|ies))?", "Top-1 Accuracy"),
    metric_rule(r"top[- ]?5(?:\s*acc\.?|\s*accurac(?:y|ies))?", "Top-5 Accuracy"),
    metric_rule(r"self[- ]?bleu", "Self-BLEU", higher=False),  # diversity: a copy scores 100
    metric_rule(r"i-?bleu", "iBLEU"),  # paraphrase BLEU less a share of the BLEU to the source
    # Q-BLEU (Nema and Khapra, EMNLP 2018): BLEU weighing a question's answerability words
    metric_rule(r"q-?bleu[- ]?1|(?-i:QB-1)", "Q-BLEU-1"),  # RAG's Jeopardy question generation
    metric_rule(r"bleu[- ]?1|(?-i:B-1)", "BLEU-1"),  # unigram BLEU of answer generation (MS MARCO)
    metric_rule(r"(?:sacre)?bleu(?:[- ]?4)?(?: scores?)?", "BLEU"),
    metric_rule(r"bleurt(?:-20)?", "BLEURT"),  # a learned score (Sellam et al., ACL 2020), no BLEU
    # ROUGE-1, -2 and -L are leaderboards of their own (unigram, bigram, longest common
    # subsequence overlap; a bare "ROUGE" names none of them), printed short as "R-L" or
    # "RG-L" too (summarisation tables: "RG-1 | RG-2 | RG-L")
    metric_rule(r"(?:rouge[- ]?1|(?-i:RG?-1))(?:[- ]?f1)?", "ROUGE-1"),
    metric_rule(r"(?:rouge[- ]?2|(?-i:RG?-2))(?:[- ]?f1)?", "ROUGE-2"),
    metric_rule(r"(?:rouge[- ]?l(?:sum)?|(?-i:RG?-L))(?:[- ]?f1)?", "ROUGE-L"),  # "R-Lf1": its F1
    metric_rule(r"rouge(?: scores?)?", "ROUGE"),
    metric_rule(r"meteor|(?-i:MET|MTR)", "METEOR"),  # "MET", "MTR" beside BLEU in NLG tables
    metric_rule(r"(?-i:NIST)", "NIST"),  # the n-gram score of NLG tables, never the NIST datasets
    metric_rule(r"cider(?:-d)?", "CIDEr"),
    metric_rule(r"spice", "SPICE"),
    metric_rule(r"chrf\+*", "chrF"),
    # translation edit rate, the third score of data-to-text tables beside BLEU and METEOR (DART,
    # WebNLG; Papers with Code's boards name it "TER"); "Self-TER" stays a measure of its own
    metric_rule(r"(?-i:TER)", "TER", higher=False),
    metric_rule(r"(?-i:SARI)", "SARI"),  # edit score of simplification and paraphrase (Xu 2016)
    metric_rule(r"word error rate|wer", "Word Error Rate", higher=False),
    metric_rule(r"character error rate|cer", "Character Error Rate", higher=False),
    # a perplexity's logarithm (the mean negative log-likelihood per token: Primer's "Log PPLX"
    # of about 1.8 beside PPLX of about 19) is a measure of its own, never a perplexity
    metric_rule(r"log[- ]?(?:perplexit(?:y|ies)|pplx?)", "Log perplexity", higher=False),
    metric_rule(r"perplexit(?:y|ies)|pplx?", "Perplexity", higher=False),  # "PPLX": Primer
    metric_rule(
        r"bits?\s*/\s*dim(?:ension)?|bits per dim(?:ension)?|bpd|bpc|bits per char(?:acter)?",
        "Bits per dim",
        higher=False,
    ),
    # bits per UTF-8 byte: RETRO's "C4 Eval bpb" (and "bits-per-bytes"), the Pile's boards
    metric_rule(r"bits?[- ]per[- ]bytes?|bpb", "Bits per byte", higher=False),
    metric_rule(r"nll|nats|neg(?:ative|\.)? log[- ]likelihood", "NLL", higher=False),
    metric_rule(r"fid", "FID", higher=False),
    metric_rule(r"inception score|(?-i:IS)", "Inception score"),
    # COCO's AP averaged over the IoU thresholds .5 to .95, printed with them ("mAP@[.5, .95]",
    # "AP@[.5:.95]": ResNet's Table 8 beside "mAP@.5"): the boards' AP, not an AP at one of them
    (re.compile(rf"(?<![\w-])(?:{_IOU_RANGE_PRINTED})(?![\w-])", re.IGNORECASE), IOU_RANGE_AP),
    # the IoU threshold printed as a fraction too: "AP0.5", "AP0.75" (MicroNet's Table 9), and
    # after a mean AP ("mAP@.5": the AP at IoU .5, COCO's AP50, no mAP of its own)
    metric_rule(r"m?ap\s*50|m?ap\s*@?\s*0?\.5(?!\d)|ap\^?\{?50\}?", "AP50"),
    metric_rule(r"m?ap\s*75|m?ap\s*@?\s*0?\.75|ap\^?\{?75\}?", "AP75"),
    metric_rule(r"ap\s*_?s|ap\s*small", "APS"),
    metric_rule(r"ap\s*_?m|ap\s*medium", "APM"),
    metric_rule(r"ap\s*_?l|ap\s*large", "APL"),
    # average recall of proposals at a number of them per image, of all or of small, medium
    # or large objects ("AR100", "AR1k", "AR1ks"); a bare "AR" is as often autoregressive
    metric_rule(r"(?-i:AR)\s*@?\s*(?:1k|1000)\s*_?(?-i:s)", "AR@1k small"),
    metric_rule(r"(?-i:AR)\s*@?\s*(?:1k|1000)\s*_?(?-i:m)", "AR@1k medium"),
    metric_rule(r"(?-i:AR)\s*@?\s*(?:1k|1000)\s*_?(?-i:l)", "AR@1k large"),
    metric_rule(r"(?-i:AR)\s*@?\s*(?:1k|1000)", "AR@1k"),
    metric_rule(r"(?-i:AR)\s*@?\s*100", "AR@100"),
    metric_rule(r"(?-i:AR)\s*_?(?-i:s)", "ARs"),
    metric_rule(r"(?-i:AR)\s*_?(?-i:m)", "ARm"),
    metric_rule(r"(?-i:AR)\s*_?(?-i:l)", "ARl"),
    metric_rule(r"average recall", "AR"),
    metric_rule(r"mask\s*ap|ap\s*\^?\s*\{?(?:mask|m)\}?", "mask AP"),
    metric_rule(r"box\s*ap|ap\s*\^?\s*\{?(?:box|bb|bbox)\}?", "box AP"),
    metric_rule(r"m\.?ap|mean average precision", "mAP"),
    metric_rule(r"(?-i:AP)|average precision", "AP"),
    metric_rule(r"m\.?ious?|mean\s*ious?|mean intersection over union", "Mean IoU"),
    metric_rule(r"pix(?:el)?[- ]?acc(?:\.|urac(?:y|ies))?", "Pixel Accuracy"),  # "PixAcc" of ADE20K
    metric_rule(r"iou", "IoU"),
    # KILT's scores of a downstream answer counted only where the retrieved page is right too,
    # printed "K.-EM", "KILT-AC" (Petroni et al., NAACL 2021): measures of their own, no EM
    metric_rule(r"(?:kilt|k\.)\s*-\s*em", "KILT-EM"),
    metric_rule(r"(?:kilt|k\.)\s*-\s*acc?", "KILT-AC"),
    metric_rule(r"(?:kilt|k\.)\s*-\s*f1", "KILT-F1"),
    metric_rule(r"(?:kilt|k\.)\s*-\s*(?:rl|rouge-?l)", "KILT-RL"),
    # a dependency parse's share of words given their right head, with (labelled) or without
    # (unlabelled) the right relation: two measures, printed "LAS" and "UAS" after the task
    # ("DEP (LAS)": S2ORC's Table 5) and listed apart by Papers with Code (dependency parsing).
    # The abbreviation only: a caption spelling one out beside the F1 of other tasks ("F1 for
    # NER and labelled attachment score for DEP") would name two metrics and give none
    metric_rule(r"(?-i:LAS)", "LAS"),
    metric_rule(r"(?-i:UAS)", "UAS"),
    # lm-eval-harness headers print it lower case after the task ("ReCoRD em"); a bare "em"
    # or one after a number is the typographic unit. "Exact match accuracy" is EM, the accuracy
    # only its noun (RETRO's Table 5 over "Test Accuracy": the EM of REALM's, RAG's and FiD's
    # own Natural Questions tables), so a caption saying it names one metric, not two
    metric_rule(r"exact[- ]match(?:\s+accurac(?:y|ies))?|(?-i:EM)|(?-i:(?<=[A-Za-z)] )em$)", "EM"),
    # an F1 averaged over classes (macro) or over decisions (micro) where the paper prints
    # which: a metric of its own, ranked apart from a plain F1 ("F1 Macro": RWKV's Table 7)
    metric_rule(r"macro[- ]?(?:averaged )?f1(?:[- ]score)?|f1[- ]?(?:macro|\(macro\))", "Macro-F1"),
    metric_rule(r"micro[- ]?(?:averaged )?f1(?:[- ]score)?|f1[- ]?(?:micro|\(micro\))", "Micro-F1"),
    metric_rule(r"f1(?:[- ]score)?|f[- ]measure|f[- ]score", "F1"),
    metric_rule(r"auc|roc[- ]auc|auroc", "AUC"),
    # measures at a cut-off k, each k a leaderboard of its own, read with the k the header
    # prints (_with_k): code passing in k samples; an answer among the top k retrieved
    # ("hits@1", "accuracy@20": SEAL, DPR); ranking scores over the first k
    metric_rule(r"mrr\s*@\s*(?:\d+|k)", "MRR@k"),
    metric_rule(r"mrr|mean reciprocal rank", "MRR"),
    metric_rule(r"pass\s*@\s*(?:\d+|k)", "pass@k"),
    metric_rule(r"acc(?:uracy)?\s*@\s*(?:\d+|k)", "Accuracy@k"),
    metric_rule(r"err\s*@\s*(?:\d+|k)", "ERR@k"),
    metric_rule(r"n?dcg\s*@\s*(?:\d+|k)", "NDCG@k"),
    metric_rule(r"ndcg", "NDCG"),
    metric_rule(r"hits\s*@\s*(?:\d+|k)", "Hits@k"),
    metric_rule(r"(?:recall|r)\s*@\s*(?:\d+|k)", "Recall@k"),
    metric_rule(r"psnr", "PSNR"),
    metric_rule(r"ssim", "SSIM"),
    metric_rule(r"rmse|root mean squared? error", "RMSE", higher=False),
    metric_rule(r"mae|mean absolute error", "MAE", higher=False),
    metric_rule(r"mse|mean squared error", "MSE", higher=False),
    metric_rule(r"epe|end[- ]point error", "EPE", higher=False),
    metric_rule(
        r"(?:test |classification |percentage )?(?:err\.?|errors?)(?: rates?)?(?: \(%\))?",
        "Error",
        higher=False,
    ),
    # lm-eval-harness's "acc_norm" (answers scored by likelihood per character; RWKV's HellaSwag
    # and ARC-c columns beside "acc" ones): a measure of its own, no plain accuracy
    metric_rule(
        r"acc(?:uracy)?(?:_norm|\s*\(norm(?:ali[sz]ed|\.)?\))|(?:length[- ])?normali[sz]ed\s+"
        r"(?:acc\.?|accurac(?:y|ies))",
        "Normalized Accuracy",
    ),
    metric_rule(
        r"(?:test |classification |top )?(?:acc\.?|accurac(?:y|ies))|percentage correct",
        "Accuracy",
    ),
    metric_rule(r"r[- ]?prec(?:ision|\.)?", "R-Precision"),  # KILT's passage retrieval measure
    metric_rule(r"precision", "Precision"),
    metric_rule(r"recall", "Recall"),
    metric_rule(r"pearson|spearman|mcc|matthew['’]?s", "Correlation"),
    # the share of pairs where a model prefers the stereotyping sentence (StereoSet, CrowS-Pairs):
    # 50 is ideal, so neither a higher nor a lower value is better as such
    metric_rule(r"stereotype scores?", "Stereotype Score", higher=None),
    metric_rule(r"(?:game |mean |median |normalized |raw )?scores?", "Score"),
)

#: Header metrics so general that a caption naming one more specific metric says it better
#: ("NLL" under a caption "... in bits/dim", "Acc." under "... top-1 accuracy").
GENERIC = frozenset({"NLL", "Accuracy", "Error", "Score", "AP"})


def refines(caption: Metric, header: Metric) -> bool:
    """Whether the caption's metric says a generic header's better ("NLL" under "... in
    bits/dim"), scoring the same way; one generic itself only a bare "Score" ("AP" under a
    caption closing "... achieves higher accuracy" stays AP)."""
    if header is IOU_RANGE_AP or header.label not in GENERIC:
        return False
    if caption.higher_is_better != header.higher_is_better:
        return False
    return caption.label not in GENERIC or header.label in ("Score", caption.label)


_BY_LABEL = {metric.label.lower(): metric for _, metric in RULES}

#: Measures of dense prediction (segmentation, detection), scored pixel by pixel or box by box.
DENSE = frozenset({"Mean IoU", "IoU", "Pixel Accuracy", "AP", "box AP", "mask AP", "mAP", "AP50"})
_TOP_K = frozenset({"Top-1 Accuracy", "Top-5 Accuracy", "Top-1 Error", "Top-5 Error"})


def backbone_measure(metric: Metric, kinds: Iterable[str]) -> bool:
    """Whether `metric` is an image classifier's (top-k) in a table whose other columns
    measure dense prediction (`kinds`: "PixAcc", "mIoU", AP): there it is the base network's
    score on the data it was pre-trained on ("Top-1" beside "PixAcc | mIoU" in an ADE20K
    segmentation table is ImageNet accuracy), not a score on the table's dataset."""
    return metric.label in _TOP_K and not DENSE.isdisjoint(kinds)


#: A box or mask AP whose superscript the reader put on a line of its own above it: a lone
#: "b" or "m" before "AP", "AP50", "APS" (COCO tables print AP^b, AP^b_50, AP^m: box and mask).
_KIND_OVER_AP = re.compile(r"(?<![\w^])(?P<kind>[bm])\s+(?P<ap>AP(?:50|75|[SML])?)(?!\w)")


def read_metric(text: str) -> Metric | None:
    """The first metric `text` names, or None. A box AP50 is AP50, as "box AP50" reads; a mask
    one is a metric of its own ("mask AP50", as `of_kind` names it)."""
    found = [(m.start(), i, m) for i, (rule, _) in enumerate(RULES) if (m := rule.search(text))]
    scripted = scripted_ap(text)  # "APb 50", "APm75", "AP^b_50": ap_scripts.py
    if scripted and all(scripted[2] <= start for start, _, _ in found):  # none named before
        kind, part, _ = scripted
        return Metric(f"AP{part}" if kind == "box" else f"mask AP{part}", True)
    kinded = _KIND_OVER_AP.search(text)
    if kinded and kinded["ap"] == "AP":
        return _BY_LABEL["box ap" if kinded["kind"] == "b" else "mask ap"]
    if kinded and kinded["kind"] == "m":
        return Metric(f"mask {kinded['ap']}", True)
    if not found:
        return None
    _, index, match = min(found, key=lambda hit: (hit[0], hit[1]))
    return _with_k(RULES[index][1], match.group(0))


_AT_K = re.compile(r"@\s*(?P<k>\d+)")


def _with_k(metric: Metric, printed: str) -> Metric:
    """A measure at a cut-off with the k its name prints ("pass@100", "hits@10"): each k is a
    leaderboard of its own, so "hits@1" and "hits@10" are two metrics, not one "Hits@k". Any
    other metric is the rule's own object: tables tell a caption's metric by identity."""
    found = _AT_K.search(printed) if metric.label.endswith("@k") else None
    if found is None:
        return metric
    return Metric(f"{metric.label[:-1]}{found.group('k')}", metric.higher_is_better)


_BARE_TOP = re.compile(r"\btop[- ]?(?P<k>\d)\b(?!.*\b(?:acc|err))", re.IGNORECASE)


def bare_top_k(header: str, context: str) -> Metric | None:
    """A header printing only "top-k" is an error where its caption or group row reads errors
    ("Error rates (%) ..." over "top-1 | top-5"), an accuracy elsewhere; None for other headers."""
    match = _BARE_TOP.search(header)
    if match is None:
        return None
    named = {metric.label for metric in metrics_named(context)}
    kind = "Error" if "Error" in named and "Accuracy" not in named else "Accuracy"
    return _BY_LABEL[f"top-{match.group('k')} {kind}".lower()]


_AP_KIND = re.compile(r"^AP(?:50|75|S|M|L)$")  # the AP family a box/mask table prints


def of_kind(metric: Metric, kinds: Iterable[str]) -> Metric:
    """An AP of a table whose AP column is only mask AP (`kinds`, the table's header metrics:
    "APmask AP50 AP75 APS", DetectoRS's instance segmentation table) is a mask AP too ("mask
    AP75"), not the box one of its name."""
    kinds = set(kinds)
    if _AP_KIND.match(metric.label) and "mask AP" in kinds and "box AP" not in kinds:
        return Metric(f"mask {metric.label}", metric.higher_is_better)
    return metric


def glued(header: str) -> set[str]:
    """The metrics a header prints glued by a hyphen into a word ("K.-EM", KILT's exact match;
    "Self-TER"): measures of their own, which a caption's metric is not."""
    words = (word for word in header.split() if "-" in word.strip("-"))
    found = (read_metric(part) for word in words for part in word.split("-") if part)
    return {metric.label for metric in found if metric}


#: A word a header broke at its hyphen over two lines: "Self-" over "BLEU".
_BROKEN = re.compile(r"(?<![\w-])(?P<head>[A-Za-z]+)-\s+")


def unbroken(header: str) -> str:
    """The header with a hyphen-broken word made whole ("Self- BLEU": "Self-BLEU", a metric
    of its own, not BLEU): joined with the first later word it makes a metric with (header
    rows between come from a centred neighbour: "Self- BERT BLEU"), else the next word."""
    broken = _BROKEN.search(header)
    words = header[broken.end() :].split() if broken else []
    if broken is None or not words:
        return header
    joined = [f"{broken.group('head')}-{word}" for word in words]
    at = next((i for i, w in enumerate(joined) if _names_another(w, words[i])), 0)
    rest = [*words[:at], joined[at], *words[at + 1 :]]
    return unbroken(f"{header[: broken.start()]}{' '.join(rest)}")


def _names_another(joined: str, word: str) -> bool:
    return read_metric(joined) not in (None, read_metric(word))


def metrics_named(text: str) -> list[Metric]:
    """Every distinct metric `text` names, in the order they appear."""
    hits: dict[str, tuple[int, Metric]] = {}
    taken: list[tuple[int, int]] = []
    for rule, metric in RULES:
        for match in rule.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found = _with_k(metric, match.group(0))  # "hits@1 and hits@10": two metrics
            hits.setdefault(found.label, (match.start(), found))
    named = [metric for _, metric in sorted(hits.values(), key=lambda hit: hit[0])]
    specific = [metric for metric in named if metric.label != "Score"]
    return specific or named  # "BLEU scores", "F1 scores": the score is that metric


def canonical(name: str) -> Metric | None:
    """The metric a label or printed name denotes: a label as it is, else what it reads as."""
    return _BY_LABEL.get(name.lower()) or read_metric(name)


#: The least value a metric can take where it is no share: a perplexity is the exponent of a
#: cross-entropy, so never below 1.
_FLOORS = {"Perplexity": 1.0}


def impossible(label: str | None, value: float | str | None) -> bool:
    """Whether the metric cannot take the value, so the cell is no such measure: RETRO's Table
    14 prints its LAMBADA accuracies (0.42 ... 0.73) again in a row labelled "Wikitext103
    Perplexity"."""
    floor = _FLOORS.get(label or "")
    return floor is not None and isinstance(value, (int, float)) and value < floor


def higher_is_better(label: str) -> bool | None:
    """The direction of a metric by its label or any name the rules read; None when unknown."""
    known = _BY_LABEL.get(label.lower())
    if known is not None:
        return known.higher_is_better
    metric = read_metric(label)
    return metric.higher_is_better if metric else None


#: Metrics and the general one each is a kind of, as captions name both.
REFINES = {
    "Bits per dim": "NLL",
    "Top-1 Error": "Error",
    "Top-5 Error": "Error",
    "Top-5 Localization Error": "Error",
    "Top-1 Accuracy": "Accuracy",
    "Top-5 Accuracy": "Accuracy",
    "box AP": "AP",
    "mask AP": "AP",
}
#: Variants of a measure, one kind where rows on a dataset settle to one task (RWKV's ARC-c).
VARIANT_OF = {"Normalized Accuracy": "Accuracy"}


def measure_of(label: str | None) -> str | None:
    """The measure a variant is one of ("Normalized Accuracy": "Accuracy"), else `label`."""
    return VARIANT_OF.get(label or "", label)


#: Averages of a metric a caption may give some of a table's tasks and not others ("F1 for NER
#: ..., macro-F1 for text classification": S2ORC's Table 5), with the metric they average.
AVERAGED = {"Macro-F1": "F1", "Micro-F1": "F1"}


def refined(named: list[Metric]) -> Metric | None:
    """The one metric a caption names besides the general one it refines ("negative
    log-likelihood ... in bits/dim" is bits/dim; "error ... top-1 error" is top-1 error); else
    the metric all it names average (F1 for a caption giving F1, macro-F1 and micro-F1 to
    different tasks: a row's own header says which, the caption alone does not)."""
    labels = {metric.label for metric in named}
    specific = [m for m in named if REFINES.get(m.label) in labels]
    if len(specific) == 1 and len(labels) == 2:
        return specific[0]
    averaged = {AVERAGED.get(label, label) for label in labels}
    return _BY_LABEL[averaged.pop().lower()] if len(labels) > 1 and len(averaged) == 1 else None
