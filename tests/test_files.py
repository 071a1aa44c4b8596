"""Saving whole or not at all, and never over a file unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpt4o_tui.core import files


def test_save_new_and_replace(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    files.save(target, "one", replace=False)
    assert target.read_text() == "one"
    files.save(target, "two", replace=True)
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_never_over_an_existing_file_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "a.svg"
    target.write_text("mine")
    with pytest.raises(FileExistsError):
        files.save(target, "theirs", replace=False)
    assert target.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["a.svg"]


@pytest.mark.parametrize("replace", [True, False])
def test_a_full_disk_changes_nothing(tmp_path: Path, full_disk: None, replace: bool) -> None:
    target = tmp_path / "a.md"
    if replace:
        target.write_text("mine")
    with pytest.raises(OSError, match="No space left on device"):
        files.save(target, "x" * 10_000, replace=replace)
    assert [p.name for p in tmp_path.iterdir()] == (["a.md"] if replace else [])
    if replace:
        assert target.read_text() == "mine"


def test_a_missing_folder_is_an_error_not_a_new_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        files.save(tmp_path / "no" / "a.md", "x", replace=True)
    assert list(tmp_path.iterdir()) == []
