"""The pre-commit hook (editorial workflow, item 1), with nothing installed from the network.

A temporary git repository gets a ``.pre-commit-config.yaml`` whose hook is this
repository's ``.pre-commit-hooks.yaml`` entry turned into a ``repo: local`` hook
(``language: system``, entry: this interpreter running ``-m factcheck run``), so
pre-commit builds no environment. ``pre-commit install`` then guards real commits:
a draft that contradicts the reference is refused, a clean one goes in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.cli_support import RIGHT_REF, ROOT, WRONG_MATH, WRONG_REF, clean_env, reference, write

pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def test_the_manifest_is_valid_for_pre_commit() -> None:
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(MANIFEST))
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck run" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text"] and hook["require_serial"] is True


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    work = tmp_path / "newsroom"
    work.mkdir()
    env = clean_env(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), HOME=str(tmp_path), GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org", GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="desk@example.org", PYTHONPATH=str(ROOT),
    )
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    local = {**hook, "language": "system",
             "entry": hook["entry"].replace("factcheck", f"{sys.executable} -m factcheck", 1)}
    write(work / ".pre-commit-config.yaml", yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}))
    reference(work, "facts.yaml")
    write(work / ".factcheck.yaml", "reference: facts.yaml\n")
    _git(work, env, "init", "-q")
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=work, env=env,
                             capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    _git(work, env, "add", ".pre-commit-config.yaml", ".factcheck.yaml", "facts.yaml")
    assert _commit(work, env, "setup").returncode == 0
    return work, env


def _git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


def _commit(cwd: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=300)


def _committed(cwd: Path, env: dict[str, str]) -> list[str]:
    return _git(cwd, env, "log", "--format=%s").stdout.split()


def test_the_hook_blocks_a_contradicting_draft_and_passes_a_clean_one(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    write(work / "drafts" / "hebei.md", f"# 河北空气\n\n{WRONG_REF}\n")
    _git(work, env, "add", "drafts/hebei.md")
    refused = _commit(work, env, "wrong")
    assert refused.returncode != 0
    report = refused.stdout + refused.stderr
    assert "factcheck" in report and "Failed" in report and "FC101" in report and "38.6" in report
    assert _committed(work, env) == ["setup"]

    write(work / "drafts" / "hebei.md", f"# 河北空气\n\n{RIGHT_REF}\n")
    _git(work, env, "add", "drafts/hebei.md")
    accepted = _commit(work, env, "right")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _committed(work, env) == ["right", "setup"]


def test_the_hook_sees_only_text_and_markdown_and_honours_suppression(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    # A wrong figure in a file type the hook does not take (types_or) does not block.
    write(work / "data.csv", f"{WRONG_REF}\n")
    write(work / "notes.txt", f"{WRONG_MATH} factcheck: ignore FC201\n")
    _git(work, env, "add", "data.csv", "notes.txt")
    result = _commit(work, env, "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert os.path.exists(work / ".git" / "hooks" / "pre-commit")
