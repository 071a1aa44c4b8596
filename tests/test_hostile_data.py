"""Broken data directories, generated: whatever is wrong with the files, `gpt4o-tui`,
`gpt4o-tui check` and `gpt4o-tui cost` each exit 2 with one line naming the file and
the problem, and never a traceback.

Each example starts from a copy of the shipped data and breaks it one way. The
structural breaks edit the parsed TOML and write it back with a small writer here,
so any entry and any field can be reached."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import MISSING
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import catalog as catalog_module
from gpt4o_tui.core.catalog import default_data_dir

SHIPPED = default_data_dir()
DOCUMENTS = {
    name: tomllib.loads((SHIPPED / name).read_text(encoding="utf-8"), parse_float=Decimal)
    for name in catalog_module.FILES
}
COMMANDS = {
    "app": [],
    "check": ["check"],
    "cost": ["cost", "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10"],
}
# Each [[table]]'s entry model, for which fields are required.
ENTRY_MODELS = {
    "source": catalog_module.Source,
    "model": catalog_module.Model,
    "fact": catalog_module.Fact,
    "benchmark": catalog_module.Benchmark,
    "price": catalog_module.ModelPrice,
    "change": catalog_module.PriceChange,
    "claim": catalog_module.Claim,
    "preset": catalog_module.Preset,
    "sample": catalog_module.Sample,
    "measure": catalog_module.SafetyMeasure,
    "footnote": catalog_module.Footnote,
    "deprecation": catalog_module.Deprecation,
    "rule": catalog_module.ImageRule,
    "size": catalog_module.ImageSizePreset,
}
SETTINGS = settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


# -- a TOML writer for the shapes the data files use ----------------------------


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        if value.is_nan():
            return "nan"
        if value.is_infinite():
            return "-inf" if value < 0 else "inf"
        text = str(value)
        return text if any(c in text for c in ".eE") else text + ".0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k))} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def dump(document: dict[str, Any]) -> str:
    lines = [
        f"{json.dumps(k)} = {_value(v)}"
        for k, v in document.items()
        if not (isinstance(v, list) and v and all(isinstance(e, dict) for e in v))
    ]
    for key, value in document.items():
        if isinstance(value, list) and value and all(isinstance(e, dict) for e in value):
            for entry in value:
                lines.append(f"\n[[{key}]]")
                lines.extend(f"{json.dumps(k)} = {_value(v)}" for k, v in entry.items())
    return "\n".join(lines) + "\n"


def test_the_writer_round_trips_every_shipped_file() -> None:
    for name, document in DOCUMENTS.items():
        assert tomllib.loads(dump(document), parse_float=Decimal) == document, name


# -- ways to break a data directory -------------------------------------------------
# Each strategy gives (file name, what it did, a function that breaks a data dir).

Break = tuple[str, str, Callable[[Path], None]]


def _entries(file: str) -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (table, index, entry)
        for table, value in DOCUMENTS[file].items()
        if isinstance(value, list) and value and isinstance(value[0], dict)
        for index, entry in enumerate(value)
    ]


def _structural(file: str, edit: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        document = tomllib.loads(dump(DOCUMENTS[file]), parse_float=Decimal)  # a deep copy to edit
        edit(document)
        (data / file).write_text(dump(document), encoding="utf-8")

    return apply


ALL_ENTRIES = [(file, table, index) for file in DOCUMENTS for table, index, _ in _entries(file)]


@st.composite
def wrong_type(draw: st.DrawFn) -> Break:
    file, table, index = draw(st.sampled_from(ALL_ENTRIES))
    entry = DOCUMENTS[file][table][index]
    field = draw(st.sampled_from(sorted(entry)))
    current = entry[field]
    if isinstance(current, (bool, str)):
        wrong: Any = [1, 2]
    elif isinstance(current, (int, Decimal)):
        wrong = draw(st.sampled_from(["many", "", [3]]))
    elif isinstance(current, (list, dict)):
        wrong = draw(st.sampled_from([7, "x"])) if current else 7
    else:  # a date
        wrong = draw(st.sampled_from(["soon", 2024]))

    def edit(document: dict[str, Any]) -> None:
        document[table][index][field] = wrong

    return file, f"{table} #{index + 1} {field} = {wrong!r}", _structural(file, edit)


@st.composite
def missing_field(draw: st.DrawFn) -> Break:
    file, table, index = draw(st.sampled_from(ALL_ENTRIES))
    entry = DOCUMENTS[file][table][index]
    required = [
        f.name for f in dataclasses.fields(ENTRY_MODELS[table]) if f.default is MISSING and f.default_factory is MISSING
    ]
    field = draw(st.sampled_from(required))

    def edit(document: dict[str, Any]) -> None:
        del document[table][index][field]

    assert field in entry
    return file, f"{table} #{index + 1} without {field}", _structural(file, edit)


BAD_NUMBERS = st.one_of(
    st.decimals(max_value=Decimal("-0.0001"), allow_nan=False, allow_infinity=False, places=4),
    st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]),
)


@st.composite
def bad_price(draw: st.DrawFn) -> Break:
    index = draw(st.integers(0, len(DOCUMENTS["prices.toml"]["price"]) - 1))
    field = draw(st.sampled_from(["input", "output", "batch_input", "batch_output"]))
    value = draw(
        st.one_of(
            BAD_NUMBERS,
            st.decimals(min_value=Decimal("10000.01"), max_value=Decimal("1e30"), allow_nan=False, places=2),
        )
    )

    def edit(document: dict[str, Any]) -> None:
        document["price"][index][field] = value

    return "prices.toml", f"price #{index + 1} {field} = {value}", _structural("prices.toml", edit)


@st.composite
def bad_score(draw: st.DrawFn) -> Break:
    index = draw(st.integers(0, len(DOCUMENTS["benchmarks.toml"]["benchmark"]) - 1))
    model = draw(st.sampled_from(sorted(DOCUMENTS["benchmarks.toml"]["benchmark"][index]["scores"])))
    value = draw(
        st.one_of(
            BAD_NUMBERS, st.decimals(min_value=Decimal("100.1"), max_value=Decimal("1e9"), allow_nan=False, places=1)
        )
    )

    def edit(document: dict[str, Any]) -> None:
        document["benchmark"][index]["scores"][model] = value

    return "benchmarks.toml", f"benchmark #{index + 1} {model} = {value}", _structural("benchmarks.toml", edit)


UNKNOWN_IDS = st.from_regex(r"\A[a-z][a-z0-9\-]{2,20}\Z").filter(
    lambda i: i not in {m["id"] for m in DOCUMENTS["models.toml"]["model"]}
)


@st.composite
def unknown_model(draw: st.DrawFn) -> Break:
    """A model id no model has, wherever a model is named."""
    stranger = draw(UNKNOWN_IDS)
    where = draw(st.sampled_from(["score", "not_scored", "chart_only", "price", "change", "claim", "rule"]))
    file = {"claim": "claims.toml", "price": "prices.toml", "change": "prices.toml", "rule": "images.toml"}.get(
        where, "benchmarks.toml"
    )
    table = {"score": "benchmark", "not_scored": "benchmark", "chart_only": "benchmark"}.get(where, where)
    index = draw(st.integers(0, len(DOCUMENTS[file][table]) - 1))

    def edit(document: dict[str, Any]) -> None:
        entry = document[table][index]
        if where == "score":
            entry["scores"][stranger] = Decimal("50.0")
        elif where == "not_scored":
            entry.setdefault("not_scored", {})[stranger] = "not run"
        elif where == "chart_only":
            entry["chart_only"] = [*entry.get("chart_only", []), stranger]
        else:
            entry["model"] = stranger

    return file, f"{where} names {stranger}", _structural(file, edit)


@st.composite
def duplicate_id(draw: st.DrawFn) -> Break:
    file, table = draw(
        st.sampled_from(
            [
                ("models.toml", "model"),
                ("sources.toml", "source"),
                ("benchmarks.toml", "benchmark"),
                ("prices.toml", "price"),
                ("presets.toml", "preset"),
                ("samples.toml", "sample"),
                ("images.toml", "rule"),
                ("images.toml", "size"),
            ]
        )
    )
    index = draw(st.integers(0, len(DOCUMENTS[file][table]) - 1))

    def edit(document: dict[str, Any]) -> None:
        document[table].append(document[table][index])

    return file, f"{table} #{index + 1} twice", _structural(file, edit)


CITING = [(file, table, index) for file, table, index in ALL_ENTRIES if "sources" in DOCUMENTS[file][table][index]]


@st.composite
def undefined_source(draw: st.DrawFn) -> Break:
    file, table, index = draw(st.sampled_from(CITING))
    source = draw(UNKNOWN_IDS.filter(lambda i: i not in {s["id"] for s in DOCUMENTS["sources.toml"]["source"]}))

    def edit(document: dict[str, Any]) -> None:
        document[table][index]["sources"] = [*document[table][index]["sources"], source]

    return file, f"{table} #{index + 1} cites {source}", _structural(file, edit)


TEXT_FIELDS = [
    (file, table, index, field)
    for file, table, index in ALL_ENTRIES
    for field, value in DOCUMENTS[file][table][index].items()
    if isinstance(value, str)
]


@st.composite
def huge_string(draw: st.DrawFn) -> Break:
    file, table, index, field = draw(st.sampled_from(TEXT_FIELDS))
    size = draw(st.integers(20_001, 400_000))
    piece = draw(st.sampled_from(["x", "價", "🦜", "a\u0301"]))

    def edit(document: dict[str, Any]) -> None:
        document[table][index][field] = piece * (size // len(piece) + 1)

    return file, f"{table} #{index + 1} {field} of {size:,} characters", _structural(file, edit)


INSERT_POINTS = {
    name: [0, *[i for i, line in enumerate((SHIPPED / name).read_text().splitlines()) if line.startswith("[[")]]
    for name in DOCUMENTS
}


@st.composite
def syntax_error(draw: st.DrawFn) -> Break:
    file = draw(st.sampled_from(sorted(DOCUMENTS)))
    at = draw(st.sampled_from(INSERT_POINTS[file]))
    bad = draw(
        st.sampled_from(
            [
                "[[",
                "x = ",
                'key = "open',
                "= 1",
                "[model",
                "a = 1\na = 2",
                "key = [1, 2",
                "☃ = 3",
                "as_of = 2024-13-45",
                "k = 1_",
                "x = {",
                "[[]]",
            ]
        )
    )

    def apply(data: Path) -> None:
        lines = (data / file).read_text(encoding="utf-8").splitlines()
        (data / file).write_text("\n".join([*lines[:at], bad, *lines[at:]]) + "\n", encoding="utf-8")

    return file, f"line {at + 1}: {bad!r}", apply


@st.composite
def invalid_utf8(draw: st.DrawFn) -> Break:
    file = draw(st.sampled_from(sorted(DOCUMENTS)))
    size = (SHIPPED / file).stat().st_size
    at = draw(st.integers(0, size))
    bad = draw(st.sampled_from([b"\xff", b"\xfe\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]))

    def apply(data: Path) -> None:
        raw = (data / file).read_bytes()
        (data / file).write_bytes(raw[:at] + bad + raw[at:])

    return file, f"byte {at}: {bad!r}", apply


def _replace_file(file: str, how: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        path.unlink()
        if how == "directory":
            path.mkdir()
        elif how == "empty":
            path.write_bytes(b"")
        elif how == "fifo":
            os.mkfifo(path)
        elif how == "dangling link":
            path.symlink_to(data / "nowhere.toml")

    return apply


@st.composite
def wrong_kind_of_file(draw: st.DrawFn) -> Break:
    file = draw(st.sampled_from(sorted(DOCUMENTS)))
    how = draw(st.sampled_from(["missing", "directory", "empty", "fifo", "dangling link"]))
    return file, how, _replace_file(file, how)


BREAKS = st.one_of(
    wrong_type(),
    missing_field(),
    bad_price(),
    bad_score(),
    unknown_model(),
    duplicate_id(),
    undefined_source(),
    huge_string(),
    syntax_error(),
    invalid_utf8(),
    wrong_kind_of_file(),
)


@contextlib.contextmanager
def broken(damage: Callable[[Path], None]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(SHIPPED, data)
        damage(data)
        yield data


def run(command: str, data: Path) -> tuple[int, str, str]:
    """main() in this process; the app itself must never be reached."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch("gpt4o_tui.tui.app.Gpt4oTui.run", side_effect=AssertionError("the app started on broken data")),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main([*COMMANDS[command], "--data", str(data)])
    return code, out.getvalue(), err.getvalue()


