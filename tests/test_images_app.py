"""Images in the Pricing pane: the controls, the totals, and agreement with `cost`."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import costs
from gpt4o_tui.core.images import ImageSize
from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.panes.pricing.images import ImageControls
from tests.conftest import SteadyApp
from tests.test_app import drive, totals


def cost_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Decimal | None]:
    assert main(["cost", *args, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]
    return {row["model"]: None if row["total_usd"] is None else Decimal(row["total_usd"]) for row in rows}


def cell_usd(cell: str) -> Decimal | None:
    digits = cell.replace("$", "").replace(",", "").strip()
    return Decimal(digits) if digits[:1].isdigit() else None


@pytest.mark.parametrize(
    ("images", "size", "detail"),
    [(1, (1024, 1024), "high"), (3, (2048, 4096), "low"), (12, (4032, 3024), "auto"), (100, (512, 512), "high")],
)
def test_the_pane_and_cost_agree_to_the_cent_with_images(
    app: SteadyApp, capsys: pytest.CaptureFixture[str], images: int, size: tuple[int, int], detail: str
) -> None:
    expected = cost_json(
        capsys,
        "--input-tokens",
        "800",
        "--output-tokens",
        "300",
        "--requests-per-day",
        "25000",
        "--images",
        str(images),
        "--image-size",
        f"{size[0]}x{size[1]}",
        "--detail",
        detail,
    )

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        pane.workload = costs.Workload(800, 300, 25_000, images=images, image_size=ImageSize(*size), detail=detail)
        await pilot.pause()
        shown = {model: cell_usd(cell) for model, cell in totals(app).items()}
        for model, usd in expected.items():
            assert shown[model] == (None if usd is None else usd.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)), (
                model
            )

    drive(app, scenario)


def test_the_receipt_preset_shows_the_image_and_says_how_mini_compares(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        controls = app.query_one(ImageControls)
        assert not controls.display  # no images: no image controls
        preset = app.query_one("#preset", Select)
        preset.value = "receipts"
        await pilot.pause()
        assert controls.display
        assert app.query_one("#image-size", Select).value == "receipt-scan"
        line = str(app.query_one("#image-line", Static).render())
        assert "36,835" in line and "1,105" in line and "about the same" in line
        assert "$17,287.50" in totals(app)["gpt-4o"]

    drive(app, scenario)


def test_a_typed_size_is_taken_and_a_bad_one_refused_keeping_the_last(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        pane.workload = costs.Workload(images=1)
        await pilot.pause()
        field = app.query_one("#image-size-field", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"2048x4096", "enter")
        await pilot.pause()
        assert pane.workload.image_size == ImageSize(2048, 4096)
        assert "36,835" in str(app.query_one("#image-line", Static).render())
        field.focus()
        field.value = ""
        await pilot.press(*"big", "enter")
        await pilot.pause()
        assert pane.workload.image_size == ImageSize(2048, 4096)
        assert field.value == "2048x4096"
        error = str(app.query_one("#image-error", Static).render())
        assert "'big' is not a size" in error and "kept 2048x4096" in error

    drive(app, scenario)


def test_the_images_slider_types_and_steps_like_the_others(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        app.query_one("#images-slider").focus()
        await pilot.press("right")
        assert pane.workload.images == 1
        await pilot.press("left", "left")
        assert pane.workload.images == 0
        field = app.query_one("#images-field", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"20", "enter")
        await pilot.pause()
        assert pane.workload.images == 20
        detail = app.query_one("#detail", Select)
        detail.value = "low"
        await pilot.pause()
        assert pane.workload.detail == "low"

    drive(app, scenario)
