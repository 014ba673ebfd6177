"""Colour and progress through the real entry point (item 4).

Coloured on a terminal, plain when piped, NO_COLOR / FORCE_COLOR honoured, a
progress bar on stderr for more than 20 files on a terminal, never with machine
formats. Terminals are real pseudo-terminals (``pty``), so POSIX only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import ANSI, ROOT, WRONG_REF, clean_env, reference, subprocess_cli, write

pty = pytest.importorskip("pty")


def _on_terminal(args: list[str], *, stdout_tty: bool, stderr_tty: bool, env: dict[str, str] | None = None,
                 cwd: Path) -> tuple[int, str, str]:
    """Run the CLI with stdout and/or stderr on a pseudo-terminal; returns (code, stdout, stderr)."""
    master, slave = pty.openpty()
    full_env = clean_env(TERM="xterm-256color", COLUMNS="120", **(env or {}))
    full_env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args], cwd=cwd, env=full_env, stdin=subprocess.DEVNULL,
        stdout=slave if stdout_tty else subprocess.PIPE, stderr=slave if stderr_tty else subprocess.PIPE)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out, err = proc.communicate(timeout=300)
    os.close(master)
    tty = b"".join(chunks).decode("utf-8", "replace")
    return (proc.returncode, tty if stdout_tty else out.decode(), tty if stderr_tty else err.decode())


@pytest.fixture
def draft(tmp_path: Path) -> tuple[Path, Path]:
    return reference(tmp_path), write(tmp_path / "a.txt", WRONG_REF + "\n")


def test_coloured_on_a_terminal_plain_when_piped(draft: tuple[Path, Path], tmp_path: Path) -> None:
    ref, path = draft
    code, out, _ = _on_terminal(["run", "-r", str(ref), str(path)], stdout_tty=True, stderr_tty=False, cwd=tmp_path)
    assert code == 1 and ANSI.search(out) and "FC101" in out
    piped = subprocess_cli(["run", "-r", str(ref), str(path)], cwd=tmp_path)
    assert piped.returncode == 1 and b"FC101" in piped.stdout and not ANSI.search(piped.stdout.decode())


def test_no_color_and_force_color(draft: tuple[Path, Path], tmp_path: Path) -> None:
    ref, path = draft
    _, out, _ = _on_terminal(["run", "-r", str(ref), str(path)], stdout_tty=True, stderr_tty=False,
                             env={"NO_COLOR": "1"}, cwd=tmp_path)
    assert "FC101" in out and not ANSI.search(out)
    forced = subprocess_cli(["run", "-r", str(ref), str(path)], env={"FORCE_COLOR": "1"}, cwd=tmp_path)
    assert ANSI.search(forced.stdout.decode())
    # The flag beats both variables.
    flag = subprocess_cli(["run", "--no-color", "-r", str(ref), str(path)], env={"FORCE_COLOR": "1"}, cwd=tmp_path)
    assert not ANSI.search(flag.stdout.decode())
    flag = subprocess_cli(["run", "--color", "-r", str(ref), str(path)], env={"NO_COLOR": "1"}, cwd=tmp_path)
    assert ANSI.search(flag.stdout.decode())


def test_progress_bar_on_stderr_for_many_files_never_for_machine_formats(tmp_path: Path) -> None:
    ref = reference(tmp_path)
    for i in range(22):
        write(tmp_path / "many" / f"{i:02d}.txt", WRONG_REF + "\n")
    code, out, err = _on_terminal(["run", "-q", "-r", str(ref), str(tmp_path / "many")], stdout_tty=False,
                                  stderr_tty=True, cwd=tmp_path)
    assert code == 1 and out.count("FC101") == 22
    assert "checking" in err and "/22" in err, err
    code, out, err = _on_terminal(["run", "-f", "jsonl", "-r", str(ref), str(tmp_path / "many")], stdout_tty=False,
                                  stderr_tty=True, cwd=tmp_path)
    assert code == 1 and out.count("\n") == 22 and "checking" not in err
    few = tmp_path / "few"
    for i in range(3):
        write(few / f"{i}.txt", WRONG_REF + "\n")
    _, _, err = _on_terminal(["run", "-r", str(ref), str(few)], stdout_tty=False, stderr_tty=True, cwd=tmp_path)
    assert "checking" not in err
