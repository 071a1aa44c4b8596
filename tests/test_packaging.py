"""An installed wheel carries the data and the stylesheet, and finds them outside the repo."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_data_and_finds_it_anywhere(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("gpt4o_tui-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for data_file in sorted(p.name for p in (ROOT / "data").glob("*.toml")):
        assert f"gpt4o_tui/data/{data_file}" in names
    assert "gpt4o_tui/tui/app.tcss" in names
    assert "gpt4o_tui/text/messages.toml" in names

    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "from gpt4o_tui.core.catalog import load; c = load(); print(c.data_dir); print(len(c.benchmarks)); "
        "from gpt4o_tui.text.i18n import language; print(language('zh')('tab.pricing'))"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(installed)!r}); "
            + "sys.path.extend(__import__('site').getsitepackages()); "
            + probe,
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data_dir, count, pricing = result.stdout.split()
    assert Path(data_dir) == installed / "gpt4o_tui" / "data"
    assert count == "8" and pricing == "价格"
