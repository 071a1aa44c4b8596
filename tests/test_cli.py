"""The command line: --version, --help, check, screenshots, and data errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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
    """Panes are built, and their modules imported, when first shown."""
    probe = (
        "import asyncio, sys\n"
        "from gpt4o_tui.tui.app import Gpt4oTui\n"
        "from gpt4o_tui.core.catalog import load\n"
        "async def main():\n"
        "    app = Gpt4oTui(load())\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        print(sorted(m for m in sys.modules if m.startswith('gpt4o_tui.tui.panes.')), 'quicktok' in sys.modules)\n"
        "        await pilot.press('4')\n"
        "        print('gpt4o_tui.tui.panes.pricing' in sys.modules, len(app.query('#pricing-pane')))\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    at_start, after = result.stdout.strip().splitlines()[-2:]
    assert at_start == "['gpt4o_tui.tui.panes.base', 'gpt4o_tui.tui.panes.specs'] False"
    assert after == "True 1"


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