def assert_one_clear_line(code: int, out: str, err: str, file: str, what: str) -> None:
    assert code == 2, f"{what}: exit {code}"
    assert out == "", what
    assert err.startswith("gpt4o-tui: data error: ") and err.endswith("\n") and err.count("\n") == 1, f"{what}: {err!r}"
    assert file in err, f"{what}: the message does not name {file}: {err!r}"
    assert "Traceback" not in err
    for jargon in ("Input should", "Value error", "Field required"):  # pydantic's words, not a person's
        assert jargon not in err, f"{what}: {err!r}"
    assert len(err) < 600, f"{what}: the message is {len(err)} characters long"


@SETTINGS
@given(BREAKS, st.sampled_from(sorted(COMMANDS)))
def test_every_break_gets_one_line_naming_the_file(breaking: Break, command: str) -> None:
    file, what, damage = breaking
    with broken(damage) as data:
        assert_one_clear_line(*run(command, data), file, what)


def test_an_unreadable_file_is_named(data_copy: Path) -> None:
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "prices.toml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    with mock.patch.object(Path, "read_bytes", refuse):
        for command in COMMANDS:
            code, out, err = run(command, data_copy)
            assert_one_clear_line(code, out, err, "prices.toml", "unreadable")
            assert "cannot be read (Permission denied)" in err


