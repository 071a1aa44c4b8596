"""quicktok-v1 (gpt4o-tui's tokenizer) against tiktoken, fed the same vocabularies offline.

tiktoken downloads its vocabulary files on first use; here it is given quicktok's own
(o200k_base and cl100k_base, read from quicktok's wheel), with the split patterns and
special tokens of tiktoken's own `tiktoken_ext.openai_public`, so nothing is fetched.
tiktoken is not one of gpt4o-tui's dependencies: install it beside, e.g.

    .venv/bin/python -m pip install --target /tmp/tiktoken-site tiktoken
    .venv/bin/python benchmarks/tokenizers.py --tiktoken /tmp/tiktoken-site

Each load is measured in a fresh process (wall time, and peak resident memory from
wait4, against a process that only starts Python); counting speed and equality in
this one: every sample in data/samples.toml and hypothesis-made texts must count the
same under both, id for id.
"""

from __future__ import annotations

import argparse
import os
import statistics
import struct
import subprocess
import sys
import time
from pathlib import Path

ENCODINGS = {"o200k_base": "o200k", "cl100k_base": "cl100k"}

QUICKTOK_LOAD = """
import quicktok
for name in ("o200k_base", "cl100k_base"):
    quicktok.get_encoding(name).encode("hello")
"""

TIKTOKEN_LOAD = """
import sys
sys.path.insert(0, {benchmarks!r})
from tokenizers import tiktoken_encodings
for enc in tiktoken_encodings().values():
    enc.encode_ordinary("hello")
"""


def quicktok_ranks(short: str) -> dict[bytes, int]:
    """A vocabulary as quicktok ships it: a u32 count, then each token as a u16
    length, its bytes and a u32 rank."""
    import quicktok

    raw = (Path(quicktok.__file__).parent / "data" / f"{short}.vocab").read_bytes()
    (count,) = struct.unpack_from("<I", raw, 0)
    ranks, at = {}, 4
    for _ in range(count):
        (length,) = struct.unpack_from("<H", raw, at)
        token = raw[at + 2 : at + 2 + length]
        (rank,) = struct.unpack_from("<I", raw, at + 2 + length)
        ranks[token] = rank
        at += 6 + length
    return ranks


def tiktoken_encodings() -> dict[str, object]:
    """tiktoken's o200k_base and cl100k_base, as tiktoken defines them, on quicktok's ranks."""
    import tiktoken
    from tiktoken_ext import openai_public

    made = {}
    for name, short in ENCODINGS.items():
        openai_public.load_tiktoken_bpe = lambda *args, short=short, **kwargs: quicktok_ranks(short)
        made[name] = tiktoken.Encoding(**getattr(openai_public, name)())
    return made


def in_fresh_process(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of a Python process running `code`."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"the probe failed ({status}): {code}")
    return elapsed, usage.ru_maxrss / 1024


def tree_size(*paths: Path) -> float:
    return sum(f.stat().st_size for p in paths for f in p.rglob("*") if f.is_file()) / 2**20


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiktoken", type=Path, required=True, metavar="DIR", help="where tiktoken is installed")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--examples", type=int, default=2000, help="hypothesis-made texts compared")
    args = parser.parse_args()
    sys.path.insert(0, str(args.tiktoken))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(args.tiktoken), *sys.path[1:]])}
    # Load: both encodings, in a fresh process, against Python alone; measured before
    # this process imports anything large, since a child's peak counts the parent it
    # was forked from until it runs Python anew.
    loads = {
        "python alone": "pass",
        "quicktok-v1": QUICKTOK_LOAD,
        "tiktoken": TIKTOKEN_LOAD.format(benchmarks=str(Path(__file__).parent)),
    }
    measured = {what: [in_fresh_process(code, env) for _ in range(args.runs)] for what, code in loads.items()}
    print(f"\nloading o200k_base and cl100k_base, fresh process, median of {args.runs}:")
    print("| tokenizer | wall time (ms) | peak memory (MiB) |\n|---|---|---|")
    for what, runs in measured.items():
        print(
            f"| {what} | {1000 * statistics.median(r[0] for r in runs):.0f} | {statistics.median(r[1] for r in runs):.1f} |"
        )

    import quicktok
    import tiktoken

    from gpt4o_tui.core.catalog import load

    print(f"\nquicktok-v1 {quicktok.__version__}, tiktoken {tiktoken.__version__}, Python {sys.version.split()[0]}")
    site = Path(quicktok.__file__).parent.parent
    sizes = {
        "quicktok-v1 + numpy": tree_size(site / "quicktok", site / "numpy", *site.glob("numpy.libs")),
        "tiktoken + regex": tree_size(
            args.tiktoken / "tiktoken", args.tiktoken / "tiktoken_ext", args.tiktoken / "regex"
        ),
        "tiktoken's other requirements (requests, urllib3, idna, charset_normalizer, certifi)": tree_size(
            *(args.tiktoken / name for name in ("requests", "urllib3", "idna", "charset_normalizer", "certifi"))
        ),
    }
    print("\ninstalled size:\n| what | MiB |\n|---|---|")
    for what, mib in sizes.items():
        print(f"| {what} | {mib:.1f} |")

    # Counting: the same ids for every sample and every hypothesis-made text.
    ours = {name: quicktok.get_encoding(name) for name in ENCODINGS}
    theirs = tiktoken_encodings()
    samples = [s.text for s in load().samples]
    for name in ENCODINGS:
        for text in samples:
            assert list(ours[name].encode(text)) == theirs[name].encode_ordinary(text), (name, text[:40])
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=400) | st.from_regex(r"[\w\s.,'’!?0-9\u4e00-\u9fff-]{0,200}", fullmatch=True))
    def same_ids(text: str) -> None:
        for name in ENCODINGS:
            assert list(ours[name].encode(text)) == theirs[name].encode_ordinary(text), (name, text)

    same_ids()
    print(f"\nsame ids: all {len(samples)} samples and {args.examples} hypothesis-made texts, both encodings")

    long_text = "\n\n".join(samples) * 20
    print(f"\ncounting, median of {args.runs} (ms):")
    print("| text | encoding | quicktok-v1 | tiktoken |\n|---|---|---|---|")
    for label, texts in (
        ("every sample, one by one", samples),
        (f"all samples ×20 ({len(long_text):,} chars)", [long_text]),
    ):
        for name in ENCODINGS:
            q = median_ms(lambda e=ours[name], texts=texts: [len(e.encode(t)) for t in texts], args.runs)
            t = median_ms(lambda e=theirs[name], texts=texts: [len(e.encode_ordinary(t)) for t in texts], args.runs)
            print(f"| {label} | {name} | {q:.2f} | {t:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
