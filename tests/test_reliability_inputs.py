"""Every bad input gets a clear answer, nothing is lost, nothing crashes — through the real CLI.

The input matrix: missing paths, empty directories, binary, empty, huge and mis-encoded files,
permission denied, closed or empty standard input, output piped into ``head``, Ctrl-C. A bad
file gets exit 2 and one line on stderr naming it (``factcheck: PATH: reason``); the good files
of the same run are still checked and every input appears in the report with its fate.

Runs in-process (typer's CliRunner) unless the case needs real streams or signals (a child
``python -m factcheck``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import MINI_REFERENCE, ROOT, clean_env, invoke

# A short article in both scripts (the traditional one for Big5): a level, a change with its baseline,
# a from/to change, a figure with a Chinese magnitude. Every character is in GB18030 and Big5.
SIMPLIFIED = (
    "2023年,河北省PM2.5平均浓度为38.6微克/立方米,比2014年下降57.6%。\n"
    "张家口市细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降48.6%。\n"
    "全市可再生能源装机规模达到3565万千瓦,约占全省的一半。\n"
)
TRADITIONAL = (
    "2023年,河北省PM2.5平均濃度為38.6微克/立方米,比2014年下降57.6%。\n"
    "張家口市細顆粒物平均濃度從2014年的35微克/立方米降至2023年的18微克/立方米,下降48.6%。\n"
    "全市可再生能源裝機規模達到3565萬千瓦,約佔全省的一半。\n"
)
ENGLISH = "Hebei\u2019s PM2.5 averaged 38.6 \u00b5g/m\u00b3 in 2023 \u2014 \u201cdown 57.6%\u201d from 2014.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def _zip_bytes(tmp: Path) -> bytes:
    path = tmp / "archive.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("article.txt", SIMPLIFIED * 20)
    data = path.read_bytes()
    path.unlink()
    return data


@pytest.fixture
def ref(tmp_path: Path) -> Path:
    path = tmp_path / "ref.yaml"
    path.write_text(MINI_REFERENCE, encoding="utf-8")
    return path


def run(args: list[str], ref: Path) -> tuple[int, str, str]:
    result = invoke(["run", "--no-color", "-r", str(ref), *args], env={"FACTCHECK_NO_CACHE": "1"})
    return result.exit_code, result.stdout, result.stderr


def run_json(args: list[str], ref: Path) -> tuple[int, dict[str, Any], str]:
    code, out, err = run(["-f", "json", *args], ref)
    return code, json.loads(out), err


def child(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = clean_env(NO_COLOR="1", FACTCHECK_NO_CACHE="1")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "factcheck", *args], env=env, capture_output=True, timeout=120,
                          check=False, **kwargs)


def assert_one_line_per_bad_file(stderr: str, expected: dict[str, str]) -> None:
    """stderr holds exactly one ``factcheck: PATH: reason`` line per bad file, and nothing else."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert sorted(lines) == sorted(f"factcheck: {path}: {reason}" for path, reason in expected.items())


