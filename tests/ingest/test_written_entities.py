"""What a paper writes a name as decides what it is shown as (issue 14): the last wrong shown
entities of the 39 shared PDFs, each pinned by the general rule that now fixes it."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper
from papergraph.ingest.extract.curate import admit, called_methods, showable


def _paper(*texts: str, title: str = "A Paper") -> Paper:
    chunks = [
        Chunk(id=f"p1#{i}", paper_id="p1", seq=i, text=t, kind=ChunkKind.BODY)
        for i, t in enumerate(texts)
    ]
    return Paper(id="p1", title=title, authors=["Ada Lovelace"], chunks=chunks)


def _written(kind: EntityType, name: str, extractor: str, paper: Paper) -> Entity:
    """An entity with evidence at every place the paper's chunks write `name` (any case)."""
    evidence = [
        Evidence(c.id, i, i + len(name), text=c.text[i : i + len(name)], extractor=extractor)
        for c in paper.chunks
        for i in range(len(c.text))
        if c.text[i : i + len(name)].lower() == name.lower()
    ]
    return Entity(kind, name, evidence=evidence)


def test_a_name_the_paper_writes_as_its_corpus_is_a_dataset() -> None:
    # RETRO's MassiveText (its retrieval corpus) was shown as a Method
    paper = _paper(
        "Table 8 | MassiveText dataset. The final column gives the sampling weight.",
        "This is comparable to using 10 % of MassiveText as the retrieval database.",
    )
    corpus = _written(EntityType.METHOD, "MassiveText", "name", paper)
    assert [e.type for e in called_methods([corpus], paper)] == [EntityType.DATASET]
    # a model stays a model, and a table header or "a version of X" says nothing
    for body in (
        "We train the Retro model on the MassiveText dataset; the Retro model wins.",
        "ResNet50 | ResNet152x2 Dataset | Adam | SGD",
        "Bias correction results in a version of RMSProp with momentum.",
    ):
        paper = _paper(body)
        name = "Retro" if "Retro" in body else "ResNet152x2" if "ResNet" in body else "RMSProp"
        method = _written(EntityType.METHOD, name, "name", paper)
        assert [e.type for e in called_methods([method], paper)] == [EntityType.METHOD], body
    # nor a name that goes on ("a subset of the QRNNs gate channels") or has no capitals
    # ("the random crop dataset augmentation"): SciREX papers
    for name, body in (
        ("QRNNs", "This is like setting a subset of the QRNNs gate channels to 1."),
        ("random crop", "Besides the random crop dataset augmentation, we flip images."),
    ):
        paper = _paper(body)
        method = _written(EntityType.METHOD, name, "tagger", paper)
        assert [e.type for e in called_methods([method], paper)] == [EntityType.METHOD], body


def test_a_phenomenon_the_paper_names_or_lessens_is_no_method() -> None:
    # BatchNorm's "internal covariate shift" was shown as a Method
    named = _paper("We refer to this phenomenon as internal covariate shift, and address it.")
    lessened = _paper(
        "To improve the training, we seek to reduce the internal covariate shift.",
        "We verified that the reduction in internal covariate shift allows deeper networks.",
    )
    for paper in (named, lessened):
        shift = _written(EntityType.METHOD, "internal covariate shift", "tagger", paper)
        assert admit([shift], paper) == []
    # a method lessening something else stays: "reduce FINE annotation cost" lessens a cost
    paper = _paper("It is a way to reduce FINE annotation cost. We reduce FINE annotation time.")
    fine = _written(EntityType.METHOD, "FINE", "name", paper)
    assert admit([fine], paper) == [fine]


def test_a_maker_a_measured_curve_a_unit_and_circuit_parts_are_no_methods() -> None:
    # the strain-sensor paper showed the foundry "UMC", "I-V" (curves), "TPa" (a unit),
    # "NMOS transistors", "CMOS active load" and the variable "ID2" as methods
    paper = _paper(
        "The circuits were fabricated using UMC L180 technology, as given by the UMC foundry.",
        "The model from the UMC foundry. Parameters were extracted from I-V curves.",
        "The raw I-V curves; coefficients of -255 TPa−1 and -283 TPa−1; in TPa−1.",
        "We use NMOS transistors. It includes a CMOS active load to tune the sensitivities.",
        "An equation for Iref = ID2 = −B, so + ID2 · g(K21).",
    )
    names = ("UMC", "I-V", "TPa", "NMOS transistors", "CMOS active load", "ID2")
    found = [_written(EntityType.METHOD, name, "name", paper) for name in names]
    assert admit(found, paper) == []
    # a metric is a curve's measure ("ROC curves"), and a method is no unit
    kept = _paper("We plot ROC curves and report AUC; Adam trains the model.")
    roc = _written(EntityType.METRIC, "ROC", "name", kept)
    assert admit([roc], kept) == [roc]


def test_the_papers_title_and_a_paragraphs_heading_are_no_names() -> None:
    # a papermage fixture's running head "Beyond Summarization: Designing AI Support ..." and
    # its run-in heading "Facilitating Text Composition." over "text composition" were shown
    title = "Beyond Summarization: Designing AI Support for Real-World Expository Writing Tasks"
    paper = _paper(f"new knowledge. {title} This is the page.", title=title)
    beyond = _written(EntityType.METHOD, "Beyond Summarization", "name", paper)
    assert admit([beyond], paper) == []
    paper = _paper(
        "Facilitating Text Composition. The translation of ideas into language.",
        "3) facilitating text composition to communicate; to support text composition.",
    )
    assert not showable(_written(EntityType.METHOD, "text composition", "tagger", paper))
    # a name the paper writes with capitals as often as all in lower case is shown
    paper = _paper("Event Detection is hard. We study eventdetection. Event detection again.")
    assert showable(_written(EntityType.TASK, "Event Detection", "tagger", paper))


def test_a_phrase_written_only_among_a_drawings_labels_is_no_name() -> None:
    # the strain-sensor paper's circuit figure "M1 M1 M2 M2 1: K91 Vbias R Ia M9" gave a Method
    paper = _paper("VDD M4 M3 M7 M8 M5 M6 1:K21 Ib 1:K21 M1 M1 M2 M2 1: K91 Vbias R Ia M9 The")
    assert admit([_written(EntityType.METHOD, "K91 Vbias R", "tagger", paper)], paper) == []
    # a name in a sentence that lists stages stays
    paper = _paper("We take C3 and C4 features of ResNet and train Mask R-CNN on them.")
    mask = _written(EntityType.METHOD, "Mask R-CNN", "name", paper)
    assert admit([mask], paper) == [mask]
