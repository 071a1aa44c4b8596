"""What `gpt4o-tui serve` sessions cost, and how fast they go: N browsers (websocket
clients on loopback, as textual-serve's page connects) open one after another, each
until its app has drawn; then every session's memory is read, all N leave at once,
and the clock runs until the last session's process has ended.

    .venv/bin/python benchmarks/serve_sessions.py              # 30 sessions
    .venv/bin/python benchmarks/serve_sessions.py --sessions 10

RSS counts pages a session shares with the others (the Python binary, shared
libraries), so the sum over-counts; PSS shares them out, so it sums to what the
sessions take together."""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

APP = Path(sys.executable).with_name("gpt4o-tui")
TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS, in MB."""
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup[1:]}
    return fields["Rss"] / 1024, fields["Pss"] / 1024


async def drawn(ws: aiohttp.ClientWebSocketResponse) -> None:
    while True:
        message = await ws.receive(timeout=TIMEOUT)
        if message.type == aiohttp.WSMsgType.BINARY and b"128,000" in message.data:
            return
        if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
            raise RuntimeError(f"the session ended before it drew: {message}")


async def read_on(ws: aiohttp.ClientWebSocketResponse) -> None:
    async for _message in ws:
        pass


async def measure(port: int, server: subprocess.Popen[bytes], count: int) -> dict[str, float]:
    async with aiohttp.ClientSession() as client:
        sockets, readers = [], []
        for _ in range(count):
            ws = await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=40")
            await drawn(ws)
            sockets.append(ws)
            readers.append(asyncio.create_task(read_on(ws)))  # a browser reads on, and answers pings
        await asyncio.sleep(2)  # let the last ones settle
        sessions = children(server.pid)
        assert len(sessions) == count, f"{len(sessions)} sessions, {count} expected"
        rss, pss = zip(*(memory_mb(pid) for pid in sessions), strict=True)
        server_rss, _ = memory_mb(server.pid)
        left = time.monotonic()
        await asyncio.gather(*(ws.close() for ws in sockets))
        await asyncio.gather(*readers)
    while any(Path(f"/proc/{pid}").exists() and pid in children(server.pid) for pid in sessions):
        if time.monotonic() - left > TIMEOUT:
            raise RuntimeError("sessions still running long after their browsers left")
        await asyncio.sleep(0.05)
    return {
        "sessions": count,
        "rss_median": statistics.median(rss),
        "rss_max": max(rss),
        "pss_median": statistics.median(pss),
        "pss_total": sum(pss),
        "rss_total": sum(rss),
        "server_rss": server_rss,
        "gone_after": time.monotonic() - left,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [str(APP), "serve", "--port", str(port), "--max-sessions", str(args.sessions)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        figures = asyncio.run(measure(port, server, args.sessions))
    finally:
        server.terminate()
        server.wait(timeout=TIMEOUT)
    print(f"{figures['sessions']} sessions on loopback")
    print(f"  RSS per session: median {figures['rss_median']:.1f} MB, largest {figures['rss_max']:.1f} MB")
    print(f"  PSS per session: median {figures['pss_median']:.1f} MB")
    print(f"  all sessions: {figures['pss_total']:.0f} MB (PSS), {figures['rss_total']:.0f} MB (sum of RSS)")
    print(f"  the server itself: {figures['server_rss']:.1f} MB RSS")
    print(f"  all gone {figures['gone_after']:.2f} s after the browsers left")


if __name__ == "__main__":
    main()
