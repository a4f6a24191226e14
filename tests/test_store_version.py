"""The analysis version changes whenever code that computes stored features changes.

The checks edit a *copy* of the installed package and compute the version in a fresh
process, so they test the real hashing, not a stand-in for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import framing
from framing.store import version

PACKAGE = Path(framing.__file__).resolve().parent


def _code_version(root: Path) -> str:
    code = "from framing.store.version import code_version; print(code_version())"
    env = {**os.environ, "PYTHONPATH": str(root)}
    # cwd=root: `python -c` puts the working directory first on sys.path, before PYTHONPATH.
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True)
    return result.stdout.strip()


@pytest.fixture(scope="module")
def copied(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("copy")
    shutil.copytree(PACKAGE, root / "framing", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PACKAGE.parent / "models", root / "models")  # the model's hash is part of the version
    shutil.copytree(PACKAGE.parent / "lexicons", root / "lexicons")  # the vocabulary is read on import
    return root


@pytest.mark.parametrize(
    ("module", "changes"),
    [
        ("lexicon/bundle.py", True),  # speaker aliases are read here: quotes depend on it
        ("text.py", True),
        ("extract/vader_fast.py", True),  # VADER's scores, as framing computes them
        ("store/records.py", True),
        ("store/rows.py", True),  # the stored finding and count rows
        ("score/counts.py", True),
        ("models/common_words/words.csv", True),  # discovery reads it: which words are names
        ("store/database.py", False),  # how rows are written, not what they hold
        ("render/html.py", False),  # presentation only
    ],
)
def test_editing_a_module_changes_the_version_only_if_it_computes_features(copied, module, changes):
    before = _code_version(copied)
    assert before == version.code_version()  # the copy is the installed code
    path = copied / "framing" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\n# an edit\n", encoding="utf-8")
        assert (_code_version(copied) != before) is changes
    finally:
        path.write_text(original, encoding="utf-8")


def test_retraining_the_model_changes_the_version(copied):
    before = _code_version(copied)
    path = copied / "models" / "loaded_terms.json"
    original = path.read_bytes()
    try:
        path.write_bytes(original.replace(b'"threshold": ', b'"threshold":  ', 1))
        assert _code_version(copied) != before
    finally:
        path.write_bytes(original)


def test_editing_the_discovery_word_list_changes_the_version(copied):
    """Discovered actor mentions are stored (the mentions table), and discovery.csv is not in the lexicon
    bundle's version: it must be in the code version, or a store would keep mentions of the old list."""
    before = _code_version(copied)
    path = copied / "lexicons" / "discovery.csv"
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n")
        assert _code_version(copied) != before
    finally:
        path.write_bytes(original)


def test_a_new_release_of_vader_or_nltk_changes_the_version(monkeypatch):
    installed = version.library_versions()
    assert set(installed) == {"vaderSentiment", "nltk"} and all(installed.values())
    before = version.code_version()
    monkeypatch.setattr(version, "package_version", lambda name: "99.0" if name == "nltk" else installed[name])
    version.code_version.cache_clear()
    try:
        assert version.code_version() != before
    finally:
        version.code_version.cache_clear()
