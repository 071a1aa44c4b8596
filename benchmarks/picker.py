"""How fast the Compare picker narrows genai-prices' models to a few typed letters:
the search alone, and a keypress to the new rows on screen (pilot, 80×24)."""

from __future__ import annotations

import asyncio
import statistics
import time

from gpt4o_tui.core import today
from gpt4o_tui.core.catalog import load


def search_ms(query: str, repeat: int = 50) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        today.search(query)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def keypress_ms(letters: str) -> list[float]:
    from textual.widgets import DataTable

    from gpt4o_tui.tui.app import Gpt4oTui

    app = Gpt4oTui(load())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("o")
        await pilot.pause()
        opened = (time.perf_counter() - start) * 1000
        table = app.screen.query_one("#picker-results", DataTable)
        baseline = []
        for _ in range(5):  # a key that changes nothing: what any keypress costs here
            start = time.perf_counter()
            await pilot.press("end")
            await pilot.pause()
            baseline.append((time.perf_counter() - start) * 1000)
        times = [opened, statistics.median(baseline)]
        for letter in letters:
            start = time.perf_counter()
            await pilot.press(letter)
            await pilot.pause()
            assert table.row_count >= 1
            times.append((time.perf_counter() - start) * 1000)
        return times


if __name__ == "__main__":
    start = time.perf_counter()
    today.models()
    print(f"first load of genai-prices' models: {(time.perf_counter() - start) * 1000:.0f} ms")
    for query in ("h", "haiku", "claude haiku 4", "gpt 5 mini"):
        print(f"search {query!r}: {search_ms(query):.1f} ms (median of 50)")
    opened, baseline, *keys = asyncio.run(keypress_ms("haiku"))
    print(f"open the picker (models already loaded): {opened:.0f} ms")
    print(f"a key that changes nothing, for comparison: {baseline:.0f} ms (median of 5)")
    print("each letter of 'haiku' to its rows on screen: " + ", ".join(f"{t:.0f}" for t in keys) + " ms")
