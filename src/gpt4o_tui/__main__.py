"""gpt4o-tui's command line: the app, `check`, `cost`, `tokens`, `screenshots` and `serve`.

Textual is imported only by the commands that draw a screen, so `--version`,
`--help` and `check` stay quick."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from gpt4o_tui import __version__, themes
from gpt4o_tui.catalog import Catalog, DataError, load
from gpt4o_tui.panes import TABS

EXIT_DATA_ERROR = 2
EXIT_OUTPUT_ERROR = 1
SCREENSHOT_SIZE = (120, 40)


def main(argv: list[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()  # a failed write of buffered output is reported here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (`gpt4o-tui cost ... | head -1`): nothing is wrong.
        _drop_stdout()
        return 0
    except OSError as error:
        if error.filename is not None:  # a named file: not the output going wrong
            raise
        # The output itself failed (`> /dev/full`, a full disk): say it once, and do
        # not let the interpreter fail again flushing what is left at exit.
        _drop_stdout()
        print(f"gpt4o-tui: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return EXIT_OUTPUT_ERROR


def _drop_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        catalog = load(getattr(args, "data", None))
    except DataError as error:
        print(f"gpt4o-tui: data error: {error}", file=sys.stderr)
        return EXIT_DATA_ERROR
    if args.command == "check":
        return _check(catalog)
    if args.command == "cost":
        return _cost(catalog, args)
    if args.command == "tokens":
        return _tokens(catalog, args)
    if args.command == "screenshots":
        return _screenshots(catalog, args.directory, args.overwrite)
    if args.command == "serve":
        return _serve(args)
    from gpt4o_tui.app import Gpt4oTui

    present = args.present or args.interval is not None  # an interval only makes sense for the deck
    Gpt4oTui(catalog, theme=args.theme, tab=args.tab, present=present, interval=args.interval).run()
    return 0


class OneLineParser(argparse.ArgumentParser):
    """A mistake on the command line is said in one line, with exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_DATA_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _count(text: str) -> int:
    from gpt4o_tui.costs import parse_count

    try:
        return parse_count(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive_count(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text.strip()!r} must be at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 1 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"{text!r}: give between 1 and 3600 seconds")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    # --data is accepted before or after a command; SUPPRESS keeps a command's
    # parser from overwriting a --data given before it.
    data = OneLineParser(add_help=False)
    data.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="load the facts from DIR instead of the copy shipped with gpt4o-tui",
    )
    parser = OneLineParser(
        prog="gpt4o-tui",
        description="Explore GPT-4o mini's launch: specs, benchmarks, safety, and what a workload would cost.",
        epilog="Keys inside the app: 1-4 panes, ? help, ctrl+p commands, q quit.",
        parents=[data],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--theme", choices=themes.NAMES, default=themes.DEFAULT,
                        help="colours: dark, light and high-contrast (for projectors), terminal (its own palette)")
    parser.add_argument("--tab", choices=TABS, default=next(iter(TABS)), help="open this pane first")
    parser.add_argument("--present", action="store_true", help="start in presentation mode: one figure a slide")
    parser.add_argument("--interval", type=_seconds, metavar="SECONDS",
                        help="present, moving to the next slide every SECONDS, looping")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    commands.add_parser("check", parents=[data], help="validate the data and print a one-screen summary")
    cost = commands.add_parser(
        "cost",
        parents=[data],
        help="what a workload costs a month on each model",
        description="What a workload costs on GPT-4o mini and the models it was measured with, at "
        "launch list prices. Counts accept 1500, 1,500, 1.5k or 2M.",
    )
    cost.add_argument("--input-tokens", type=_count, required=True, metavar="N", help="input tokens per request")
    cost.add_argument("--output-tokens", type=_count, required=True, metavar="N", help="output tokens per request")
    cost.add_argument("--requests-per-day", type=_positive_count, required=True, metavar="N")
    cost.add_argument("--days", type=_positive_count, default=30, metavar="N", help="days in the period (default 30)")
    cost.add_argument("--batch", action="store_true", help="Batch API price where a model has one (half price)")
    cost.add_argument(
        "--model", action="append", metavar="ID", help="only this model (repeat for more); default: all five"
    )
    cost.add_argument("--format", choices=("table", "json", "csv"), default="table")
    tokens = commands.add_parser(
        "tokens",
        parents=[data],
        help="exact token counts (o200k_base, cl100k_base) and input cost of a text",
        description="Count a text's tokens under o200k_base (GPT-4o mini, GPT-4o) and cl100k_base "
        "(GPT-3.5 Turbo), offline, and price it as input on each.",
    )
    source = tokens.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", help="the text to count")
    source.add_argument("--file", type=Path, metavar="F", help="count the text in file F (UTF-8)")
    source.add_argument("--sample", metavar="ID", help="count one of the shipped sample texts")
    tokens.add_argument("--format", choices=("table", "json"), default="table")
    shots = commands.add_parser("screenshots", parents=[data], help="save an SVG of each pane and slide into DIR")
    shots.add_argument("directory", type=Path, metavar="DIR", nargs="?", default=Path("screenshots"))
    shots.add_argument("--overwrite", action="store_true", help="replace screenshots already in DIR")
    serve = commands.add_parser(
        "serve",
        parents=[data],
        help="serve the app to a web browser",
        description="Serve gpt4o-tui to a web browser, on this machine only unless --host names another "
        "address. Each browser tab runs its own copy of the app; nothing is loaded from the internet.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, loopback)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use, when it is not http://HOST:PORT (behind a proxy, say)")
    serve.add_argument("--theme", choices=themes.NAMES, default=themes.DEFAULT, help="the served app's theme")
    return parser