@pytest.mark.parametrize("how", ["missing", "a file"])
def test_a_data_directory_that_is_not_one(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    if how == "a file":
        data.write_text("")
    for command in COMMANDS:
        assert_one_clear_line(*run(command, data), str(data), how)


# -- the real program, once for each kind of break -----------------------------------

REAL_CASES = [
    ("app", syntax_error),
    ("check", invalid_utf8),
    ("cost", wrong_type),
    ("app", missing_field),
    ("check", bad_price),
    ("cost", bad_score),
    ("app", unknown_model),
    ("check", duplicate_id),
    ("cost", undefined_source),
    ("app", huge_string),
    ("check", wrong_kind_of_file),
]


@pytest.mark.parametrize("command, strategy", REAL_CASES, ids=[f"{c}-{s.__name__}" for c, s in REAL_CASES])
def test_the_installed_program_says_it_in_one_line(
    command: str, strategy: Callable[[], st.SearchStrategy[Break]]
) -> None:
    @settings(max_examples=2, deadline=None, derandomize=True, database=None)
    @given(strategy())
    def check(breaking: Break) -> None:
        file, what, damage = breaking
        with broken(damage) as data:
            result = subprocess.run(
                [str(Path(sys.executable).with_name("gpt4o-tui")), *COMMANDS[command], "--data", str(data)],
                capture_output=True,
                text=True,
                timeout=60,
                stdin=subprocess.DEVNULL,
            )
        assert_one_clear_line(result.returncode, result.stdout, result.stderr, file, what)

    check()


@pytest.mark.parametrize("nesting", ["[" * 500 + "]" * 500, "{a = " * 500 + "1" + "}" * 500], ids=["arrays", "tables"])
def test_data_nested_hundreds_deep_gets_one_line(data_copy: Path, nesting: str) -> None:
    with (data_copy / "specs.toml").open("a", encoding="utf-8") as file:
        file.write(f"\ndeep = {nesting}\n")
    for command in COMMANDS:
        code, out, err = run(command, data_copy)
        assert_one_clear_line(code, out, err, "specs.toml", "nested")
        assert "nested too deeply" in err


def test_an_oversized_data_file_is_refused_before_it_is_read(data_copy: Path) -> None:
    with (data_copy / "prices.toml").open("r+b") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: 200 MB that take no room
    real = Path.read_bytes

    def read(self: Path) -> bytes:
        assert self.name != "prices.toml", "the oversized file was read"
        return real(self)

    with mock.patch.object(Path, "read_bytes", read):
        code, out, err = run("check", data_copy)
    assert_one_clear_line(code, out, err, "prices.toml", "oversized")
    assert "209,715,200 bytes; a data file is at most 4,194,304" in err
