"""Themes, presentation mode, the screenshot key, opening on a pane, and `serve`'s
loopback rule: the parts of gpt4o-tui made for projectors, remote shells and browsers."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Static, TabbedContent

from gpt4o_tui.__main__ import main
from gpt4o_tui.core.catalog import Catalog, load
from gpt4o_tui.text import deck
from gpt4o_tui.text.i18n import language
from gpt4o_tui.tui import themes
from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.presentation import DeckScreen
from gpt4o_tui.tui.widgets.figure import Figure, big_lines
from gpt4o_tui.web import OfflineServer, command, is_loopback
from tests.conftest import SteadyApp
from tests.test_app import drive, totals
from tests.test_e2e import free_port

# -- the deck's content (no Textual) -------------------------------------------


def test_slides_carry_the_headline_figures(catalog: Catalog) -> None:
    price, context, mmlu, small, workload, images, since, now = deck.slides(catalog, today_read=True)
    assert (price.figure, price.unit) == ("$0.15", "per million input tokens")
    assert images.figure == "36,835" and "1,105 tokens" in images.lines[0]  # the receipt scan, 1024×2048
    assert context.figure == "128,000" and "16,384" in context.lines[0]
    assert mmlu.figure == "+4.1" and "Gemini 1.5 Flash" in mmlu.unit
    assert ("GPT-4o (frontier, for scale)†", "88.7 ") in mmlu.compared
    assert ("GPT-3.5 Turbo", "69.8°") in mmlu.compared and ("Claude 3 Haiku", "73.8‡") in mmlu.compared
    assert "† GPT-4o: as charted at launch" in mmlu.notes
    assert small.figure == "7" and "MathVista" in small.lines[0] and "58.4" in small.lines[0]
    assert workload.figure == "$58.50" and "$106.50 (64.5%)" in workload.lines[2]
    assert ("GPT-3.5 Turbo³", "$165.00") in workload.compared
    assert since.figure == "2024-08-08" and ("Gemini 1.5 Flash¹", "$29.25") in since.compared
    assert now.figure == "$58.50" and "$58.50" in now.lines[1]  # GPT-4o mini's list price has not changed
    assert ("Gemini 1.5 Flash", "$115.50 at launch → $29.25 today") in now.compared
    assert "genai-prices" in now.sources


def test_every_figure_can_be_drawn_in_large_digits(catalog: Catalog) -> None:
    for slide in deck.slides(catalog, today_read=True):
        assert set(slide.figure) <= deck.FIGURE_CHARACTERS, slide.figure
        assert slide.sources, f"{slide.title} cites nothing"


def test_slides_follow_the_data(data_copy: Path) -> None:
    prices = data_copy / "prices.toml"
    prices.write_text(prices.read_text().replace("input = 0.15", "input = 0.12", 1))
    edited = load(data_copy)
    assert deck.slides(edited)[0].figure == "$0.12"


# -- the deck on screen ------------------------------------------------------


def slide_title(app: SteadyApp) -> str:
    return str(app.screen.query_one("#slide-title", Static).render())


def test_present_opens_the_deck_and_the_keys_move_through_it(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, DeckScreen)
        assert screen.query_one("#slide-figure", Figure).figure == "$0.15"
        for key, index in [("space", 1), ("right", 2), ("pagedown", 3), ("left", 2), ("pageup", 1), ("home", 0)]:
            await pilot.press(key)
            assert screen.index == index, key
        await pilot.press("left")
        assert screen.index == 0, "no wrapping backwards past the first slide"
        for _ in range(10):
            await pilot.press("space")
        assert screen.index == len(screen.slides) - 1, "a presenter's deck stops at the end"
        assert "the end" in str(screen.query_one("#slide-counter", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, DeckScreen)
        assert app.query_one(TabbedContent).active == "specs"

    drive(SteadyApp(catalog, present=True), scenario, size=(80, 24))


def test_f5_starts_the_deck_and_leaving_keeps_the_calculator(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "right")
        before = totals(app)
        await pilot.press("f5")
        assert isinstance(app.screen, DeckScreen)
        await pilot.press("escape")
        assert totals(app) == before and app.query_one(PricingPane).workload.input_tokens == 600

    drive(SteadyApp(catalog), scenario)


def test_interval_advances_and_loops(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, DeckScreen)
        screen.index = len(screen.slides) - 1
        screen._advance()  # what the timer calls
        assert screen.index == 0, "an unattended deck starts over"
        await asyncio.sleep(1.3)
        await pilot.pause()
        assert screen.index >= 1

    drive(SteadyApp(catalog, present=True, interval=1), scenario)


def test_deck_too_small(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        message = app.screen.query_one("#too-small", Static)
        assert message.display and "this one is 60×20" in str(message.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not message.display and app.screen.query_one("#slide").display

    drive(SteadyApp(catalog, present=True), scenario, size=(60, 20))


# -- themes and panes by name ------------------------------------------------------


def test_t_cycles_every_theme_and_back(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        seen = [app.theme]
        for _ in themes.NAMES:
            await pilot.press("t")
            seen.append(app.theme)
        assert seen == [*themes.NAMES, themes.NAMES[0]]
        await pilot.press("2", "t")
        assert app.theme == themes.NAMES[1], "t is the theme key on the Benchmarks pane too"

    drive(SteadyApp(catalog), scenario)


@pytest.mark.parametrize("name", themes.NAMES)
def test_theme_by_name(catalog: Catalog, name: str) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        assert app.theme == name

    drive(SteadyApp(catalog, theme=name), scenario)


def test_tab_opens_a_pane_with_the_focus_in_it(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        assert app.query_one(TabbedContent).active == "pricing"
        assert app.focused is app.query_one("#input-tokens LogSlider")
        await pilot.press("right")
        assert app.query_one(PricingPane).workload.input_tokens == 600

    drive(SteadyApp(catalog, tab="pricing"), scenario)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--theme", "neon"], "invalid choice: 'neon'"),
        (["--tab", "costs"], "invalid choice: 'costs'"),
        (["--present", "--interval", "0"], "give between 1 and 3600 seconds"),
        (["--present", "--interval", "soon"], "is not a number of seconds"),
        (["serve", "--port", "70000"], "is not a port number"),
    ],
)
def test_bad_options_get_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


# -- the screenshot key --------------------------------------------------------


def test_screenshot_key_saves_an_svg_and_never_replaces_one(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "ctrl+s", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        saved = sorted(tmp_path.glob("gpt4o-tui-pricing-*.svg"))
        assert len(saved) == 2, "a second shot in the same second gets its own name"
        assert all("$58.50" in p.read_text() for p in saved)
        await pilot.press("f5", "space", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert len(list(tmp_path.glob("gpt4o-tui-slide-2-*.svg"))) == 1
        counter = str(app.screen.query_one("#slide-counter", Static).render())
        assert str(tmp_path) in counter, "the notice names the path, in the counter's line"
        assert not app._notifications, "no notice over the slide"

    drive(SteadyApp(catalog), scenario)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_screenshot_into_a_read_only_folder_says_so(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path.chmod(0o500)
    monkeypatch.chdir(tmp_path)

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert any("Could not save" in n.message for n in app._notifications)
        assert app.is_running

    try:
        drive(SteadyApp(catalog), scenario)
    finally:
        tmp_path.chmod(0o700)


def test_screenshot_when_the_disk_is_full(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_disk: None
) -> None:
    monkeypatch.chdir(tmp_path)

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert any("No space left on device" in n.message for n in app._notifications)
        await pilot.press("4", "right")
        assert app.query_one(PricingPane).workload.input_tokens == 600, "the app goes on"

    drive(SteadyApp(catalog), scenario)
    assert list(tmp_path.iterdir()) == [], "no half-written file is left behind"


# -- serve -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.4", False),
        ("example.org", False),
        ("::", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_served_page_loads_nothing_from_the_internet() -> None:
    page = OfflineServer("true", port=8123).page("app_index.html")
    assert "googleapis" not in page and "@font-face" in page
    loads = [part.split('"')[1] for part in page.split("src=")[1:] + page.split("href=")[1:]]
    assert loads and all(url.startswith("{{ config.static.url }}") for url in loads), loads


def test_each_browser_tab_runs_this_python_with_the_chosen_data_and_theme(tmp_path: Path) -> None:
    assert command(None, "light") == f"{sys.executable} -m gpt4o_tui --no-config --theme light --lang en"
    assert command(None, "dark", language("zh")).endswith("--lang zh")
    assert command(tmp_path / "my data", "dark").endswith(f"--data '{tmp_path / 'my data'}'")


def test_serve_warns_before_listening_beyond_loopback() -> None:
    app = Path(sys.executable).with_name("gpt4o-tui")
    port = free_port()
    with subprocess.Popen(
        [str(app), "serve", "--host", "0.0.0.0", "--port", str(port)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    ) as server:
        try:
            first = server.stderr.readline() if server.stderr else ""
        finally:
            server.terminate()
    assert first.startswith(f"gpt4o-tui serve: warning: listening on 0.0.0.0:{port}, which other machines may reach")


# -- the deck follows the calculator, scales its figures, and keeps notices off the slide --


def test_the_deck_presents_the_calculator_s_scenario_then_and_now(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "right", "b")  # 600 tokens in, Batch API
        pane = app.query_one(PricingPane)
        pane.others = ("openai:gpt-5-mini",)
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, DeckScreen)
        workload = screen.slides[4]
        assert workload.lines[0].startswith("10,000 requests a day for 30 days, each 600 tokens in")
        assert "Batch API" in workload.lines[1]
        assert workload.figure == "$31.50"  # 600 x $0.075 + 200 x $0.30 per 1M, x 300,000
        while not screen.today_read:
            await pilot.pause(0.05)
        await pilot.press("end")
        assert screen.index == len(screen.slides) - 1
        now = screen.slides[-1]
        assert now.title.startswith("Then and now")
        assert any(name == "GPT-5 mini ⁺" and value.startswith("no launch price") for name, value in now.compared)
        assert "600 tokens in" in str(screen.query_one("#slide-lines", Static).render())

    drive(SteadyApp(catalog), scenario)


def test_p_pauses_and_resumes_the_interval(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, DeckScreen)
        await pilot.press("p")
        assert screen.paused and "paused" in str(screen.query_one("#slide-counter", Static).render())
        at = screen.index
        await asyncio.sleep(1.0)
        await pilot.pause()
        assert screen.index == at, "a paused deck stays where it is"
        await pilot.press("space")
        at = min(at + 1, len(screen.slides) - 1)
        assert screen.index == at and screen.paused, "a presenter's key moves on and leaves it paused"
        await pilot.press("p")
        assert not screen.paused
        for _ in range(100):  # resumed: it moves on by itself again
            await asyncio.sleep(0.05)
            if screen.index != at:
                break
        assert screen.index != at

    drive(SteadyApp(catalog, present=True, interval=0.3), scenario)


def test_a_notice_in_the_deck_goes_in_the_counter_line_not_over_the_slide(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("t")
        await pilot.pause()
        assert not app._notifications
        assert "Theme" in str(app.screen.query_one("#slide-counter", Static).render())

    drive(SteadyApp(catalog, present=True), scenario)


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 6), ((120, 40), 12), ((200, 60), 18)])
def test_the_figure_grows_with_the_screen(catalog: Catalog, size: tuple[int, int], rows: int) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.pause()
        figure = app.screen.query_one("#slide-figure", Figure)
        drawn = str(figure.render()).rstrip("\n").splitlines()
        assert len(drawn) >= rows, (size, len(drawn))
        assert max(len(line) for line in drawn) <= figure.content_size.width

    drive(SteadyApp(catalog, present=True), scenario, size=size)


@given(
    st.text(alphabet="0123456789$,.:-", min_size=1, max_size=12),
    st.integers(min_value=1, max_value=250),
    st.integers(min_value=1, max_value=80),
)
def test_a_big_figure_always_fits_its_room(figure: str, width: int, height: int) -> None:
    lines = big_lines(figure, width, height)
    if lines is not None:
        assert len(lines) <= height and all(len(line) <= width for line in lines)
        assert set("".join(lines)) <= set(" ▀▄█")
        bigger = big_lines(figure, width * 2, height * 2)
        assert bigger is not None and len(bigger) >= len(lines)


def test_leaving_the_deck_before_today_s_prices_are_read_is_quiet(catalog: Catalog) -> None:
    """The monkey's F5 then Esc: the read ends after the deck is gone, and nothing
    is shown on a screen that is no longer there."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, DeckScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert screen not in app.screen_stack
        screen._today_is_read(screen.build, screen.build(True))  # as the thread's last call does
        assert screen.today_read

    drive(SteadyApp(catalog), scenario)
