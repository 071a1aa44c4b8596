"""No figure in the Pricing totals is ever cut: at every corner of the sliders, with
batch and images, at 80×24 and 120×40, in English and Chinese, each model's line on
the screen holds the whole total and the whole saving that `gpt4o-tui cost` gives."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import replace
from decimal import Decimal

import pytest

from gpt4o_tui.__main__ import main
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS
from gpt4o_tui.core.images import ImageSize
from gpt4o_tui.text import money
from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.widgets.cell_table import CellTable
from tests.conftest import SteadyApp
from tests.screens import screen_text

pytestmark = pytest.mark.slow

CORNERS = [
    (Workload(i, o, r), False)
    for i, o, r in itertools.product(
        (INPUT_BOUNDS.low, INPUT_BOUNDS.high),
        (OUTPUT_BOUNDS.low, OUTPUT_BOUNDS.high),
        (REQUESTS_BOUNDS.low, REQUESTS_BOUNDS.high),
    )
] + [
    (Workload(INPUT_BOUNDS.low, OUTPUT_BOUNDS.high, REQUESTS_BOUNDS.high), True),
    (Workload(100_000, 10_000, REQUESTS_BOUNDS.high, images=100, image_size=ImageSize(2048, 4096)), False),
    (Workload(100_000, 10_000, REQUESTS_BOUNDS.high, images=100, image_size=ImageSize(2048, 4096), detail="low"), True),
]


def cost_results(capsys: pytest.CaptureFixture[str], workload: Workload, batch: bool) -> list[dict[str, object]]:
    argv = [
        "cost",
        "--input-tokens",
        str(workload.input_tokens),
        "--output-tokens",
        str(workload.output_tokens),
        "--requests-per-day",
        str(workload.requests_per_day),
        "--images",
        str(workload.images),
        "--image-size",
        f"{workload.image_size.width}x{workload.image_size.height}",
        "--detail",
        workload.detail,
        "--format",
        "json",
    ]
    capsys.readouterr()
    assert main([*argv, "--batch"] if batch else argv) == 0
    return json.loads(capsys.readouterr().out)["results"]


def figure(amount: Decimal, lang: str, places: int) -> str:
    text = money.format_usd(amount, places)
    return text.replace("$", "") if lang == "zh" else text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_total_and_saving_is_whole_on_screen(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], lang: str, size: tuple[int, int]
) -> None:
    app = SteadyApp(catalog, tab="pricing", lang=lang)
    # Asked before the app runs: while it runs, Textual takes over standard output.
    answers = [cost_results(capsys, workload, batch) for workload, batch in CORNERS]

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            pane = app.query_one(PricingPane)
            table = app.query_one("#totals", CellTable)
            for (workload, batch), results in zip(CORNERS, answers, strict=True):
                pane.batch_api = batch
                pane.workload = replace(workload)
                await pilot.pause()
                table.scroll_visible(animate=False, top=True)
                await pilot.pause()
                needed = table.get_content_width(table.size, table.size)
                assert needed <= table.content_size.width, (workload, "a column is cut off")
                lines = screen_text(app).splitlines()
                subject = next(r for r in results if r["model"] == catalog.subject.id)
                # Each column has one number of decimals, what its most precise figure needs.
                totals = {r["model"]: Decimal(str(r["total_usd"])) for r in results if r["total_usd"] is not None}
                savings = {
                    model: abs(total - totals[subject["model"]])
                    for model, total in totals.items()
                    if model != subject["model"] and subject["model"] in totals
                }
                total_places = money.column_places(totals.values())
                saving_places = money.column_places(savings.values())
                for result in results:
                    row = re.compile(rf"(?:▶ |  ){re.escape(str(result['name']))}\s{{2,}}")
                    line = next((line for line in lines if row.search(line)), None)
                    assert line is not None, (workload, result["name"], "no line on screen")
                    if result["total_usd"] is None:
                        continue
                    assert figure(totals[result["model"]], lang, total_places) in line, (workload, batch, line)
                    if result["model"] in savings:
                        assert figure(savings[result["model"]], lang, saving_places) in line, (workload, batch, line)

    asyncio.run(run())
