"""What the way a paper writes a listed name says: it is no dataset here.

A generated list (Papers with Code, SciREX) holds short names that papers also use for other
things, and the paper's own writing tells which (all read on the pdfgold-dev tune and test
splits, issue 14):
- `network_part`: a code such as "C4" written as a network's stage ("the C4 backbone", "R50-C4",
  "C4 and C5") and never as a corpus ("the C4 dataset", "a subset of C4");
- `glued_fragment`: a name written only as the first or last part of a hyphenated name
  ("Panoptic" only in "Panoptic-DeepLab" and "Panoptic-FPN");
- `defined_as_phrase`: a dataset acronym the paper defines by a lower-case phrase ("SOP" for
  "sentence-order prediction", not the Stanford Online Products dataset): proper names of datasets
  are written with capitals;
- `listed_code`: a code written in a list of its series ("(C1, C4)", "C1 and C4": the Paper
  Plain study's participants) and never as a corpus;
- `other_kind`: a name the paper writes, at least half the times, as a group of people ("PhD
  students"), an illness or a pathogen ("the COVID-19 pandemic", "patients with COVID-19"),
  hardware ("PMOS transistors"), a maker ("the UMC foundry"), a measured curve ("I-V curves",
  not for a metric), a variable given a value ("VDD = 1.8 V") or a unit raised to a power
  ("TPa−1"), or,
  for a metric or dataset, as part of a network ("RMS normalization" in Primer);
- `ranks_runs`: a metric every mention of which ranks runs ("the top 5 experiments" in A3C, no
  top-5 accuracy);
- `defined_as_other`: a metric acronym the paper defines as a phrase that shares no word with
  the metric's names ("masked autoencoders (MAE)" in ConvNeXt, not mean absolute error);
- `measured_as_other`: a metric the paper says it measures by another ("accuracy (AP)",
  "the highest accuracy 56.8% AP", "0.7% AP in accuracy", "accuracy (77.0 F1 score)"): the
  other is the metric it reports, and the word is used loosely;
- `glued_fragment` also takes a version glued by a hyphen: "SARS-CoV" written only in
  "SARS-CoV-2" is part of that name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from papergraph.core.canonical import DATASET_TYPES, known_label, known_rows, known_type
from papergraph.core.model import Entity, EntityType, fold
from papergraph.ingest.extract.written_as import mention_window

_CODE = re.compile(r"[A-Z]{1,3}\d{1,2}")
_NETWORK_AFTER = r"\s+(?:backbones?|variants?|layers?|blocks?|stages?|features?|heads?|branch)\b"
_CORPUS_AFTER = r"\s+(?:data\s?sets?|corpus|corpora|data|subset)\b|\s*/\s*[A-Z]"
_CORPUS_BEFORE = r"\b(?:subset|portion|version|split)\s+of\s+(?:the\s+)?"


def network_part(entity: Entity, text: str) -> bool:
    """Whether a dataset named by a code ("C4") is, as the paper writes it, a network's stage:
    written next to a stage word, after a network's name and a hyphen, or beside the next or
    previous code of its series, and never next to a corpus word."""
    if entity.type not in DATASET_TYPES:
        return False
    names = {e.text for e in entity.evidence if _CODE.fullmatch(e.text)}
    return any(_as_part(name, text) and not _as_corpus(name, text) for name in names)


def _as_part(name: str, text: str) -> bool:
    prefix, number = re.fullmatch(r"([A-Z]+)(\d+)", name).groups()  # type: ignore[union-attr]
    series = "|".join(f"{prefix}{n}" for n in (int(number) - 1, int(number) + 1))
    name = re.escape(name)
    return bool(
        re.search(rf"(?<![\w-]){name}{_NETWORK_AFTER}", text)
        or re.search(rf"\w\d-{name}(?![\w-])", text)
        or re.search(rf"(?<![\w-]){name}\s+(?:and|to)\s+(?:{series})(?![\w-])", text)
        or re.search(rf"(?<![\w-])(?:{series})\s+(?:and|to)\s+{name}(?![\w-])", text)
    )


def _as_corpus(name: str, text: str) -> bool:
    name = re.escape(name)
    return bool(
        re.search(rf"(?<![\w-]){name}(?:{_CORPUS_AFTER})", text)
        or re.search(rf"(?:{_CORPUS_BEFORE}){name}(?![\w-])", text)
    )


def glued_fragment(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether every place the paper writes the entity (`texts`: its chunk texts by id) is glued
    by a hyphen to another name ("Panoptic" in "Panoptic-DeepLab", "Panoptic-FPN"), or the end
    of a word read a capital at a time ("RT- Base" in "B E RT- Base"): a part of that other
    name. Where the name has capitals, the places it is written in lower case are the ordinary
    word ("panoptic segmentation", "ADE20K panoptic"), no naming, and not asked."""
    cased = entity.label != entity.label.lower()
    naming = [e for e in entity.evidence if not (cased and e.text == e.text.lower())]
    glued = [_glued_to_name(texts.get(e.chunk_id, ""), e.start, e.end) for e in naming]
    return bool(glued) and all(glued)


