"""The name a paper's text claims results for marks its own rows where no title names one
(issue 14, session 16): SciBERT's one-page excerpt has no title."""

from __future__ import annotations

import pytest

from papergraph.core.model import Entity, EntityType, Table
from papergraph.ingest.extract import hybrid
from papergraph.ingest.extract.claimed_names import claimed_names
from papergraph.ingest.extract.hybrid import HybridExtractor
from tests.ingest.tables import grid, paper_with

#: SciBERT (1903.10676) Table 1, p1, in part: two columns per model, SOTA and BERT-Base baselines.
SCIBERT_TABLE_1 = Table(
    grid(
        [
            ["Task", "Dataset", "SOTA", "BERT-Base", "", "SCIBERT", ""],
            ["", "", "", "Frozen", "Finetune", "Frozen", "Finetune"],
            ["NER", "JNLPBA (Collier and Kim, 2004)", "78.58", "74.05", "76.09", "75.77", "77.28"],
            [
                "REL",
                "ChemProt (Kringelum et al., 2016)",
                "64.10",
                "68.21",
                "79.14",
                "75.03",
                "83.64",
            ],
        ]
    ),
    number="1",
    caption="Table 1: Test performances of all BERT variants on all tasks and datasets.",
    page=1,
)
#: Its text (4.2, 4.3, 5.1): SciBERT claims results; BERT-Base is what it is compared against.
SCIBERT_TEXT = (
    "Table 2: Comparing SCIBERT with the reported BIOBERT results on biomedical datasets. "
    "We observe that SCIBERT outperforms BERT-Base on computer science tasks (+3.55 F1 with "
    "finetuning). In addition, SCIBERT achieves new SOTA results on ACL-ARC (Cohan et al., 2019). "
    "We observe that SCIBERT outperforms BERT-Base on the multidomain tasks. On every dataset "
    "except BC5CDR, BERT-Base with finetuning outperforms a model using frozen SCIBERT embeddings."
)


def test_the_name_the_text_claims_results_for_is_the_papers_own_not_its_baseline() -> None:
    assert claimed_names(SCIBERT_TEXT, [SCIBERT_TABLE_1], []) == ["SCIBERT"]


def test_a_name_no_table_prints_is_not_taken() -> None:
    """Own names mark table rows: one the tables never print marks nothing and may be wrong."""
    assert claimed_names(SCIBERT_TEXT.replace("SCIBERT", "SciNet"), [SCIBERT_TABLE_1], []) == []


def test_one_claim_is_not_enough_and_a_compared_name_is_never_own() -> None:
    one = "We observe that SCIBERT outperforms BERT-Base on computer science tasks."
    assert claimed_names(one, [SCIBERT_TABLE_1], []) == []
    against = "SCIBERT outperforms BERT-Base. SCIBERT achieves more than BERT-Base. " * 2
    assert "BERT-Base" not in claimed_names(against, [SCIBERT_TABLE_1], [])


def test_a_cited_name_or_a_dataset_is_not_the_papers_own() -> None:
    cited = "JNLPBA outperforms it. JNLPBA achieves less. SCIBERT (Beltagy et al., 2019) is used."
    dataset = Entity(EntityType.DATASET, "JNLPBA")
    assert claimed_names(cited, [SCIBERT_TABLE_1], [dataset]) == []
    cited = "SCIBERT outperforms it. SCIBERT achieves less. SCIBERT [4] and SCIBERT [5] are used."
    assert claimed_names(cited, [SCIBERT_TABLE_1], []) == []


def test_data_a_paper_introduces_is_no_claim() -> None:
    text = "We introduce SCIBERT, a large corpus of papers. SCIBERT outperforms earlier corpora."
    assert claimed_names(text, [SCIBERT_TABLE_1], []) == []