def _cost(catalog: Catalog, args: argparse.Namespace) -> int:
    from gpt4o_tui import report
    from gpt4o_tui.costs import Workload

    known = {m.id: m for m in catalog.models}
    unknown = [m for m in args.model or [] if m not in known]
    if unknown:
        print(f"gpt4o-tui cost: unknown model {unknown[0]!r} (known: {', '.join(known)})", file=sys.stderr)
        return EXIT_DATA_ERROR
    models = [known[m] for m in dict.fromkeys(args.model)] if args.model else list(catalog.compared)
    workload = Workload(args.input_tokens, args.output_tokens, args.requests_per_day, args.days)
    results = report.price(catalog, workload, models, args.batch)
    if args.format == "json":
        print(report.as_json(workload, args.batch, results))
    elif args.format == "csv":
        print(report.as_csv(results), end="")
    else:
        from rich.console import Console

        Console().print(report.as_table(catalog, workload, args.batch, results))
    return 0


def _tokens(catalog: Catalog, args: argparse.Namespace) -> int:
    import json

    from gpt4o_tui import tokens
    from gpt4o_tui.costs import format_usd, money_string

    if args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = "not valid UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror or str(error)
            print(f"gpt4o-tui tokens: cannot read {args.file}: {reason}", file=sys.stderr)
            return EXIT_DATA_ERROR
    elif args.sample is not None:
        samples = {s.id: s for s in catalog.samples}
        if args.sample not in samples:
            print(f"gpt4o-tui tokens: unknown sample {args.sample!r} (known: {', '.join(samples)})", file=sys.stderr)
            return EXIT_DATA_ERROR
        text = samples[args.sample].text
    else:
        text = args.text
    counts = tokens.count(text)
    costs = tokens.input_costs(catalog, counts)
    if args.format == "json":
        document = {**counts, "characters": len(text),
                    "input_cost": [{"model": c.model.id, "tokens": c.tokens, "usd": money_string(c.usd)} for c in costs]}
        print(json.dumps(document, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(text):,} characters", title_justify="left", show_edge=False)
    table.add_column("Model")
    table.add_column("Encoding")
    table.add_column("Tokens", justify="right")
    table.add_column("As input, once", justify="right")
    for cost in costs:
        table.add_row(cost.model.name, cost.model.tokenizer, f"{cost.tokens:,}", format_usd(cost.usd))
    Console().print(table)
    others = [m.name for m in catalog.compared if m.tokenizer is None]
    print(f"Not counted: {', '.join(others)} (their vendors' tokenizers are not shipped).")
    return 0


def _check(catalog: Catalog) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"gpt4o-tui data: {catalog.data_dir}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    roles = {role: [m.name for m in catalog.models if m.role == role] for role in ("subject", "peer", "historical")}
    cells = len(catalog.benchmarks) * len(catalog.compared)
    not_scored = sum(len(b.not_scored) for b in catalog.benchmarks)
    chart_only = sum(len(b.chart_only) for b in catalog.benchmarks)
    cited = {source for _, _, ids in catalog.citations() for source in ids}
    table.add_row("Models", f"{len(catalog.models)}: subject {', '.join(roles['subject'])}; "
                  f"peers {', '.join(roles['peer'])}; historical {', '.join(roles['historical']) or 'none'}")
    table.add_row("Spec facts", f"{len(catalog.facts)} ({sum(1 for f in catalog.facts if f.caveat)} with a caveat)")
    table.add_row("Benchmarks", f"{len(catalog.benchmarks)} × {len(catalog.compared)} models = {cells} cells: "
                  f"{cells - not_scored} scored, {not_scored} n/a, {chart_only} chart only")
    table.add_row("Prices", f"{len(catalog.prices)} models, {sum(1 for p in catalog.prices if p.batch_input is not None)} "
                  f"with a batch price, {len(catalog.price_changes)} dated changes")
    table.add_row("Safety", f"{len(catalog.safety)} measures, {len(catalog.safety_footnotes)} footnote(s)")
    table.add_row("Sources", f"{len(catalog.sources)} defined, {len(cited)} cited, every citation defined")
    Console().print(table)
    print("OK: the data is valid.")
    return 0


def _screenshots(catalog: Catalog, directory: Path, overwrite: bool) -> int:
    import asyncio
    import re

    from textual.pilot import Pilot

    from gpt4o_tui import files
    from gpt4o_tui.app import Gpt4oTui
    from gpt4o_tui.deck import slides
    from gpt4o_tui.presentation import DeckScreen

    names = [*TABS, *(f"slide-{n}" for n in range(1, len(slides(catalog)) + 1))]
    paths = {name: directory / f"{name}.svg" for name in names}
    existing = [p for p in paths.values() if p.exists()]
    if existing and not overwrite:
        print(f"gpt4o-tui screenshots: {existing[0]} exists ({len(existing)} of {len(paths)} files do); "
              "nothing was written. Add --overwrite to replace them, or name another folder.", file=sys.stderr)
        return EXIT_DATA_ERROR
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"gpt4o-tui screenshots: cannot create {directory}: {error.strerror or error}", file=sys.stderr)
        return EXIT_DATA_ERROR

    def save(name: str, svg: str) -> None:
        # The SVG's id prefix is a checksum that varies from run to run; naming it
        # after the screen keeps unchanged screens byte-identical.
        files.save(paths[name], re.sub(r"terminal-\d+", f"gpt4o-tui-{name}", svg), replace=True)
        print(paths[name])

    async def settled(app: Gpt4oTui, pilot: Pilot[None]) -> str:
        """The screen once it stops changing: on a busy machine the footer can still
        be catching up with the focus after the first pause."""
        shot = app.export_screenshot()
        for _ in range(20):
            await pilot.pause()
            again = app.export_screenshot()
            if again == shot:
                break
            shot = again
        return shot

    async def capture() -> None:
        app = Gpt4oTui(catalog)
        app.animation_level = "none"  # a tab underline caught mid-slide is not a screenshot
        async with app.run_test(size=SCREENSHOT_SIZE) as pilot:
            for tab in TABS:
                app.action_show_tab(tab)
                save(tab, await settled(app, pilot))
            app.action_present()
            await pilot.pause()
            deck = app.screen
            assert isinstance(deck, DeckScreen)
            for index in range(len(deck.slides)):
                deck.index = index
                save(f"slide-{index + 1}", await settled(app, pilot))

    try:
        asyncio.run(capture())
    except OSError as error:
        print(f"gpt4o-tui screenshots: cannot write in {directory}: {error.strerror or error}", file=sys.stderr)
        return EXIT_DATA_ERROR
    return 0


def _serve(args: argparse.Namespace) -> int:
    from gpt4o_tui import web

    return web.serve(args.host, args.port, args.public_url, getattr(args, "data", None), args.theme)


if __name__ == "__main__":
    sys.exit(main())