def _glued_to_name(text: str, start: int, end: int) -> bool:
    if text[start:end] == "" or start >= len(text):
        return False
    if _LETTER_SPACED.search(text[:start]) and text[start].isupper():
        return True  # "RT- Base" of "B E RT- Base": small capitals read a letter at a time
    if re.match(r"\s?-\s?\d+(?![\w.])", text[end:]):
        return True  # "SARS-CoV" of "SARS-CoV-2": a version makes it another name
    after = re.match(r"-([A-Za-z][\w]+)", text[end:])
    before = re.search(r"([A-Za-z][\w]+)-$", text[:start])
    return any(m is not None and _name_shaped(m.group(1)) for m in (after, before))


#: Capitals read one at a time right before a name: the name is the end of a word set in small
#: capitals (SciBERT, 1903.10676, reads "S C I B E RT outperforms B E RT- Base").
_LETTER_SPACED = re.compile(r"(?:^|\s)(?:[A-Z] ){2,}$")


def _name_shaped(word: str) -> bool:
    """A name a list knows, or one written like a name: two capitals or more ("DeepLab")."""
    return sum(c.isupper() for c in word) >= 2 or known_type(word) is not None


def defined_as_phrase(entity: Entity) -> bool:
    """Whether a dataset the paper names is, by its own definition, a lower-case phrase: its
    acronym defined as "sentence-order prediction (SOP)"."""
    if entity.type not in DATASET_TYPES:
        return False
    defined = [e.text for e in entity.evidence if e.extractor == "pattern"]
    return any(" " in t.replace("-", " ") and t == t.lower() for t in defined)


_SERIES_JOIN = r"\s*(?:,|and|&|or|to|–|-)\s*"


def listed_code(entity: Entity, text: str) -> bool:
    """Whether a dataset named by a code ("C4") is one of a numbered series the paper lists
    ("(C1, C4)", "C2 and C4", "C1–C4": participants, stages) and never written as a corpus."""
    if entity.type not in DATASET_TYPES:
        return False
    names = {e.text for e in entity.evidence if _CODE.fullmatch(e.text)}
    return any(_in_list(name, text) and not _as_corpus(name, text) for name in names)


def _in_list(name: str, text: str) -> bool:
    prefix = re.escape(re.fullmatch(r"([A-Z]+)\d+", name).group(1))  # type: ignore[union-attr]
    other = rf"(?<![\w-]){prefix}(?!{name[len(prefix) :]}(?!\d))\d{{1,2}}(?![\w-])"
    name = re.escape(name)
    return bool(
        re.search(rf"{other}{_SERIES_JOIN}{name}(?![\w-])", text)
        or re.search(rf"(?<![\w-]){name}{_SERIES_JOIN}{other}", text)
    )


