"""The shipped data equals the reference figures, and broken data is named precisely."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gpt4o_tui.core.catalog import Catalog, DataError, load

# The launch chart as the reference notes give it (percent); None is n/a.
LAUNCH_CHART = {
    "mmlu": (82.0, 77.9, 73.8, 69.8, 88.7),
    "gpqa": (40.2, 38.6, 35.7, 30.8, 53.6),
    "drop": (79.7, 78.4, 78.4, 70.2, 83.4),
    "mgsm": (87.0, 75.5, 71.7, 56.3, 90.5),
    "math": (70.2, 40.9, 40.9, 43.1, 76.6),
    "humaneval": (87.2, 71.5, 75.9, 68.0, 90.2),
    "mmmu": (59.4, 56.1, 50.2, None, 69.1),
    "mathvista": (56.7, 58.4, 46.4, None, 63.8),
}
CHART_ORDER = ("gpt-4o-mini", "gemini-1.5-flash", "claude-3-haiku", "gpt-3.5-turbo", "gpt-4o")
CHART_ONLY = {
    ("claude-3-haiku", "gpqa"),
    ("claude-3-haiku", "drop"),
    ("claude-3-haiku", "math"),
    ("claude-3-haiku", "mathvista"),
    ("gemini-1.5-flash", "mathvista"),
    ("gpt-4o-mini", "mathvista"),  # 56.7: neither the seed nor simple-evals gives it
} | {("gpt-3.5-turbo", b) for b in ("mmlu", "gpqa", "drop", "mgsm", "math", "humaneval")}
LIMITS = {
    "gpt-4o-mini": (128_000, 16_384),
    "gpt-4o": (128_000, 4_096),
    "gpt-3.5-turbo": (16_385, 4_096),
    "claude-3-haiku": (200_000, 4_096),
    "gemini-1.5-flash": (1_048_576, 8_192),
}
PRICES = {  # input, output, batch input, batch output
    "gpt-4o-mini": ("0.15", "0.60", "0.075", "0.30"),
    "gpt-4o": ("5.00", "15.00", "2.50", "7.50"),
    "gpt-3.5-turbo": ("0.50", "1.50", "0.25", "0.75"),
    "claude-3-haiku": ("0.25", "1.25", None, None),
    "gemini-1.5-flash": ("0.35", "1.05", None, None),
    "text-davinci-003": ("20.00", "20.00", None, None),
}


def test_benchmarks_equal_the_launch_chart(catalog: Catalog) -> None:
    assert [b.id for b in catalog.benchmarks] == list(LAUNCH_CHART)
    assert tuple(m.id for m in catalog.compared) == CHART_ORDER
    for benchmark in catalog.benchmarks:
        shown = tuple(benchmark.score(m) for m in CHART_ORDER)
        expected = tuple(None if v is None else Decimal(str(v)) for v in LAUNCH_CHART[benchmark.id])
        assert shown == expected, benchmark.id


def test_chart_only_cells_are_the_reference_list(catalog: Catalog) -> None:
    marked = {(m, b.id) for b in catalog.benchmarks for m in b.chart_only}
    assert marked == CHART_ONLY


def test_limits_and_prices_equal_the_reference(catalog: Catalog) -> None:
    for model_id, (context, output) in LIMITS.items():
        model = catalog.model(model_id)
        assert (model.context_window, model.max_output) == (context, output)
    for model_id, expected in PRICES.items():
        price = catalog.price(model_id)
        shown = (price.input, price.output, price.batch_input, price.batch_output)
        assert shown == tuple(None if v is None else Decimal(v) for v in expected), model_id
    gemini = catalog.price("gemini-1.5-flash").long_context
    assert gemini is not None
    assert (gemini.above_tokens, gemini.input, gemini.output) == (128_000, Decimal("0.70"), Decimal("2.10"))


def test_the_subject_and_its_caveats(catalog: Catalog) -> None:
    assert catalog.subject.id == "gpt-4o-mini"
    assert [s.stage for s in catalog.safety] == [
        "Pre-training",
        "Post-training",
        "Evaluation",
        "Instruction hierarchy",
        "Monitoring",
    ]
    evaluation = catalog.safety[2]
    assert evaluation.caveat and "GPT-4o, not GPT-4o mini" in evaluation.caveat
    preference = next(f for f in catalog.facts if f.label == "Chat preference")
    assert preference.caveat and "unconfirmed" in preference.caveat
    assert [c.date.isoformat() for c in catalog.price_changes] == [
        "2024-07-23",
        "2024-08-06",
        "2024-08-08",
        "2024-10-01",
    ]


def test_best_ignores_unscored_models_and_keeps_ties(catalog: Catalog) -> None:
    mathvista = next(b for b in catalog.benchmarks if b.id == "mathvista")
    small = ["gpt-4o-mini", "gemini-1.5-flash", "claude-3-haiku", "gpt-3.5-turbo"]
    assert mathvista.best(small) == {"gemini-1.5-flash"}
    assert mathvista.best(["gpt-3.5-turbo"]) == frozenset()
    drop = next(b for b in catalog.benchmarks if b.id == "drop")
    assert drop.best(["gemini-1.5-flash", "claude-3-haiku"]) == {"gemini-1.5-flash", "claude-3-haiku"}


def _break(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "entry", "problem"),
    [
        (
            "benchmarks.toml",
            '"gpt-4o-mini" = 82.0',
            '"gpt-4o-mini" = 182.0',
            "[[benchmark]] #1 (mmlu)",
            "scores.gpt-4o-mini: must be at most 100 (got 182.0)",
        ),
        (
            "benchmarks.toml",
            '"gpt-4o-mini" = 82.0',
            '"gpt-4o-mini" = nan',
            "[[benchmark]] #1 (mmlu)",
            "scores.gpt-4o-mini: must be a finite number (got NaN)",
        ),
        (
            "prices.toml",
            "input = 0.15",
            "input = -0.15",
            "[[price]] #1 (gpt-4o-mini)",
            "input: must be at least 0 (got -0.15)",
        ),
        (
            "prices.toml",
            "input = 0.15",
            'input = "cheap"',
            "[[price]] #1 (gpt-4o-mini)",
            "input: must be a number (got 'cheap')",
        ),
        (
            "models.toml",
            "context_window = 128000\n",
            "",
            "[[model]] #1 (gpt-4o-mini)",
            "context_window and max_output are required",
        ),
        (
            "models.toml",
            'short = "4o mini"',
            'short = "4o mini"\nshrot = "typo"',
            "[[model]] #1 (gpt-4o-mini)",
            "shrot: unknown field (a typo?)",
        ),
        ("models.toml", 'id = "gpt-4o"\n', 'id = "gpt-4o-mini"\n', "[[model]] #5", "duplicate id 'gpt-4o-mini'"),
        (
            "benchmarks.toml",
            '"gemini-1.5-flash" = 77.9',
            '"claude-3-opus" = 77.9',
            "benchmark mmlu",
            "names model 'claude-3-opus', which models.toml does not define",
        ),
        (
            "benchmarks.toml",
            'sources = ["openai-launch", "seed", "simple-evals"]',
            'sources = ["nowhere"]',
            "benchmark mmlu",
            "cites source 'nowhere', which sources.toml does not define",
        ),
        ("safety.toml", 'stage = "Monitoring"', 'stage = "Monitoring', "TOML syntax", "line"),
        ("prices.toml", 'model = "text-davinci-003"', 'model = "gpt-5"', "price gpt-5", "names model 'gpt-5'"),
        (
            "presets.toml",
            "input_tokens = 100000",
            "input_tokens = 200000",
            "preset code-base-qa",
            "input_tokens 200,000 is outside the calculator's 10 to 128,000",
        ),
        (
            "claims.toml",
            'against = "gpt-3.5-turbo"',
            'against = "gpt-3"',
            "claim 'more than 60% cheaper than GPT-3.5 Turbo'",
            "names model 'gpt-3'",
        ),
        (
            "claims.toml",
            "threshold = 60\n",
            "",
            "[[claim]] #1 (more than 60% cheaper than GPT-3.5 Turbo)",
            "a checkable claim needs against, threshold and prices",
        ),
    ],
)
def test_broken_data_names_file_entry_and_problem(
    data_copy: Path, file: str, old: str, new: str, entry: str, problem: str
) -> None:
    _break(data_copy, file, old, new)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    error = caught.value
    assert error.file == str(data_copy / file)
    assert error.entry == entry
    assert problem in error.problem


def test_missing_unreadable_and_misshapen_files(data_copy: Path) -> None:
    (data_copy / "specs.toml").unlink()
    with pytest.raises(DataError, match=r"specs\.toml: file: missing"):
        load(data_copy)
    (data_copy / "specs.toml").mkdir()
    with pytest.raises(DataError, match="is a directory"):
        load(data_copy)
    (data_copy / "specs.toml").rmdir()
    (data_copy / "specs.toml").write_bytes(b'[[fact]]\nlabel = "\xff"\n')
    with pytest.raises(DataError, match="line 2: not valid UTF-8"):
        load(data_copy)
    with pytest.raises(DataError, match="data directory: not found"):
        load(data_copy / "nowhere")


def test_latest_known_prices_apply_the_dated_changes(catalog: Catalog) -> None:
    latest = catalog.latest()
    flash = latest.price("gemini-1.5-flash")
    assert (flash.input, flash.output) == (Decimal("0.075"), Decimal("0.30"))
    assert flash.long_context is not None and (flash.long_context.input, flash.long_context.output) == (
        Decimal("0.15"),
        Decimal("0.60"),
    )
    assert flash.sources == ("llm-prices", "google-pricing-2024")
    assert latest.price("gpt-4o-mini") == catalog.price("gpt-4o-mini"), "caching and fine-tuning are other products"
    assert catalog.price("gemini-1.5-flash").input == Decimal("0.35"), "the launch prices stay as they were"
    assert catalog.prices_as_of.isoformat() == "2024-07-18"


def test_a_change_must_come_after_the_list_prices(data_copy: Path) -> None:
    _break(data_copy, "prices.toml", "date = 2024-08-08", "date = 2024-07-01")
    with pytest.raises(DataError, match="a later change must be dated after the list prices"):
        load(data_copy)