def fates(data: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {f["path"]: (f["status"], f["error"]) for f in data["files"]}


# ----------------------------------------------------------------------------- paths


def test_nonexistent_path(tmp_path: Path, ref: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    code, data, err = run_json([missing, str(good)], ref)
    assert code == 2
    assert_one_line_per_bad_file(err, {missing: "no such file or directory"})
    assert fates(data) == {missing: ("failed", "no such file or directory"), str(good): ("checked", None)}
    assert next(f for f in data["files"] if f["path"] == str(good))["claims"], "the good file is still checked"


def test_directory_without_matching_files(tmp_path: Path, ref: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text(SIMPLIFIED, encoding="utf-8")
    code, out, err = run([str(folder)], ref)
    assert code == 2
    reason = "directory has no .txt, .md, .markdown, .html or .htm file"
    assert_one_line_per_bad_file(err, {str(folder): reason})
    assert str(folder) in out and reason in out


# ----------------------------------------------------------------------------- contents


@pytest.mark.parametrize("kind", ["png", "zip", "nul"])
def test_binary_files_are_refused_by_name(tmp_path: Path, ref: Path, kind: str) -> None:
    data = {"png": PNG, "zip": _zip_bytes(tmp_path), "nul": SIMPLIFIED.encode("utf-8")[:40] + b"\x00\x00ab"}[kind]
    bad = tmp_path / f"{kind}.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    code, data_out, err = run_json([str(bad), str(good)], ref)
    assert code == 2
    assert_one_line_per_bad_file(err, {str(bad): "binary file, not text"})
    assert fates(data_out)[str(bad)] == ("failed", "binary file, not text")
    assert fates(data_out)[str(good)] == ("checked", None)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf", b"\xff\xfe"], ids=["zero", "blank", "bom8",
                                                                                             "bom16"])
def test_empty_files(tmp_path: Path, ref: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    code, out, err = run([str(empty)], ref)
    assert code == 2
    assert_one_line_per_bad_file(err, {str(empty): "empty file"})
    assert f"{empty}  (unread)" in out


def test_a_single_one_megabyte_line(tmp_path: Path, ref: Path) -> None:
    prose = "京津冀协同发展是一个重大国家战略,各地围绕生态环境保护开展了大量工作,市民普遍反映空气变好了。"
    block = prose * 40 + "2023年,河北PM2.5平均浓度为38.6微克/立方米。"
    line = block * (1_000_000 // len(block.encode("utf-8")) + 1)
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size >= 1_000_000 and "\n" not in line
    code, data, err = run_json([str(path)], ref)
    assert code == 0, err
    claims = data["files"][0]["claims"]
    assert len(claims) == line.count("38.6")
    for c in claims[:3] + claims[-3:]:  # located exactly, even a million characters into the line
        assert c["line"] == 1 and line[c["column"] - 1:].startswith(c["quote"]) and c["quote"].startswith("38.6")
        assert (c["region"], c["metric"], c["year"], c["status"]) == ("hebei", "pm25_annual_mean", 2023, "agrees")


def _peak_rss_mb(args: list[str]) -> tuple[subprocess.CompletedProcess[bytes], float]:
    """Run the CLI under a small Python parent whose only child it is; return the child's peak RSS."""
    probe = ("import json, resource, subprocess, sys\n"
             "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
             "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
             "print(json.dumps([p.returncode, p.stdout.decode(), p.stderr.decode(), rss]))\n")
    done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "factcheck", *args],
                          env={**clean_env(NO_COLOR="1", FACTCHECK_NO_CACHE="1"), "PYTHONPATH": str(ROOT)},
                          capture_output=True, timeout=120, check=True)
    code, out, err, rss_kb = json.loads(done.stdout)
    return subprocess.CompletedProcess(args, code, out.encode(), err.encode()), rss_kb / 1024


def test_a_100_megabyte_file_is_refused_by_the_default_cap_in_bounded_memory(tmp_path: Path, ref: Path) -> None:
    big = tmp_path / "big.txt"
    block = (SIMPLIFIED * 200).encode("utf-8")
    with big.open("wb") as fh:
        for _ in range(100 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    size = big.stat().st_size
    good = tmp_path / "good.txt"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    done, rss = _peak_rss_mb(["run", "-f", "json", "-r", str(ref), str(big), str(good)])
    assert done.returncode == 2
    from factcheck.load import DEFAULT_MAX_SIZE

    reason = f"file too big ({size} bytes, limit {DEFAULT_MAX_SIZE})"
    assert_one_line_per_bad_file(done.stderr.decode(), {str(big): reason})
    data = json.loads(done.stdout)
    assert fates(data) == {str(big): ("failed", reason), str(good): ("checked", None)}
    assert rss < 200, f"peak RSS {rss:.0f} MB: the refused file was read"


def test_max_size_refuses_a_file_with_a_clear_message(tmp_path: Path, ref: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(SIMPLIFIED * 10, encoding="utf-8")
    size = path.stat().st_size
    code, out, err = run(["--max-size", "1000", str(path)], ref)
    assert code == 2
    assert_one_line_per_bad_file(err, {str(path): f"file too big ({size} bytes, limit 1000)"})
    code, out, err = run(["--max-size", str(size), str(path)], ref)  # at the limit: checked
    assert code in (0, 1) and err == "" and f"{path}  (utf-8)" in out


def test_invalid_utf8_sequences_are_replaced_and_reported(tmp_path: Path, ref: Path) -> None:
    lines = SIMPLIFIED.encode("utf-8").split(b"\n")
    broken = b"\n".join([lines[0], b"\xff\xfe" + lines[1], *lines[2:]])  # two stray bytes at 2:1
    path = tmp_path / "broken.txt"
    path.write_bytes(broken)
    twin = tmp_path / "twin.txt"
    twin.write_text(SIMPLIFIED, encoding="utf-8")
    _code, data, err = run_json([str(path), str(twin)], ref)
    assert err == ""
    by_path = {f["path"]: f for f in data["files"]}
    got, want = by_path[str(path)], by_path[str(twin)]
    assert got["status"] == "checked" and got["encoding"] == "utf-8 (2 invalid bytes replaced)"
    warnings = [(f["rule"], f["line"], f["column"]) for f in got["findings"] if f["rule"] == "FC002"]
    assert warnings == [("FC002", 2, 1), ("FC002", 2, 2)]
    shifted = [{**c, "column": c["column"] - (2 if c["line"] == 2 else 0),
                "end_column": c["end_column"] - (2 if c["end_line"] == 2 else 0),
                "sentence": c["sentence"].replace("\ufffd", "")} for c in got["claims"]]
    assert shifted == want["claims"]


# ----------------------------------------------------------------------------- encodings


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """A file's report minus what names the file itself (path, encoding)."""
    (entry,) = data["files"]
    findings = [{k: v for k, v in f.items() if k not in ("path", "locations")} for f in entry["findings"]]
    return {"claims": entry["claims"], "findings": findings, "status": entry["status"]}


@pytest.mark.parametrize(("text", "codec", "named"), [
    (SIMPLIFIED, "gb18030", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    (SIMPLIFIED, "utf-16", "utf-16-le"),  # Python writes a BOM
    (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM
    (TRADITIONAL, "utf-16-be", "utf-16-be"),  # no BOM
    (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    (ENGLISH, "cp1252", "cp1252"),  # an English draft saved by Word on Windows
])
def test_encodings_give_the_same_claims_as_the_utf8_twin(tmp_path: Path, ref: Path, text: str, codec: str,
                                                         named: str) -> None:
    twin = tmp_path / "twin.txt"
    twin.write_text(text, encoding="utf-8")
    other = tmp_path / f"{codec}.txt"
    other.write_bytes(text.encode(codec))
    code_a, a, err_a = run_json([str(twin)], ref)
    code_b, b, err_b = run_json([str(other)], ref)
    assert err_a == err_b == "" and code_a == code_b
    assert b["files"][0]["encoding"] == named
    assert _comparable(a)["claims"], "the twin has claims to compare"
    assert _comparable(a) == _comparable(b)


# ----------------------------------------------------------------------------- permissions, streams, signals


def test_permission_denied(tmp_path: Path, ref: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(SIMPLIFIED, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        good = tmp_path / "good.txt"
        good.write_text(SIMPLIFIED, encoding="utf-8")
        code, data, err = run_json([str(locked), str(good)], ref)
        assert code == 2
        assert_one_line_per_bad_file(err, {str(locked): "permission denied"})
        assert fates(data) == {str(locked): ("failed", "permission denied"), str(good): ("checked", None)}
    finally:
        locked.chmod(0o644)


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path: Path, ref: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "drafts"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "locked" / "hidden.txt").write_text(SIMPLIFIED, encoding="utf-8")
    locked = folder / "locked"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root: make listing it fail the way chmod 000 does for a user
            real_scandir = os.scandir

            def scandir(path: Any = ".") -> Any:
                if os.fspath(path) == str(locked):
                    raise PermissionError(13, "Permission denied", str(locked))
                return real_scandir(path)

            monkeypatch.setattr(os, "scandir", scandir)
        code, data, err = run_json([str(folder)], ref)
    finally:
        locked.chmod(0o755)
    assert code == 2
    reason = "cannot read directory: Permission denied"
    assert_one_line_per_bad_file(err, {str(locked): reason})
    assert fates(data) == {str(folder / "good.txt"): ("checked", None), str(locked): ("failed", reason)}


def test_empty_standard_input(ref: Path) -> None:
    done = child(["run", "-r", str(ref), "-"], stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert_one_line_per_bad_file(done.stderr.decode(), {"<stdin>": "empty input"})


def test_closed_standard_input(ref: Path) -> None:
    done = child(["run", "-r", str(ref), "-"], stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2
    assert_one_line_per_bad_file(done.stderr.decode(), {"<stdin>": "no standard input"})


def test_standard_input_is_checked(ref: Path) -> None:
    done = child(["run", "-f", "json", "-r", str(ref), "-"], input=SIMPLIFIED.encode("gb18030"))
    assert done.stderr == b""
    data = json.loads(done.stdout)
    assert fates(data) == {"<stdin>": ("checked", None)} and data["files"][0]["encoding"] == "gb18030"


def _claim_dense(path: Path, sentences: int) -> Path:
    path.write_text("2023年,河北PM2.5平均浓度为38.6微克/立方米,比2014年下降57.6%。\n" * sentences, encoding="utf-8")
    return path


@pytest.mark.skipif(shutil.which("head") is None or shutil.which("bash") is None, reason="needs bash and head")
@pytest.mark.parametrize("fmt", ["json", "human"])
def test_output_piped_into_head(tmp_path: Path, ref: Path, fmt: str) -> None:
    draft = _claim_dense(tmp_path / "many.txt", 300)  # about 700 KB of JSON: far more than a pipe holds
    env = {**clean_env(NO_COLOR="1", FACTCHECK_NO_CACHE="1"), "PYTHONPATH": str(ROOT)}
    script = f'"$@" run -f {fmt} -r "{ref}" "{draft}" | head -c 100; exit "${{PIPESTATUS[0]}}"'
    done = subprocess.run(["bash", "-c", script, "bash", sys.executable, "-m", "factcheck"], env=env,
                          capture_output=True, timeout=120, check=False)
    assert len(done.stdout) == 100
    assert done.stderr == b"", done.stderr.decode()  # no BrokenPipeError, no "Exception ignored"
    assert done.returncode in (0, 1)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the child at work")
def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path, ref: Path) -> None:
    prose = "京津冀协同发展是一个重大国家战略,各地开展了大量工作。2023年河北PM2.5浓度为38.6微克/立方米。\n"
    big = tmp_path / "big.txt"
    big.write_text(prose * (6_000_000 // len(prose.encode("utf-8"))), encoding="utf-8")  # ~15 s of work
    env = {**clean_env(NO_COLOR="1", FACTCHECK_NO_CACHE="1"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "run", "-r", str(ref), str(big)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while _cpu_seconds(proc.pid) < 1.5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # past start-up (~0.3 s of CPU): reading the file
        assert proc.poll() is None, "the child finished before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    assert len(err.splitlines()) <= 1


# ----------------------------------------------------------------------------- whole runs


def test_a_mixed_folder_lists_every_file_with_its_fate(tmp_path: Path, ref: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "image.txt").write_bytes(PNG)
    (folder / "empty.md").write_bytes(b"")
    (folder / "gbk.txt").write_bytes(SIMPLIFIED.encode("gb18030"))
    (folder / "word.txt").write_bytes(ENGLISH.encode("cp1252"))
    (folder / "sub").mkdir()
    (folder / "sub" / "broken.html").write_bytes(b"<p>" + SIMPLIFIED.encode("utf-8")[:-10] + b"\xff\xfe</p>")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an input")  # not a text suffix: not an input
    expected = {
        "good.txt": ("checked", None), "image.txt": ("failed", "binary file, not text"),
        "empty.md": ("failed", "empty file"), "gbk.txt": ("checked", None), "word.txt": ("checked", None),
        "sub/broken.html": ("checked", None),
    }
    code, data, err = run_json([str(folder)], ref)
    assert code == 2
    got = {str(Path(p).relative_to(folder)): fate for p, fate in fates(data).items()}
    assert got == expected
    assert data["summary"]["files"] == 6 and data["summary"]["failed"] == 2
    assert_one_line_per_bad_file(err, {str(folder / "image.txt"): "binary file, not text",
                                       str(folder / "empty.md"): "empty file"})
    code, out, err = run([str(folder)], ref)
    assert code == 2
    for name, (status, reason) in expected.items():
        header = next((line for line in out.splitlines() if line.startswith(f"{folder / name}  (")), None)
        assert header is not None, f"{name} missing from the human report"
        assert ("(unread)" in header) == (status == "failed")
        if reason:
            assert reason in out
    assert "6 file(s)" in out and "2 file(s) could not be read" in out


def test_output_is_byte_identical_whatever_the_order_of_the_arguments(tmp_path: Path, ref: Path) -> None:
    paths = []
    for i, text in enumerate([SIMPLIFIED, TRADITIONAL, SIMPLIFIED.replace("38.6", "38.2"), ENGLISH]):
        paths.append(tmp_path / f"d{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    args = [*map(str, paths), missing]
    outputs = set()
    for order in (args, args[::-1], [args[2], args[0], args[4], args[3], args[1]], [*args, args[0]]):
        code, out, _err = run(["-f", "json", *order], ref)
        assert code == 2
        outputs.add(out)
    assert len(outputs) == 1  # same bytes, files in path order, each once
    data = json.loads(outputs.pop())
    assert [f["path"] for f in data["files"]] == sorted(args)
    assert data["findings"], "the files disagree with each other (38.6 vs 38.2): cross-file findings are compared too"


def test_python_dash_m_factcheck(tmp_path: Path, ref: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(SIMPLIFIED, encoding="utf-8")
    done = child(["run", "-f", "json", "-r", str(ref), str(draft)])
    assert done.returncode in (0, 1) and done.stderr == b""
    assert fates(json.loads(done.stdout)) == {str(draft): ("checked", None)}
    assert child(["--version"]).stdout.startswith(b"factcheck ")