#: ("candidates" is not among them: "BM25 candidates" are retrieved passages)
_PEOPLE = r"students?|participants?|researchers?|holders?|annotators?|workers?|donors?"
_ILLNESS = (
    r"pandemic|epidemic|outbreak|infections?|virus(?:es)?|disease|symptoms?|vaccines?"
    r"|vaccination|antigens?"
)
_PATIENTS = r"patients?"  # of an illness, or of a clinical dataset ("MIMIC-III patients")
#: A variable given a value or a unit, or a subscript: "VDD = 1.8 V", "VDD (V)", "VGS,i"; a
#: unit raised to a power: "-255 TPa−1"; a factor of a product: "+ ID2 · g(K21)".
_QUANTITY = r"^,\w{1,2}(?=[\s=+),])|^\s?(?:=|\((?:[µmunkM]?[VAWFΩ]|Hz|ms|s)\)|[−^]\s?-?\d\b|[·×])"
_RANKED = r"experiments|runs|trials|seeds"
_HARDWARE = (
    r"transistors?|sensors?|chips?|circuits?|processors?|wafers?|resistors?|capacitors?"
    r"|amplifiers?|(?<=active )loads?"
)
#: A maker ("the UMC foundry") and a measurement ("I-V curves"): an organisation, a plot.
_MAKERS = r"foundry|foundries|compan(?:y|ies)|corporations?|manufacturers?|vendors?"
_CURVES = r"curves?|characteristics"
_PARTS = r"normali[sz]ation|norm|layers?|activations?|pooling|optimi[sz]ers?|blocks?|gates?"
_OUTBREAK = re.compile(
    r"\b(?:pandemic|epidemic|outbreak|infections?|virus)\b"
    r"|\b(?:students|participants|researchers|annotators|workers|donors|patients)$",
    re.IGNORECASE,
)
_ILL_BEFORE = re.compile(
    r"(?:patients\s+with|treatments?\s+(?:of|for)|therap(?:y|ies)\s+(?:of|for)|recovery\s+from"
    r"|infected\s+with|severe)\s+$",
    re.IGNORECASE,
)


_HARDWARE_NAME = re.compile(rf"\s(?:{_HARDWARE})$", re.IGNORECASE)


@cache
def _kind_after(kind: EntityType) -> re.Pattern[str]:
    """What, written after a name of this type, makes it another kind of thing: built once per
    type (`other_kind` runs per entity)."""
    heads = f"{_PEOPLE}|{_ILLNESS}|{_HARDWARE}|{_MAKERS}"
    if kind in (EntityType.METRIC, *DATASET_TYPES):
        heads += f"|{_PARTS}"
    if kind not in DATASET_TYPES:  # "MIMIC-III patients" are a dataset's records
        heads += f"|{_PATIENTS}"
    if kind is not EntityType.METRIC:  # "ROC curves" do measure
        heads += f"|{_CURVES}"
    # "NMOS transistors", "NMOS (PMOS) transistors", "NMOS and PMOS transistors"
    after = rf"^\s?(?:-\s?\d+)?(?:\s?\([^()]{{1,12}}\)|\s+(?:and|or)\s+\S+)?\s+(?:{heads})\b"
    if kind is not EntityType.METRIC:  # a metric is written with its value ("AP = 40")
        after = f"{after}|{_QUANTITY}"
    return re.compile(after, re.IGNORECASE)


