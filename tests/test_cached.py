"""The validated catalog kept in the cache folder: read back only for the very files
it was made from; any change validates again, and a broken file is refused as ever."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import cached
from gpt4o_tui.core.catalog import Catalog, DataError, load
from gpt4o_tui.text import i18n


def never_validated(data_dir: Path | None = None) -> Catalog:
    raise AssertionError("validated again")


def test_the_second_start_reads_the_catalog_it_validated(
    data_copy: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cached.catalog(data_copy)
    assert (own_cache / "gpt4o-tui" / cached.FILE_NAME).is_file()
    monkeypatch.setattr(cached, "load", never_validated)
    again = cached.catalog(data_copy)
    assert again == first == load(data_copy)


def test_a_start_from_the_cache_never_imports_pydantic(data_copy: Path, own_cache: Path) -> None:
    """The catalog read back is plain dataclasses: pydantic (about 70 ms and 9 MiB)
    is imported only to validate a file, here once the data has changed."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "import gpt4o_tui.tui.app\n"
        "from gpt4o_tui.core import cached\n"
        "catalog = cached.catalog(Path(sys.argv[1]))\n"
        "print(catalog.subject.id, 'pydantic' in sys.modules)\n"
    )

    def start() -> str:
        result = subprocess.run(
            [sys.executable, "-c", probe, str(data_copy)], capture_output=True, text=True, timeout=60, check=True
        )
        return result.stdout.strip()

    assert start() == "gpt-4o-mini True"  # the first start validates
    assert start() == "gpt-4o-mini False"
    specs = data_copy / "specs.toml"
    specs.write_text(specs.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert start() == "gpt-4o-mini True"
    assert start() == "gpt-4o-mini False"


def test_a_changed_file_is_validated_again(data_copy: Path) -> None:
    cached.catalog(data_copy)
    prices = data_copy / "prices.toml"
    prices.write_text(
        prices.read_text(encoding="utf-8").replace("as_of = ", "as_of = 2024-07-17\n#", 1), encoding="utf-8"
    )
    assert str(cached.catalog(data_copy).prices_as_of) == "2024-07-17"


def test_a_broken_file_is_refused_with_the_same_line_after_a_good_start(data_copy: Path) -> None:
    cached.catalog(data_copy)
    models = data_copy / "models.toml"
    models.write_text(models.read_text(encoding="utf-8") + "\nsurprise = 1\n", encoding="utf-8")
    with pytest.raises(DataError) as from_load:
        load(data_copy)
    with pytest.raises(DataError) as from_cache:
        cached.catalog(data_copy)
    assert str(from_cache.value) == str(from_load.value)
    assert "unknown field" in str(from_cache.value)


def test_a_missing_file_is_refused_as_load_refuses_it(data_copy: Path) -> None:
    cached.catalog(data_copy)
    (data_copy / "safety.toml").unlink()
    with pytest.raises(DataError, match=r"safety\.toml: file: missing"):
        cached.catalog(data_copy)


def test_another_data_directory_is_not_given_the_first_one_s_catalog(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached.catalog(data_copy)
    other = tmp_path / "other"
    data_copy.rename(other)
    assert cached.catalog(other).data_dir == other


@pytest.mark.parametrize("stored", [b"", b"not a pickle", b"\x80\x05N.", b"\x80\x05K\x01K\x02\x86\x94."])
def test_a_corrupt_cache_is_ignored_and_made_again(
    data_copy: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch, stored: bytes
) -> None:
    file = own_cache / "gpt4o-tui" / cached.FILE_NAME
    file.parent.mkdir()
    file.write_bytes(stored)
    assert cached.catalog(data_copy) == load(data_copy)
    monkeypatch.setattr(cached, "load", never_validated)
    assert cached.catalog(data_copy) == load(data_copy)  # written afresh, and read back


def test_a_cache_folder_that_cannot_be_written_only_means_validating_each_time(
    data_copy: Path, own_cache: Path
) -> None:
    (own_cache / "gpt4o-tui").write_text("a file where the folder would be", encoding="utf-8")
    assert cached.catalog(data_copy) == load(data_copy)
    assert cached.catalog(data_copy) == load(data_copy)


def test_the_cache_folder_follows_xdg_and_falls_back_to_home() -> None:
    assert cached.folder({"XDG_CACHE_HOME": "/somewhere"}) == Path("/somewhere/gpt4o-tui")
    for unusable in ({}, {"XDG_CACHE_HOME": ""}, {"XDG_CACHE_HOME": "relative"}):
        assert cached.folder(unusable) == Path.home() / ".cache" / "gpt4o-tui"


def test_check_validates_whatever_the_cache_holds(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached.catalog(data_copy)
    monkeypatch.setattr(cached, "catalog", lambda *args: pytest.fail("check read the cache"))
    assert main(["check", "--data", str(data_copy)]) == 0


def test_the_messages_are_parsed_once_then_read_back(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing messages.toml was about 8 ms of every start; the second start reads
    back what the first parsed, the same messages."""
    parse = i18n.catalog.__wrapped__  # the process keeps its own: each call here is a start
    first = parse()
    assert (own_cache / "gpt4o-tui" / i18n.MESSAGES_FILE).is_file()
    monkeypatch.setattr(i18n, "_parse", lambda raw: pytest.fail("parsed again"))
    assert parse() == first == i18n.catalog()
    assert first["tab.pricing"] == {"en": "Pricing", "zh": "价格"}


def test_messages_kept_from_another_file_are_not_given_back(own_cache: Path) -> None:
    parse = i18n.catalog.__wrapped__
    messages = parse()
    file = own_cache / "gpt4o-tui" / i18n.MESSAGES_FILE
    file.write_bytes(pickle.dumps(("another file's digest", {"tab.pricing": {"en": "stale", "zh": "stale"}})))
    assert parse() == messages
    assert pickle.loads(file.read_bytes())[1] == messages  # and kept afresh


@pytest.mark.parametrize("kind", [Catalog, list])
def test_something_kept_is_given_back_only_as_what_it_was_made_as(own_cache: Path, kind: type) -> None:
    made = cached.kept("thing.pickle", "key", lambda: {"a": 1}, dict)
    again = cached.kept("thing.pickle", "key", lambda: pytest.fail("made again"), dict)
    assert again == made == {"a": 1}
    assert isinstance(cached.kept("thing.pickle", "key", lambda: kind.__new__(kind), kind), kind)


def test_nothing_is_kept_when_making_it_fails(own_cache: Path) -> None:
    def broken() -> dict[str, int]:
        raise DataError("prices.toml", "models[0]", "broken")

    with pytest.raises(DataError):
        cached.kept("thing.pickle", "key", broken, dict)
    assert not (own_cache / "gpt4o-tui" / "thing.pickle").exists()


def test_no_home_folder_means_nothing_kept_and_nothing_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """With HOME unset and no entry in the password file there is no cache folder:
    the messages are parsed and the data validated at each start, as if none was kept."""

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert i18n.catalog.__wrapped__()["tab.pricing"]["en"] == "Pricing"
    assert cached.catalog() == load()
    assert main(["check"]) == 0
