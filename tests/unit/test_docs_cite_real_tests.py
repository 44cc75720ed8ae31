"""Every test the documentation cites (`tests/unit/test_x.py::test_name`) still exists: the file is
there and defines a top-level function of that name. Read with `ast`, never imported."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PROTOCOL_DOC = DOCS / "protocol.md"
CITATION = re.compile(r"tests/(?:unit|e2e)/[A-Za-z0-9_/]+\.py::[A-Za-z0-9_]+")
MINIMUM_PROTOCOL_CITATIONS = 30


def citations(document: Path) -> list[str]:
    return CITATION.findall(document.read_text(encoding="utf-8"))


@cache
def top_level_functions(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return frozenset(
        node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    )


def why_stale(citation: str) -> str | None:
    """What is wrong with one citation, or None when it names a real test."""
    relative, _, name = citation.partition("::")
    path = ROOT / relative
    if not path.is_file():
        return f"no file {relative}"
    if name not in top_level_functions(path):
        return f"{relative} defines no top-level function {name}"
    return None


def test_every_cited_test_exists() -> None:
    documents = sorted(DOCS.glob("*.md"))
    assert PROTOCOL_DOC in documents, f"{PROTOCOL_DOC.relative_to(ROOT)} is missing"
    stale = []
    for document in documents:
        for citation in sorted(set(citations(document))):
            reason = why_stale(citation)
            if reason is not None:
                stale.append(f"{document.relative_to(ROOT)}: {citation} ({reason})")
    assert not stale, f"{len(stale)} stale citation(s):\n" + "\n".join(stale)


def test_the_protocol_document_cites_enough_tests() -> None:
    found = citations(PROTOCOL_DOC)
    assert len(found) >= MINIMUM_PROTOCOL_CITATIONS, (
        f"{PROTOCOL_DOC.relative_to(ROOT)} has {len(found)} citations, "
        f"expected at least {MINIMUM_PROTOCOL_CITATIONS}"
    )
