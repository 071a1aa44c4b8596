"""The command line: --version, --help, check, screenshots, and data errors."""

from __future__ import annotations

import gc
import io
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from gpt4o_tui.__main__ import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gpt4o_tui", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_version_and_help() -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == "gpt4o-tui 0.1.0"
    helped = run("--help")
    assert helped.returncode == 0
    for word in ("--data DIR", "check", "screenshots", "ctrl+p"):
        assert word in helped.stdout


def test_version_and_check_import_no_textual() -> None:
    probe = (
        "import sys; from gpt4o_tui.__main__ import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules)"
    )
    for args in (["--version"], ["check"]):
        result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60)
        assert result.stdout.strip().splitlines()[-1] == "False", args


def test_check_summarises_valid_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    # The table wraps its cells at 80 columns: read it as one run of words.
    out = " ".join(re.sub(r"[│┌┐└┘─┬┴┼├┤]", " ", capsys.readouterr().out).split())
    assert "8 × 5 models = 40 cells: 38 scored, 2 n/a, 12 chart only, 3 its maker reports otherwise" in out
    assert "6 models, 3 with a batch price, 4 with a note; 4 dated changes, 2 with a caveat" in out
    assert "4 quoted, 3 checked against the prices, 3 with a note on how they are read" in out
    assert "2: 1 shut down, 1 scheduled, 1 with a caveat" in out
    assert "4 models' image rules (2 with a caveat), 5 example sizes" in out
    assert "OK: the data is valid." in out


def test_data_may_be_named_before_or_after_the_command(data_copy: Path) -> None:
    (data_copy / "prices.toml").unlink()
    for args in (["--data", str(data_copy), "check"], ["check", "--data", str(data_copy)]):
        result = run(*args)
        assert result.returncode == 2, args
        assert "prices.toml: file: missing" in result.stderr


def test_broken_data_gives_one_line_and_exit_2_for_app_and_check(data_copy: Path, snapshot: SnapshotAssertion) -> None:
    path = data_copy / "benchmarks.toml"
    path.write_text(path.read_text().replace('"gpt-4o-mini" = 82.0', '"gpt-4o-mini" = 182.0'))
    for args in (["--data", str(data_copy)], ["check", "--data", str(data_copy)]):
        result = run(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1
        assert lines[0].replace(str(data_copy), "DATA") == snapshot


def test_screenshots_writes_one_svg_per_pane_and_slide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screenshots", str(tmp_path / "shots")]) == 0
    written = sorted(p.name for p in (tmp_path / "shots").iterdir())
    slides = [f"slide-{n}.svg" for n in range(1, 9)]
    assert written == sorted(["benchmarks.svg", "pricing.svg", "safety.svg", "specs.svg", *slides])
    specs = (tmp_path / "shots" / "specs.svg").read_text()
    assert "128,000" in specs and "<svg" in specs
    pricing = (tmp_path / "shots" / "pricing.svg").read_text()
    assert "$58.50" in pricing
    assert main(["screenshots", str(tmp_path / "again")]) == 0
    for name in written:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "shots" / name).read_bytes(), name
    assert "GPT-3.5&#160;Turbo" in (tmp_path / "shots" / "slide-5.svg").read_text()


def test_screenshots_never_replace_files_without_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    (shots / "pricing.svg").write_text("mine")
    assert main(["screenshots", str(shots)]) == 2
    error = capsys.readouterr().err
    assert "pricing.svg exists" in error and "--overwrite" in error and "nothing was written" in error
    assert sorted(p.name for p in shots.iterdir()) == ["pricing.svg"]
    assert (shots / "pricing.svg").read_text() == "mine"
    assert main(["screenshots", "--overwrite", str(shots)]) == 0
    assert "$58.50" in (shots / "pricing.svg").read_text()


def test_screenshots_into_a_folder_that_cannot_be_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("not a folder")
    assert main(["screenshots", str(tmp_path / "file" / "shots")]) == 2
    assert capsys.readouterr().err.startswith("gpt4o-tui screenshots: cannot create ")


