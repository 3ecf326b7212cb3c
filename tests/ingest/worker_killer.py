"""An extractor that kills the process it runs in when a paper asks it to: a stand-in for a
parser crash or the kernel's OOM killer, for tests/ingest/test_prepare.py's worker tests."""

import os

from papergraph.core.model import Extraction, Paper
from papergraph.ingest.extract.lexicon import LexiconExtractor


class KillingExtractor(LexiconExtractor):
    def extract(self, paper: Paper) -> Extraction:
        if any("KILL-THE-WORKER" in chunk.text for chunk in paper.chunks):
            os._exit(13)
        return super().extract(paper)
