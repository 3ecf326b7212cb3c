"""The own model named by its recipe (InstructGPT's "PPO-ptx") or its procedure ("Distilled")."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Role, Table
from papergraph.ingest.extract.procedure_names import procedure_names
from papergraph.ingest.extract.recipe_names import recipe_names
from tests.ingest.tables import grid, table_rows

#: InstructGPT's Table 14, cut down: the dataset printed once a block in a "Task" column, the
#: metric once in a "Metric" column, the models by recipe and size across the top.
AUTOMATIC = Table(
    grid(
        [
            ["", "", "", "GPT models", "", "PPO + ptx models", ""],
            ["Task", "Metric", "Prompt", "6b", "175b", "6b", "175b"],
            ["CrowS Pairs", "entropy", "basic", "0.430", "0.410", "0.434", "0.413"],
            ["", "", "respectful", "0.413", "0.362", "0.273", "0.243"],
            ["", "", "biased", "0.419", "0.353", "0.254", "0.205"],
            ["HellaSwag", "accuracy", "zero-shot", "0.673", "0.781", "0.690", "0.807"],
            ["", "", "few-shot", "0.677", "0.791", "0.694", "0.820"],
            ["QuAC", "f1", "zero-shot", "38.19", "42.55", "37.35", "41.60"],
            ["", "", "few-shot", "41.78", "45.38", "42.42", "46.99"],
            ["CNN/DM", "ROUGE-L", "", "0.197", "0.196", "0.231", "0.220"],
            ["TLDR", "ROUGE-L", "", "0.197", "0.196", "0.231", "0.220"],
        ]
    ),
    "14",
    "Table 14: Automatic evaluations",
)


def test_a_bracketed_recipe_beside_the_coined_name_is_the_own_model() -> None:
    text = (
        "We call the resulting models InstructGPT. Our InstructGPT models (PPO-ptx) as well as "
        "its variant (PPO) outperform GPT-3 (175B). InstructGPT refers to the PPO-ptx models. "
        "Our 1.3B PPO-ptx model is preferred."
    )
    assert recipe_names(text, ["InstructGPT"]) == ["PPO-ptx"]


def test_a_known_model_or_a_size_in_brackets_is_not_the_own_model() -> None:
    text = "InstructGPT (GPT-3) is fine-tuned; InstructGPT (175B) and GPT-3 (InstructGPT) too."
    assert recipe_names(text, ["InstructGPT"]) == []


def test_a_bracketed_base_model_the_paper_never_calls_its_own_is_not_the_own_model() -> None:
    text = "FLAN (LaMDA-PT) outperforms zero-shot GPT-3. We instruction-tune LaMDA-PT."
    assert recipe_names(text, ["FLAN"]) == []


def test_the_recipe_columns_are_read_with_the_block_dataset_and_metric() -> None:
    """Each own column reads the dataset its block prints ("QuAC") and the block's metric on the
    few-shot row under it; an unknown metric ("entropy") gives no usual one, and an unknown
    block ("TLDR") takes no dataset from the block above."""
    rows = table_rows(AUTOMATIC, ["instructgpt", "ppoptx"], "InstructGPT")
    found = {(r.method, r.dataset, r.metric, r.value) for r in rows if r.value is not None}
    assert found == {
        ("PPO + ptx models 6b (zero-shot)", "HellaSwag", "Accuracy", 0.69),
        ("PPO + ptx models 175b (zero-shot)", "HellaSwag", "Accuracy", 0.807),
        ("PPO + ptx models 6b (few-shot)", "HellaSwag", "Accuracy", 0.694),
        ("PPO + ptx models 175b (few-shot)", "HellaSwag", "Accuracy", 0.82),
        ("PPO + ptx models 6b (zero-shot)", "QuAC", "F1", 37.35),
        ("PPO + ptx models 175b (zero-shot)", "QuAC", "F1", 41.6),
        ("PPO + ptx models 6b (few-shot)", "QuAC", "F1", 42.42),
        ("PPO + ptx models 175b (few-shot)", "QuAC", "F1", 46.99),
        ("PPO + ptx models 6b", "CNN/Daily Mail", "ROUGE-L", 0.231),
        ("PPO + ptx models 175b", "CNN/Daily Mail", "ROUGE-L", 0.22),
    }


def _method(label: str, salience: float) -> Entity:
    return Entity(EntityType.METHOD, label, salience=salience, role=Role.USES)


def test_the_title_procedure_labels_the_models_it_made() -> None:
    methods = [_method("knowledge distillation", 0.3), _method("dropout", 0.1)]
    assert procedure_names("Distilling the Knowledge in a Neural Network", methods) == ["Distilled"]


def test_a_title_gerund_the_paper_is_not_about_labels_nothing() -> None:
    methods = [_method("Transformer", 0.5), _method("dropout", 0.1)]
    assert procedure_names("Improving Language Understanding", methods) == []


def test_a_distilled_row_is_read_as_the_papers_own() -> None:
    table = Table(
        grid(
            [
                ["System", "Test Accuracy"],
                ["Baseline", "58.9%"],
                ["10xEnsemble", "61.1%"],
                ["Distilled Single model", "60.8%"],
            ]
        ),
        "1",
        "Table 1: Accuracy on CIFAR-10.",
    )
    rows = table_rows(table, ["distilled"], "distillation")
    assert {(r.method, r.value) for r in rows if r.value is not None} == {
        ("Distilled Single model", 60.8)
    }


def test_a_block_label_beside_a_row_naming_the_dataset_stays_the_setting() -> None:
    """ViT's Table 5 prints the pre-training data as a block label over rows of datasets: the
    "ImageNet" row under "ImageNet" is the model pre-trained on ImageNet, and says so."""
    table = Table(
        grid(
            [
                ["", "", "NewNet-B", "NewNet-L"],
                ["ImageNet", "CIFAR-10", "98.13", "97.77"],
                ["", "ImageNet", "77.91", "76.53"],
                ["ImageNet-21k", "CIFAR-10", "98.95", "99.16"],
                ["", "ImageNet", "83.97", "85.15"],
            ]
        ),
        "5",
        "Table 5: Top1 accuracy (in %) of NewNet on various datasets when pre-trained.",
    )
    rows = table_rows(table, ["newnet"], "NewNet")
    methods = {(r.method, r.value) for r in rows if r.dataset == "ImageNet"}
    assert ("NewNet-B (ImageNet)", 77.91) in methods


def test_a_bracketed_backbone_the_paper_calls_its_own_is_not_the_own_model() -> None:
    """A backbone's size or variant ("Swin-T", "DeiT-S", "BERT-Large") in brackets beside the
    own name is the base the model is built on, even where the text says "our Swin-T backbone";
    only "our <recipe> model(s)" ties a recipe to the model."""
    text = (
        "MyNet (DeiT-S) uses our DeiT-S baseline trained by us. MyNet refers to the Swin-T "
        "backbone; our Swin-T backbone. BERT (BERT-Large) and our BERT-Large model."
    )
    assert recipe_names(text, ["MyNet", "BERT"]) == []


def test_a_title_gerund_the_methods_name_only_as_a_gerund_labels_nothing() -> None:
    """A title's "Learning" beside "contrastive learning", "Scaling" beside "scaling laws": the
    method names the gerund, no procedure whose models the tables label "Learned"/"Scaled"."""
    for title, label in (
        ("Learning Transferable Visual Models From Natural Language", "contrastive learning"),
        ("Scaling Language Models: Methods, Analysis", "scaling laws"),
        ("Training Compute-Optimal Large Language Models", "training"),
        ("Pre-training Transformers", "pre-training"),
        ("Masking Language Models", "masked language modeling"),
    ):
        assert procedure_names(title, [_method(label, 0.9)]) == [], title
