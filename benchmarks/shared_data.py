"""Where the shared corpora live, for every benchmark (and the tests): the one path setting.

`$PAPERGRAPH_SHARED_DATA`, else `../shared/data` beside the checkout, or beside a git worktree's
parent folder.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    if "PAPERGRAPH_SHARED_DATA" in os.environ:
        return Path(os.environ["PAPERGRAPH_SHARED_DATA"])
    candidates = [REPO.parent / "shared" / "data", REPO.parent.parent / "shared" / "data"]
    return next((path for path in candidates if path.exists()), candidates[0])


def scirex_docs(shared: Path) -> Path:
    """The SciREX documents (one JSON file each) of a shared-data folder."""
    return shared / "scirex" / "train_docs"


SHARED_DATA = shared_data()
SCIREX_DOCS = scirex_docs(SHARED_DATA)
