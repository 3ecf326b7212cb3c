"""A metric of one task names it; a task's initials in the data are the task; a table's column
of task short forms gives its rows' tasks."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result
from papergraph.ingest.extract.ap_kinds import ap_kind, kind_tasks
from papergraph.ingest.extract.dataset_task_data import initials, unabbreviated
from papergraph.ingest.extract.dataset_tasks import row_task
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.row_tasks import TaskedRow, settle_tasks
from papergraph.ingest.extract.short_form_column import column_tasks
from papergraph.ingest.extract.task_metrics import metric_task

CAPTION = "Table 1: Test performances of all BERT variants on all tasks and datasets."


def _row(label: str, dataset: str, task: str | None, metric: str = "Macro-F1") -> Result:
    cell = Evidence("p#1", 0, 0, "", "table", table="1", caption=CAPTION, row_header=label)
    return Result("NewBERT", task, dataset, metric, 80.0, [cell])


def test_attachment_scores_are_dependency_parsing_and_f1_names_no_task() -> None:
    assert metric_task("LAS") == metric_task("UAS") == "dependency parsing"
    assert metric_task("Labeled Attachment Score") == "dependency parsing"
    assert metric_task("F1") is None and metric_task("Accuracy") is None


def test_a_las_row_on_genia_is_dependency_parsing_not_genias_event_extraction() -> None:
    """SciBERT's "Bio DEP GENIA - LAS" rows: the data files GENIA under event extraction only."""
    rows = [TaskedRow(_row("Bio DEP GENIA", "GENIA", "Event Extraction", m), False) for m in "LU"]
    for row, metric in zip(rows, ("LAS", "UAS"), strict=True):
        row.result.metric = metric
    settle_tasks(rows, hybrid_matcher(), [])
    assert [row.result.task for row in rows] == ["dependency parsing"] * 2


def test_a_task_name_ending_in_its_initials_is_the_task() -> None:
    assert unabbreviated("Named Entity Recognition NER") == "Named Entity Recognition"
    assert unabbreviated("Game of Go") == "Game of Go"
    assert unabbreviated("Relation Extraction") == "Relation Extraction"


def test_jnlpbas_ner_votes_add_up_over_its_one_relation_extraction_vote() -> None:
    """The data files JNLPBA under "Relation Extraction", "Medical Named Entity Recognition" and
    "Named Entity Recognition NER", one vote each: SciBERT's Table 2 row (no short form
    printed) read relation extraction."""
    task = row_task(
        "JNLPBA", "Comparing with BIOBERT on biomedical datasets.", [], hybrid_matcher()
    )
    assert task is not None and task.lower() == "named entity recognition"


def test_a_row_takes_the_task_its_tables_rows_printing_its_short_form_carry() -> None:
    """SciBERT's Table 1: "REL ChemProt" (no data knows ChemProt) as "CS REL SciERC"; "CS"
    rows carry two tasks and say nothing; a dataset the data knows takes only a task it gives."""
    chem = _row("Bio REL ChemProt", "ChemProt", None)
    rows = [
        _row("CS NER SciERC", "SciERC", "named entity recognition"),
        _row("CS REL SciERC", "SciERC", "relation extraction"),
        chem,
        _row("CS Other", "NewCorpus", None),
        _row("Bio REL ImageNet", "ImageNet", None),
    ]
    column_tasks([rows], hybrid_matcher())
    assert chem.task == "relation extraction"
    assert rows[3].task is None  # "CS": named entity recognition and relation extraction
    assert rows[4].task is None  # the data gives ImageNet no relation extraction


def test_a_rouge_row_takes_no_caption_task_rouge_cannot_score() -> None:
    """Primer's Table 7, "Masked language modeling comparison on C4 ...", prints XSum's ROUGE
    beside C4's perplexity; the data files XSum under summarization and "Sequence-to-sequence
    Language Modeling", and the caption's language modelling had won. Its C4 row keeps it."""
    lead = "Table 7: Masked language modeling comparison on C4 in T5"
    caption = f"{lead} with encoder-decoder style models."
    matcher = hybrid_matcher()
    xsum = row_task("XSum", caption, ["language modeling"], matcher, lead, metric="ROUGE")
    c4 = row_task("C4", caption, ["language modeling"], matcher, lead, metric="Perplexity")
    assert xsum is not None and "summarization" in xsum.lower()
    assert c4 is not None and "language model" in c4.lower()