def other_kind(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether the paper writes the entity, at least half the times, as a kind of thing no
    method, dataset, task or metric is: people ("PhD students"), an illness or a pathogen ("the
    COVID-19 pandemic", "patients with COVID-19"), hardware ("PMOS transistors"), a variable
    given a value or a unit ("VDD = 1.8 V"; not a metric's "AP = 40.2"), or a part of a network
    where it is typed a
    metric or dataset ("RMS normalization"); or whether its name says so ("COVID-19 pandemic")
    or is a person's as a reference list writes it ("Gouma S") or hardware ("NMOS
    transistors")."""
    if _OUTBREAK.search(entity.label) or cited_person(entity, texts):
        return True  # "COVID-19 pandemic", "convalescent donors"; "Gouma S" of "Kim JY, Gouma S"
    if _HARDWARE_NAME.search(entity.label):
        return True  # "NMOS transistors", "CMOS active load"
    after = _kind_after(entity.type)
    marks = [_marked(texts.get(e.chunk_id, ""), e.start, e.end, after) for e in entity.evidence]
    return bool(marks) and 2 * sum(marks) >= len(marks)


def _marked(text: str, start: int, end: int, after: re.Pattern[str]) -> bool:
    window = mention_window(text, start, end, 40)
    return window is not None and bool(after.match(window[1]) or _ILL_BEFORE.search(window[0]))


_CITED_FORM = r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)? [A-Z]{1,3}"
#: The entity (`#`) beside another cited name, or before "et al".
_CITED_LIST = re.compile(rf"(?P<before>{_CITED_FORM}),\s*#|#,\s*(?:(?P<after>{_CITED_FORM})|et al)")


def cited_person(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether the entity is a surname and initials ("Gouma S") written in a list of such names,
    as a reference list writes its authors ("Kim JY, Gouma S, Robinson J, et al."); a list of
    one name's variants ("Swin B, Swin T, Swin S": model sizes) is none."""
    if not re.fullmatch(_CITED_FORM, entity.label):
        return False
    surname = entity.label.split()[0]
    for e in entity.evidence:
        text = texts.get(e.chunk_id, "")
        around = text[max(0, e.start - 30) : e.start] + "#" + text[e.end : e.end + 30]
        for found in _CITED_LIST.finditer(around):
            other = found.group("before") or found.group("after") or ""
            if other.split(" ")[0] != surname:
                return True
    return False


_MEASURED_AFTER = re.compile(r"^\s?(?:\(\s?(?:[\d.]+\s?%?\s?)?|[\d.]+\s?%?\s?)([A-Za-z][\w@-]*)")
_MEASURED_BEFORE = re.compile(r"[\d.]+\s?%?\s?([A-Za-z][\w@-]*)\)?\s+(?:in|of)\s+$")


def measured_as_other(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether the paper writes a metric as measured by another metric it names: "accuracy
    (AP)", "the highest accuracy 56.8% AP", "0.7% AP in accuracy", "accuracy (EM/F1)"."""
    if entity.type is not EntityType.METRIC:
        return False
    own = known_label(entity.label, EntityType.METRIC) or entity.label
    marks = [
        _measured_by_other(texts.get(e.chunk_id, ""), e.start, e.end, own) for e in entity.evidence
    ]
    return any(marks)  # one "accuracy (AP)" says what the paper's accuracy is


def _measured_by_other(text: str, start: int, end: int, own: str) -> bool | None:
    """Whether this mention names another metric as its measure; None where it is not read."""
    if not text[start:end]:
        return None
    after = _MEASURED_AFTER.match(text[end : end + 30])
    before = _MEASURED_BEFORE.search(text[max(0, start - 30) : start])
    return any(m is not None and _other_metric(m.group(1), own) for m in (after, before))


def _other_metric(word: str, own: str) -> bool:
    """Whether `word` names a metric other than `own`, and is no acronym of it ("Expected
    Average Overlap (EAO)", "mean square error (MSE)" define the acronym)."""
    label = known_label(word, EntityType.METRIC)
    if known_type(word) is not EntityType.METRIC or label is None or label == own:
        return False
    return not _abbreviates(fold(word), fold(own))


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` is written with letters of `long` in order ("eao" of "expected average
    overlap", "ppl" of "validation perplexity", "iou" of "miou")."""
    rest = iter(long)
    return len(short) < len(long) and all(letter in rest for letter in short)


def defined_as_other(entity: Entity) -> bool:
    """Whether a metric the paper names is, by its own definition, something else: its acronym
    defined as a lower-case phrase sharing no word with the metric's names ("masked autoencoders
    (MAE)"; "area under the receiver operating characteristic curve" is AUC)."""
    if entity.type is not EntityType.METRIC:
        return False
    defined = [e.text for e in entity.evidence if e.extractor == "pattern"]
    phrases = [t for t in defined if " " in t and t == t.lower()]
    words = _metric_words(entity.label)  # none where the lists spell it out nowhere ("TPIR")
    return bool(phrases and words) and not any(words & set(t.split()) for t in phrases)


def _metric_words(label: str) -> set[str]:
    """The lower-cased words of the names of several words the lexicon gives the metric `label`
    ("area", "under", "curve", ... for AUC): a definition sharing one is a spelling of it."""
    spelled = [name for name in _metric_names().get(label, []) if " " in name]
    return {w for name in spelled for w in name.lower().split() if len(w) > 2}


@cache
def _metric_names() -> dict[str, list[str]]:
    """Metric label -> the names of its lexicon rows (label and aliases), grouped once rather
    than scanned from all rows per metric entity."""
    names: dict[str, list[str]] = {}
    for label, kind, aliases in known_rows():
        if kind is EntityType.METRIC:
            names.setdefault(label, []).extend((label, *aliases))
    return names


_RANKING = re.compile(rf"^\s+(?:{_RANKED})\b", re.IGNORECASE)


def ranks_runs(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether every mention of a metric ranks runs rather than measures: "error bars for the
    top 5 experiments" (A3C) matched as top-5 accuracy."""
    if entity.type is not EntityType.METRIC or not entity.evidence:
        return False
    return all(
        _RANKING.match(texts.get(e.chunk_id, "")[e.end : e.end + 20])
        and texts.get(e.chunk_id, "")[e.start : e.end]
        for e in entity.evidence
    )
