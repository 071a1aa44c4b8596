"""Image tokens by each vendor's published rule, and what they cost."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import costs, scale
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import IMAGES_BOUNDS, CountError
from gpt4o_tui.core.images import MAX_SIDE, ImageSize, image_tokens, parse_size

# OpenAI's published examples (facts.md, "Image inputs"): size, detail, GPT-4o, GPT-4o mini.
PUBLISHED = [
    ((1024, 1024), "high", 765, 25_501),
    ((2048, 4096), "high", 1_105, 36_835),
    ((1024, 1024), "low", 85, 2_833),
    ((4096, 8192), "low", 85, 2_833),
]


@pytest.mark.parametrize(("size", "detail", "gpt4o", "mini"), PUBLISHED)
def test_openai_published_examples_come_out_exactly(catalog: Catalog, size, detail, gpt4o, mini) -> None:
    image = ImageSize(*size)
    assert image_tokens(catalog.image_rule("gpt-4o"), image, detail) == gpt4o
    assert image_tokens(catalog.image_rule("gpt-4o-mini"), image, detail) == mini


def test_the_measured_small_image_matches_the_api(catalog: Catalog) -> None:
    """community.openai.com 1262691: 128×64 plus 12 text tokens measured 2,845 / 8,512 on
    mini and 97 / 267 on GPT-4o."""
    image, text = ImageSize(128, 64), 12
    mini, gpt4o = catalog.image_rule("gpt-4o-mini"), catalog.image_rule("gpt-4o")
    assert (image_tokens(mini, image, "low") + text, image_tokens(mini, image, "high") + text) == (2_845, 8_512)
    assert (image_tokens(gpt4o, image, "low") + text, image_tokens(gpt4o, image, "high") + text) == (97, 267)


def test_auto_is_priced_as_high(catalog: Catalog) -> None:
    rule = catalog.image_rule("gpt-4o-mini")
    assert image_tokens(rule, ImageSize(1024, 1024), "auto") == image_tokens(rule, ImageSize(1024, 1024), "high")


def test_claude_and_gemini_rules(catalog: Catalog) -> None:
    haiku, flash = catalog.image_rule("claude-3-haiku"), catalog.image_rule("gemini-1.5-flash")
    assert image_tokens(haiku, ImageSize(750, 1)) == 1
    assert image_tokens(haiku, ImageSize(1000, 1000)) == 1_334  # 1,000,000 / 750, rounded up
    assert image_tokens(haiku, ImageSize(8000, 100)) == 41  # long edge to 1,568: 1,568 × 19.6 / 750 = 40.98
    assert image_tokens(haiku, ImageSize(4032, 3024)) == 1_600  # the guide's ceiling
    assert {image_tokens(flash, ImageSize(w, h)) for w, h in ((1, 1), (4032, 3024), (100_000, 100_000))} == {258}


def test_models_without_a_rule_or_image_input_are_not_priced_for_images(catalog: Catalog) -> None:
    workload = Workload(images=2)
    turbo = costs.model_cost(catalog, catalog.model("gpt-3.5-turbo"), workload)
    assert turbo.image_tokens is None and turbo.problem is not None
    assert turbo.problem.key == "problem.no_image_input"
    assert catalog.image_rule("gpt-3.5-turbo") is None


sides = st.integers(1, MAX_SIDE)
details = st.sampled_from(["low", "high", "auto"])


@given(st.integers(1, 5_000), st.integers(1, 5_000), st.integers(1, 20))
def test_tokens_never_fall_as_an_image_grows(catalog: Catalog, width, height, times) -> None:
    """Monotone in size, the shape kept: a wider image alone can cost Claude less, since
    its rule scales a long edge past 1,568 px down, and that is the rule as published."""
    bigger = ImageSize(min(MAX_SIDE, width * times), min(MAX_SIDE, height * times))
    if (bigger.width, bigger.height) != (width * times, height * times):
        return
    for rule in catalog.image_rules:
        for detail in ("low", "high"):
            assert image_tokens(rule, ImageSize(width, height), detail) <= image_tokens(rule, bigger, detail)


@given(sides, sides)
def test_low_detail_never_costs_more_than_high(catalog: Catalog, width, height) -> None:
    for rule in catalog.image_rules:
        assert 0 < image_tokens(rule, ImageSize(width, height), "low") <= image_tokens(rule, ImageSize(width, height))


@given(sides, sides, details, st.integers(1, 100))
def test_image_cost_is_tokens_times_the_input_rate(catalog: Catalog, width, height, detail, images) -> None:
    workload = Workload(input_tokens=100, images=images, image_size=ImageSize(width, height), detail=detail)
    for model in catalog.compared:
        result = costs.model_cost(catalog, model, workload)
        rule = catalog.image_rule(model.id)
        if rule is None:
            assert result.image_tokens is None and result.problem is not None
            continue
        per_request = images * image_tokens(rule, workload.image_size, detail)
        assert result.image_tokens == per_request
        assert result.image_usd == result.rate.input * per_request * workload.requests / Decimal(1_000_000)
        assert result.total_usd == result.input_usd + result.image_usd + result.output_usd


def test_images_count_towards_the_context_window(catalog: Catalog) -> None:
    # A phone photo (4032×3024 → 1024×768, 4 tiles) is 25,501 tokens on GPT-4o mini;
    # six of them are 153,006, past its 128,000.
    workload = Workload(input_tokens=10, images=6, image_size=ImageSize(4032, 3024))
    result = costs.model_cost(catalog, catalog.subject, workload)
    assert result.image_tokens == 153_006
    assert result.problem is not None and result.problem.key == "problem.context"


def test_the_receipt_preset_carries_its_image(catalog: Catalog) -> None:
    preset = next(p for p in catalog.presets if p.id == "receipts")
    workload = costs.preset_workload(preset)
    assert workload.images == 1
    mini = costs.model_cost(catalog, catalog.subject, workload)
    gpt4o = costs.model_cost(catalog, catalog.model("gpt-4o"), workload)
    # The launch's surprise: the image costs about the same on both.
    assert abs(mini.image_usd - gpt4o.image_usd) / gpt4o.image_usd < Decimal("0.001")


@pytest.mark.parametrize(
    ("typed", "size"), [("1024x768", (1024, 768)), (" 4032 × 3024 ", (4032, 3024)), ("10X20", (10, 20))]
)
def test_sizes_as_people_type_them(typed: str, size: tuple[int, int]) -> None:
    assert parse_size(typed) == ImageSize(*size)


@pytest.mark.parametrize(
    "typed",
    ["", "1024", "1024x", "x768", "-5x10", "1.5x2", "0x10", "100001x1", "１０x１０", "10x10x10", "9" * 30 + "x1"],
)
def test_sizes_that_cannot_be_taken(typed: str) -> None:
    with pytest.raises(CountError):
        parse_size(typed)


def test_the_images_slider_reaches_zero() -> None:
    low, high = IMAGES_BOUNDS.low, IMAGES_BOUNDS.high
    assert scale.value_at(0.0, low, high) == 0
    assert scale.value_at(1.0, low, high) == high
    assert scale.step(0, low, high, 1) == 1
    assert scale.step(1, low, high, -1) == 0
    assert scale.fraction(0, low, high) == 0.0 < scale.fraction(1, low, high) < scale.fraction(2, low, high)
    for stop in scale.ladder(low, high):
        assert scale.value_at(scale.fraction(stop, low, high), low, high) == stop


# -- tokens --image: a file's size from its header ------------------------------------


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + header
        + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    )


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00;"


def test_tokens_of_an_image_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "receipt.png"
    image.write_bytes(png(1024, 1024))
    assert main(["tokens", "--image", str(image), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["image"] == {"file": str(image), "width": 1024, "height": 1024, "detail": "high"}
    by_model = {row["model"]: row for row in document["input_cost"]}
    assert (by_model["gpt-4o-mini"]["tokens"], by_model["gpt-4o"]["tokens"]) == (25_501, 765)
    assert by_model["gpt-4o-mini"]["usd"] == "0.00382515"  # 25,501 × $0.15 / 1M, exactly
    assert by_model["gpt-3.5-turbo"] == {"model": "gpt-3.5-turbo", "tokens": None, "usd": None}
    other = tmp_path / "wide.gif"
    other.write_bytes(gif(2048, 4096))
    assert main(["tokens", "--image", str(other), "--detail", "low"]) == 0
    table = capsys.readouterr().out
    assert "2,833" in table and "85" in table and "it takes no image input" in table


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"plain text, not an image", "not an image gpt4o-tui can read the size of"),
        (b"", "not an image gpt4o-tui can read the size of"),
        (png(200_000, 10), "200,000×10 px is past the 100,000 px a side gpt4o-tui prices"),
        (None, "not a file"),
    ],
)
def test_a_file_that_cannot_be_priced_gets_one_line(tmp_path: Path, content: bytes | None, said: str) -> None:
    path = tmp_path / "thing.png"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "gpt4o_tui", "tokens", "--image", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"gpt4o-tui tokens: cannot read {path}: {said}")