def test_the_winograd_schema_challenge_by_any_name_is_one_task() -> None:
    """PaLM's "Winograd" read coreference resolution (the hand list), Primer's and InstructGPT's
    "WSC" (the Winograd Schema Challenge) "Common Sense", the data's other vote."""
    matcher = hybrid_matcher()
    names = ("Winograd", "Winograd Schema Challenge", "WSC")
    tasks = {row_task(name, "Zero-shot results", [], matcher, metric="Accuracy") for name in names}
    assert tasks == {"coreference resolution"}


def test_a_bare_ap_beside_a_marked_mask_ap_scores_boxes() -> None:
    """PoolFormer's Table 3, "Performance of object detection using RetinaNet, and object
    detection and instance segmentation using Mask R-CNN": RetinaNet's "AP" read instance
    segmentation; the table marks its masks' AP ("m AP"), so its bare AP is the boxes'."""
    caption = (
        "Table 3. Performance of object detection using RetinaNet, and object detection and "
        "instance segmentation using Mask R-CNN on COCO val2017."
    )
    assert ap_kind("AP50", caption) is None  # boxes and masks named, nothing marked
    assert ap_kind("AP50", caption, masks_marked=True) == "box"
    bare = Result("NewNet", "instance segmentation", "COCO val2017", "AP50", 56.2, [])
    mask = Result("NewNet", "instance segmentation", "COCO val2017", "mask AP", 34.6, [])
    tasks = ["object detection", "instance segmentation"]
    kind_tasks([(bare, caption), (mask, caption)], tasks, hybrid_matcher())
    assert (bare.task, mask.task) == ("object detection", "instance segmentation")


def _settled(results: list[Result]) -> list[str | None]:
    rows = [TaskedRow(result, False) for result in results]
    settle_tasks(rows, hybrid_matcher(), [])
    return [row.result.task for row in rows]


def test_a_kind_of_the_metrics_task_stays_and_no_short_form_overrides_it() -> None:
    """A UAS row the caption gives "unsupervised dependency parsing" keeps it (it is dependency
    parsing); a LAS row on Universal Dependencies labelled "UD" is dependency parsing, whatever
    task of the data's the label's initials fit."""
    uas = _row("WSJ10 NewParser", "WSJ10", "unsupervised dependency parsing", "UAS")
    uas.evidence[0].caption = "Unsupervised dependency parsing results on WSJ10"
    las = _row("UD", "Universal Dependencies", None, "LAS")
    assert _settled([uas, las]) == ["unsupervised dependency parsing", "dependency parsing"]


def test_a_column_task_is_read_from_the_table_as_it_stood_whatever_the_rows_order() -> None:
    """A row given a task here ("BIO REL ChemProt") votes for no later row ("BIO NewSet")."""
    for order in ((0, 1, 2), (0, 2, 1)):
        made = [
            _row("CS REL SciERC", "SciERC", "relation extraction"),
            _row("BIO REL ChemProt", "ChemProt", None),
            _row("BIO NewSet", "NewSet", None),
        ]
        column_tasks([[made[i] for i in order]], hybrid_matcher())
        assert [row.task for row in made[1:]] == ["relation extraction", None]


def test_a_setting_the_rows_print_is_no_short_form_of_their_task() -> None:
    """ "FT" (fine-tuned) abbreviates no natural language inference; "CLS" does classification."""
    rows = [
        _row("FT MNLI", "MNLI", "natural language inference"),
        _row("FT NewQA", "NewQA", None),
        _row("CS CLS SciCite", "SciCite", "text classification"),
        _row("Multi CLS NewField", "NewField", None),
    ]
    column_tasks([rows], hybrid_matcher())
    assert [rows[1].task, rows[3].task] == [None, "text classification"]


def test_a_task_name_ends_in_the_initials_the_row_labels_are_read_by() -> None:
    """One rule of initials for the data's task names and a row's short forms."""
    assert "NER" in initials("Named Entity Recognition")
    assert unabbreviated("Participant Intervention Comparison Outcome PICO").endswith("Outcome")