def test_a_page_without_its_title_keeps_its_own_columns() -> None:
    """Without a title no own name was found and every row was dropped; the claimed name keeps
    the SciBERT columns and none of BERT-Base's."""
    paper = paper_with([SCIBERT_TABLE_1], "1903.10676", SCIBERT_TEXT, paper_id="1903.10676")
    found = HybridExtractor().extract(paper).results
    values = {(r.method, r.value) for r in found if r.value is not None}
    assert ("SCIBERT (Finetune)", 77.28) in values
    assert not any(method and "BERT-Base" in method for method, _ in values)


def test_our_counts_only_before_what_a_method_is() -> None:
    """ "our SCIBERT models" claims the name; "our API prompts" (InstructGPT) names no method."""
    table = Table(grid([["Model", "Score"], ["API", "1.0"], ["SCIBERT", "2.0"]]))
    api = "Prompts from our API prompt set. Our API users. " * 3
    assert claimed_names(api, [table], []) == []
    models = "We train our SCIBERT models. Our SCIBERT model is pretrained on papers."
    assert claimed_names(models, [table], []) == ["SCIBERT"]


#: HellaSwag (1905.07830), abstract in part: BERT-Large is the baseline it reports, in the third
#: person, never the paper's own.
HELLASWAG_TEXT = (
    "We introduce HellaSwag, a new challenge dataset. Though BERT-Large achieves 86% on SWAG, "
    "BERT-Large achieves only 47.3% on HellaSwag. Even BERT-Large obtains less than 50%."
)
BASELINES_TABLE = Table(
    grid([["Model", "HellaSwag", "SWAG"], ["BERT-Large", "47.3", "86.0"], ["GPT", "41.7", "78.0"]])
)


def test_a_name_claimed_only_in_the_third_person_is_a_baseline_not_the_papers_own() -> None:
    datasets = [Entity(EntityType.DATASET, "HellaSwag"), Entity(EntityType.DATASET, "SWAG")]
    assert claimed_names(HELLASWAG_TEXT, [BASELINES_TABLE], datasets) == []
    table = Table(grid([["Model", "Score"], ["RoBERTa", "90.2"], ["XLNet", "89.0"]]))
    text = "RoBERTa achieves 88.1 and RoBERTa reaches 90.2, compared with XLNet."
    assert claimed_names(text, [table], []) == []
    assert claimed_names(text + " We call it RoBERTa.", [table], []) == ["RoBERTa"]


def test_a_table_prints_a_name_only_whole() -> None:
    """ "ResNeXt-ResNet hybrid" prints no "ResNet", "RoBERTa" no "BERT"; "ResNeXt-50" prints ResNeXt."""
    text = "We present {0} models. Our {0} models are trained. {0} outperforms others."
    for name, cell in [("ResNet", "ResNeXt-ResNet hybrid"), ("BERT", "RoBERTa")]:
        table = Table(grid([["Model", "Score"], [cell, "1.0"]]))
        assert claimed_names(text.format(name), [table], []) == []
    table = Table(grid([["Model", "Score"], ["ResNeXt-50", "1.0"]]))
    assert claimed_names(text.format("ResNeXt"), [table], []) == ["ResNeXt"]


def test_the_claimed_name_is_the_last_resort_after_the_titles_procedure_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A title naming a procedure ("Distilled Single model" rows) is read before the text's
    claims: the claimed name is taken only where no title-based name is found."""
    calls: list[str] = []
    monkeypatch.setattr(hybrid, "claimed_names", lambda *args: calls.append("claimed") or [])
    table = Table(grid([["Model", "Score"], ["Distilled Single model", "1.0"]]))
    text = "We present SCIBERT models. Our SCIBERT models win. SCIBERT outperforms others."
    paper = paper_with([table], "Distilling the Knowledge in a Neural Network", text)
    method = Entity(EntityType.METHOD, "knowledge distillation", salience=1.0)
    hybrid.HybridExtractor().table_results(paper, [method])
    assert calls == []
