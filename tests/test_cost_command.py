"""`gpt4o-tui cost`: the same figures as the Pricing pane, for scripts and shells."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from gpt4o_tui.__main__ import main
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.text.money import format_usd
from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.widgets.cell_table import CellTable
from tests.conftest import SteadyApp

WORKLOADS = [
    Workload(500, 200, 10_000),
    Workload(800, 2_000, 8_000),
    Workload(16_000, 1_000, 10_000),
    Workload(128_000, 16_384, 1_000_000),
]


def cost(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gpt4o_tui", "cost", *args], capture_output=True, text=True, timeout=60
    )


def cost_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["cost", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_known_answer(capsys: pytest.CaptureFixture[str]) -> None:
    document = cost_json(capsys, "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10000")
    assert document["workload"] == {
        "input_tokens": 500,
        "output_tokens": 200,
        "requests_per_day": 10000,
        "days": 30,
        "images": 0,
        "image_size": "1024x1024",
        "detail": "high",
        "cached_input_tokens": 0,
        "batch": False,
    }
    mini = document["results"][0]
    assert (
        mini["model"],
        mini["input_usd"],
        mini["image_tokens"],
        mini["image_usd"],
        mini["output_usd"],
        mini["total_usd"],
    ) == ("gpt-4o-mini", "22.50", 0, "0.00", "36.00", "58.50")
    assert [r["model"] for r in document["results"]] == [
        "gpt-4o-mini",
        "gemini-1.5-flash",
        "claude-3-haiku",
        "gpt-3.5-turbo",
        "gpt-4o",
    ]


@pytest.mark.parametrize("typed", [("1500", 1500), ("1,500", 1500), ("1.5k", 1500), ("2M", 2_000_000)])
def test_counts_as_people_type_them(capsys: pytest.CaptureFixture[str], typed: tuple[str, int]) -> None:
    text, value = typed
    document = cost_json(capsys, "--input-tokens", text, "--output-tokens", "1", "--requests-per-day", "1")
    assert document["workload"]["input_tokens"] == value


def test_batch_halves_where_offered_and_says_which(capsys: pytest.CaptureFixture[str]) -> None:
    document = cost_json(
        capsys,
        "--input-tokens",
        "500",
        "--output-tokens",
        "200",
        "--requests-per-day",
        "10k",
        "--batch",
        "--model",
        "gpt-4o-mini",
        "--model",
        "gemini-1.5-flash",
        "--model",
        "gpt-4o",
    )
    rates = {r["model"]: (r["rate"], r["total_usd"]) for r in document["results"]}
    assert rates == {
        "gpt-4o-mini": ("batch", "29.25"),
        "gemini-1.5-flash": ("standard", "115.50"),
        "gpt-4o": ("batch", "825.00"),
    }


def test_problems_and_long_context_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    document = cost_json(
        capsys, "--input-tokens", "200k", "--output-tokens", "1k", "--requests-per-day", "1", "--days", "1"
    )
    by_model = {r["model"]: r for r in document["results"]}
    assert by_model["gemini-1.5-flash"]["rate"] == "long context"
    assert by_model["gemini-1.5-flash"]["problem"] is None
    assert "context window" in by_model["gpt-4o-mini"]["problem"]


def test_csv_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["cost", "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10k", "--format", "csv"]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("model,name,rate,")
    assert lines[0].startswith(
        "model,name,rate,input_rate_usd_per_1m,output_rate_usd_per_1m,image_tokens,input_usd,"
        "image_usd,output_usd,total_usd,"
    )
    assert lines[1].startswith("gpt-4o-mini,GPT-4o mini,standard,0.15,0.60,0,22.50,0.00,36.00,58.50,")
    assert main(["cost", "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10k"]) == 0
    table = capsys.readouterr().out
    assert "$58.50" in table and "$1,591.50 (96.5%)" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input-tokens", "abc", "--output-tokens", "1", "--requests-per-day", "1"], "'abc' is not a count"),
        (["--input-tokens", "-5", "--output-tokens", "1", "--requests-per-day", "1"], "'-5' is not a count"),
        (
            ["--input-tokens", "5", "--output-tokens", "1", "--requests-per-day", "1", "--days", "0"],
            "--days: '0' must be at least 1",
        ),
        (["--input-tokens", "5", "--output-tokens", "1", "--requests-per-day", "0"], "must be at least 1"),
        (
            ["--input-tokens", "5", "--output-tokens", "1", "--requests-per-day", "1", "--model", "gpt-9x"],
            "genai-prices knows no model 'gpt-9x'",
        ),
        (["--input-tokens", "5"], "required: --output-tokens, --requests-per-day"),
        (
            ["--input-tokens", "5", "--output-tokens", "1", "--requests-per-day", "1", "--format", "xml"],
            "invalid choice: 'xml'",
        ),
    ],
)
def test_bad_values_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = cost(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_is_not_an_error() -> None:
    shell = (
        f"{sys.executable} -m gpt4o_tui cost --input-tokens 5 --output-tokens 1 --requests-per-day 1 "
        "--format csv | head -1"
    )
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("model,")
    assert result.stderr == ""


def test_command_and_pane_agree_to_the_cent(catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    async def pane_totals() -> list[dict[str, str]]:
        app = SteadyApp(catalog)
        shown = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4")
            pane = app.query_one(PricingPane)
            table = app.query_one("#totals", CellTable)
            for workload in WORKLOADS:
                pane.workload = workload
                await pilot.pause()
                shown.append({row: str(table.cell(row, "total")) for row in table.row_keys})
        return shown

    for workload, on_screen in zip(WORKLOADS, asyncio.run(pane_totals()), strict=True):
        document = cost_json(
            capsys,
            "--input-tokens",
            str(workload.input_tokens),
            "--output-tokens",
            str(workload.output_tokens),
            "--requests-per-day",
            str(workload.requests_per_day),
        )
        for result in document["results"]:
            expected = "can't run" if result["problem"] else format_usd(Decimal(result["total_usd"]))
            assert on_screen[result["model"]] == expected, (workload, result["model"])


def test_the_table_says_cant_run_rather_than_pricing_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "cost",
                "--input-tokens",
                "16k",
                "--output-tokens",
                "1k",
                "--requests-per-day",
                "1",
                "--model",
                "gpt-3.5-turbo",
                "--model",
                "gpt-4o-mini",
            ]
        )
        == 0
    )
    turbo = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("GPT-3.5 Turbo"))
    assert "can't run" in turbo and "n/a" in turbo


@pytest.mark.parametrize(
    "command",
    [
        "cost --input-tokens 500 --output-tokens 200 --requests-per-day 10",
        "cost --input-tokens 5 --output-tokens 2 --requests-per-day 1 --format csv",
        "tokens --sample seed-zh --format json",
        "check",
    ],
)
def test_output_to_a_full_device_is_said_in_one_line(command: str) -> None:
    """Found by hand: `> /dev/full` used to end in a traceback."""
    app = Path(sys.executable).with_name("gpt4o-tui")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(app), *command.split()], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert result.returncode == 1
    assert result.stderr == "gpt4o-tui: cannot write the output: No space left on device\n"


def test_output_to_a_file(tmp_path: Path) -> None:
    app = Path(sys.executable).with_name("gpt4o-tui")
    out = tmp_path / "costs.csv"
    with out.open("w") as file:
        result = subprocess.run(
            [
                str(app),
                "cost",
                "--input-tokens",
                "500",
                "--output-tokens",
                "200",
                "--requests-per-day",
                "10k",
                "--format",
                "csv",
            ],
            stdout=file,
            timeout=60,
        )
    assert result.returncode == 0
    assert "gpt-4o-mini" in out.read_text() and "58.50" in out.read_text()


def test_images_in_json_give_the_published_example(capsys: pytest.CaptureFixture[str]) -> None:
    """1024×1024 at high detail: 25,501 tokens on GPT-4o mini and 765 on GPT-4o, per image."""
    document = cost_json(
        capsys,
        "--input-tokens",
        "500",
        "--output-tokens",
        "200",
        "--requests-per-day",
        "10k",
        "--images",
        "2",
        "--image-size",
        "1024x1024",
        "--detail",
        "high",
    )
    by_model = {r["model"]: r for r in document["results"]}
    assert by_model["gpt-4o-mini"]["image_tokens"] == 2 * 25_501
    assert by_model["gpt-4o"]["image_tokens"] == 2 * 765
    assert by_model["gpt-4o-mini"]["image_usd"] == "2295.09"  # 51,002 × 300,000 × $0.15 / 1M
    assert by_model["gpt-3.5-turbo"]["total_usd"] is None
    assert by_model["gpt-3.5-turbo"]["problem"] == "it takes no image input"
    assert "openai-vision" in by_model["gpt-4o-mini"]["price_sources"]
    assert document["workload"]["images"] == 2 and document["workload"]["detail"] == "high"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--images", "101"), "argument --images: must be from 0 to 100"),
        (("--images", "1", "--image-size", "10"), "argument --image-size: '10' is not a size (e.g. 1024x768)"),
        (("--images", "1", "--image-size", "0x10"), "argument --image-size: each side must be from 1 to 100,000 px"),
        (("--images", "1", "--detail", "medium"), "argument --detail: invalid choice"),
    ],
)
def test_bad_image_options_get_one_line(args: tuple[str, ...], said: str) -> None:
    result = cost("--input-tokens", "1", "--output-tokens", "1", "--requests-per-day", "1", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and said in result.stderr, result.stderr


def test_help_says_every_default() -> None:
    helped = cost("--help").stdout
    said = " ".join(helped.split())
    for default in (
        "--days N days in the period (default 30)",
        "(default 0) --image-size",
        "(default 1024x1024)",
        "the most it can cost (default high)",
        "today's (default 0)",
        "priced today (default launch)",
        "half the list price (default off)",
        "default: all five",
        "(default table)",
    ):
        assert default in said, default
    chinese = " ".join(cost("--help", "--lang", "zh").stdout.split())
    for default in ("计费天数（默认 30）", "（默认 launch）", "（默认不启用）"):
        assert default in chinese, default


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((), "Prices: launch · Batch API: off · Cached input tokens: 0 per request · Days: 30"),
        (
            ("--batch", "--prices", "latest", "--cached-input-tokens", "100", "--days", "7"),
            "Prices: latest known · Batch API: on, where a model offers it · Cached input tokens: 100 per request"
            " · Days: 7",
        ),
        (
            ("--prices", "today", "--lang", "zh"),
            "价格：今日（genai-prices） · 批处理 API：关闭 · 缓存输入令牌：每次请求 0 个 · 天数：30",
        ),
    ],
)
def test_the_table_says_what_it_assumed_under_its_title(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    assert main(["cost", "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10k", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    # On two lines where it wraps: English at a space, Chinese between two characters.
    assert " ".join(lines[1].split()) == said or "".join("".join(lines[1:3]).split()) == "".join(said.split())


@pytest.mark.parametrize("columns", ["70", "80", "100", "120"])
def test_help_never_splits_a_name_at_its_hyphen(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for lang in ("en", "zh"):
        with pytest.raises(SystemExit):
            main(["cost", "--help", "--lang", lang])
        assert [line for line in capsys.readouterr().out.splitlines() if line.endswith("-")] == []