def test_core_modules_import_neither_textual_nor_the_tokenizer() -> None:
    core = (
        "gpt4o_tui.core.catalog, gpt4o_tui.core.costs, gpt4o_tui.core.scale, gpt4o_tui.core.compare, gpt4o_tui.core.claims, "
        "gpt4o_tui.text.report, gpt4o_tui.core.tokens, gpt4o_tui.text.deck, gpt4o_tui.core.files, gpt4o_tui.tui.themes, gpt4o_tui.tui.panes, "
        "gpt4o_tui.text.i18n"
    )
    probe = f"import sys, {core}; print('textual' in sys.modules, 'quicktok' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False False"


def test_the_app_starts_with_only_its_first_pane() -> None:
    """Panes are built, and their modules imported, after the first frame: the start
    builds one; the others are built in their hidden tabs once it is drawn, one at a
    time, leaving the tab and the focus where they were."""
    probe = (
        "import asyncio, sys\n"
        "from gpt4o_tui.tui.app import Gpt4oTui\n"
        "from gpt4o_tui.core.catalog import load\n"
        "async def main():\n"
        "    app = Gpt4oTui(load())\n"
        "    app.BUILD_AFTER = 2.0  # time enough to look before the first build, however loaded the machine\n"
        "    async with app.run_test() as pilot:\n"
        "        print(sorted(m for m in sys.modules if m.startswith('gpt4o_tui.tui.panes.')), 'quicktok' in sys.modules)\n"
        "        for _ in range(200):\n"
        "            await pilot.pause(0.05)\n"
        "            if all(p.is_mounted for p in app._panes.values()) and len(app._panes) == 4:\n"
        "                break\n"
        "        print(sorted(app._panes), app.query_one('#tabs').active, app.focused.id)\n"
        "        await pilot.press('4')\n"
        "        print(app.query_one('#tabs').active, len(app.query('#pricing-pane')))\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    at_start, built, after = result.stdout.strip().splitlines()[-3:]
    assert at_start == "['gpt4o_tui.tui.panes.base', 'gpt4o_tui.tui.panes.specs'] False"
    assert built == "['benchmarks', 'pricing', 'safety', 'specs'] specs specs-pane"
    assert after == "pricing 1"


def test_what_the_start_made_is_frozen_before_the_app_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The modules, the catalog and the settings live as long as the process: the
    collector does not walk them again on each full collection while the app runs."""
    from gpt4o_tui.tui.app import Gpt4oTui

    frozen: list[int] = []

    def ran(app: Gpt4oTui) -> None:
        frozen.append(gc.get_freeze_count())
        app._return_code = 0

    gc.unfreeze()
    monkeypatch.setattr(Gpt4oTui, "run", ran)
    try:
        assert main([]) == 0
    finally:
        gc.unfreeze()
    assert frozen and frozen[0] > 10_000


@pytest.mark.parametrize(("left", "status"), [(0, 0), (1, 1), (None, 1), (143, 143)])
def test_the_app_s_own_exit_status_is_passed_on(monkeypatch: pytest.MonkeyPatch, left: int | None, status: int) -> None:
    """A crash (Textual's 1) or a panic (its input thread dying leaves None) is not
    a success; a signal's status (128 + its number) is kept."""
    from gpt4o_tui.tui.app import Gpt4oTui

    def ran(app: Gpt4oTui) -> None:
        app._return_code = left

    monkeypatch.setattr(Gpt4oTui, "run", ran)
    assert main([]) == status


@pytest.mark.parametrize(
    "args",
    [["check"], ["cost", "--input-tokens", "1", "--output-tokens", "1", "--requests-per-day", "1"], ["--version"]],
)
def test_a_closed_standard_output_gets_one_line(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gpt4o_tui", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 1
    assert done.stderr == "gpt4o-tui: cannot write the output: standard output is closed\n"


def test_a_closed_standard_input_gets_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gpt4o_tui"], capture_output=True, text=True, timeout=60, preexec_fn=lambda: os.close(0)
    )
    assert done.returncode == 2 and done.stdout == ""
    assert (
        done.stderr
        == "gpt4o-tui: standard input is closed, so there are no keys to read; run gpt4o-tui in a terminal.\n"
    )


def test_tokens_sample_without_an_id_lists_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tokens", "--sample"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "seed-zh       Seed passage (Chinese)",
        "seed-en       Seed passage (English)",
        "receipt-json  Receipt as JSON",
    ]
    assert main(["tokens", "--sample", "--lang", "zh"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "seed-zh       种子文章段落（中文）"


def stdin_of(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("args", [["tokens", "-"], ["tokens", "--file", "-"]])
def test_tokens_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    stdin_of(monkeypatch, "你好, world\n".encode())
    assert main([*args, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["characters"] == 10
    stdin_of(monkeypatch, b"\xff\xfe")
    assert main(args) == 2
    assert capsys.readouterr().err == "gpt4o-tui tokens: cannot read standard input: not valid UTF-8 text\n"
    monkeypatch.setattr(sys, "stdin", None)
    assert main(args) == 2
    assert capsys.readouterr().err == "gpt4o-tui tokens: cannot read standard input: it is closed\n"


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


COST = ["cost", "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10k"]


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        COST,
        [*COST, "--images", "2", "--batch", "--lang", "zh"],
        [*COST, "--format", "csv"],
        [*COST, "--format", "json"],
        ["tokens", "hello"],
        ["tokens", "--sample"],
        ["tokens", "--sample", "seed-zh", "--lang", "zh"],
        ["tokens", "--image", "IMAGE"],
        ["--help"],
        ["cost", "--help"],
        ["tokens", "--help", "--lang", "zh"],
    ],
)
def test_no_line_of_output_ends_in_a_space(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(png(1024, 768))
    args = [str(image) if arg == "IMAGE" else arg for arg in args]
    try:
        assert main(args) == 0
    except SystemExit as done:  # --help
        assert done.code == 0
    out = capsys.readouterr().out
    assert out.strip()
    assert [line for line in out.splitlines() if line != line.rstrip()] == []


def test_the_trailing_spaces_go_before_a_colour_s_end_too() -> None:
    from gpt4o_tui.__main__ import _TRAILING_SPACES

    assert (
        _TRAILING_SPACES.sub(r"\1", "\x1b[1m$1.00\x1b[0m   \x1b[0m\nnext  \n") == "\x1b[1m$1.00\x1b[0m\x1b[0m\nnext\n"
    )


def _column(out: str, index: int) -> list[str]:
    return [line.split("│")[index].strip() for line in out.splitlines() if "│" in line]


def test_a_money_column_has_one_number_of_decimals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tokens", "hello"]) == 0
    assert _column(capsys.readouterr().out, 3) == ["$0.00000015", "$0.00000050", "$0.00000500"]
    assert main(["tokens", "--sample", "seed-zh"]) == 0
    assert _column(capsys.readouterr().out, 3) == ["$0.000013", "$0.000064", "$0.000445"]


def test_a_cost_table_s_columns_have_one_number_of_decimals(capsys: pytest.CaptureFixture[str]) -> None:
    tiny = ["cost", "--input-tokens", "1", "--output-tokens", "1", "--requests-per-day", "1", "--days", "1"]
    assert main([*tiny, "--prices", "latest"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith(" GPT-4o")]
    assert rows == [
        ["GPT-4o", "mini", "$0.150/$0.600", "$0.00000075", "—"],
        ["GPT-4o", "$5.000/$15.000", "$0.00002000", "$0.00001925", "(96.3%)"],
    ]
    assert main(COST) == 0
    out = capsys.readouterr().out
    assert "$0.15/$0.60" in out and "$1,650.00" in out and "$1,591.50 (96.5%)" in out
