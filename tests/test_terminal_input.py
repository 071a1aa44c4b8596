"""What a terminal sends that Textual's own driver does not survive, guarded by
gpt4o-tui's driver (gpt4o_tui.tui.terminal): at the parser, and for real, on a
pseudo-terminal running the installed program."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
from textual import events

from gpt4o_tui.tui.terminal import PASTE_END, PASTE_MOST, PASTE_QUIET, PASTE_START, GuardedParser, PasteBound
from tests.terminals import Pty, own_folders

REAL_SIZE = (100, 30)


def parsed(data: str) -> list[object]:
    parser = GuardedParser(lambda: REAL_SIZE)
    return [*parser.feed(data), *parser.feed("x")]


@pytest.mark.parametrize("sequence", ["\x1b[99999999999~", "\x1b[1114112u", "\x1b[99999999999u", "\x1b[97;1;1114112u"])
def test_a_key_with_an_absurd_number_is_dropped(sequence: str) -> None:
    tokens = parsed(sequence)
    assert [t.key for t in tokens if isinstance(t, events.Key)] == ["x"], "the next key still arrives, alone"


@pytest.mark.parametrize("report", ["\x1b[48;1;1;1;1t", "\x1b[48;2000;5000;40000;100000t"])
def test_an_in_band_size_report_the_kernel_contradicts_is_not_believed(report: str) -> None:
    sizes = [t.size for t in parsed(report) if isinstance(t, events.Resize)]
    assert sizes == [REAL_SIZE]


def test_an_in_band_size_report_that_agrees_is_passed_on() -> None:
    resize = next(t for t in parsed("\x1b[48;30;100;600;1000t") if isinstance(t, events.Resize))
    assert resize.size == REAL_SIZE and resize.pixel_size == (1000, 600)


def test_a_paste_that_ends_is_left_alone() -> None:
    bound = PasteBound()
    text = f"a{PASTE_START}hello{PASTE_END}b"
    assert bound.feed(text, 0.0) == text
    assert bound.due(100.0) == ""


def test_a_paste_keeps_its_text_and_loses_its_control_characters() -> None:
    """Textual reads an escape inside a paste as the start of a key: `\x1b[31m`
    pasted pressed 3, and a pasted ctrl+q after an escape quit the app."""
    bound = PasteBound()
    pasted = bound.feed(f"{PASTE_START}red \x1b[31mtext\x1b\x11\x00 and\ttabs\r\nlines{PASTE_END}3", 0.0)
    assert pasted == f"{PASTE_START}red [31mtext and\ttabs\r\nlines{PASTE_END}3"


def test_a_paste_s_end_split_across_two_reads_still_ends_it() -> None:
    bound = PasteBound()
    assert bound.feed(f"{PASTE_START}abc{PASTE_END[:3]}", 0.0) == f"{PASTE_START}abc"
    assert bound.feed(f"{PASTE_END[3:]}\x1b", 0.0) == f"{PASTE_END}\x1b"  # an escape key after it stays
    assert not bound.open


def test_a_paste_left_open_is_ended_after_a_quiet_spell() -> None:
    bound = PasteBound()
    assert bound.feed(PASTE_START[:3], 0.0) == PASTE_START[:3]  # the mark split across two reads
    bound.feed(PASTE_START[3:] + "half a paste", 0.1)
    assert bound.due(0.1 + PASTE_QUIET / 2) == ""
    assert bound.due(0.1 + PASTE_QUIET) == PASTE_END
    assert bound.due(100.0) == ""


def test_a_paste_that_never_stops_coming_is_ended_at_its_cap() -> None:
    bound = PasteBound()
    bound.feed(PASTE_START, 0.0)
    chunk = "y" * 4096
    fed = "".join(bound.feed(chunk, n * 0.001) for n in range(PASTE_MOST // 4096 + 2))
    assert fed.count(PASTE_END) == 1 and fed.index(PASTE_END) <= PASTE_MOST + 4096
    assert not bound.open


@pytest.fixture
def terminal() -> Iterator[Pty]:
    program = Pty()
    program.wait_for("Specs")
    yield program
    program.close()


def answers_and_quits(terminal: Pty) -> None:
    """The app still takes keys after what it was sent: 4 shows Pricing, q quits, with status 0."""
    terminal.write(b"4")
    terminal.wait_for("Input tokens")
    terminal.write(b"q")
    assert terminal.finish() == 0, terminal.text()[-2000:]
    assert "Traceback" not in terminal.text() and "Error" not in terminal.text()


@pytest.mark.slow
@pytest.mark.parametrize(
    "sent",
    [
        b"\xff",
        b"\xe9",
        b"\xe9a",
        b"\xc0\xaf",
        b"\xed\xa0\x80",
        b"\xf8\x88\x80\x80\x80",
        b"\x1b[99999999999~",
        b"\x1b[1114112u",
        b"\x1b[<99999999999;99999999999;1M",
    ],
)
def test_bytes_textual_cannot_read_leave_the_app_answering(terminal: Pty, sent: bytes) -> None:
    terminal.write(sent)
    terminal.read(0.5)
    answers_and_quits(terminal)


@pytest.mark.slow
def test_a_pasted_escape_presses_no_key(terminal: Pty) -> None:
    terminal.write(PASTE_START.encode() + b"\x1b[31m4\x1b\x11" + PASTE_END.encode())
    terminal.read(1.0)
    assert terminal.process.poll() is None, "a pasted ctrl+q quit the app"
    assert "Input tokens" not in terminal.text(), "a pasted 4 showed Pricing"
    answers_and_quits(terminal)


@pytest.mark.slow
def test_a_paste_that_never_ends_leaves_the_app_answering(terminal: Pty) -> None:
    terminal.write(PASTE_START.encode() + b"some text and no end")
    terminal.read(PASTE_QUIET + 0.5)
    answers_and_quits(terminal)


@pytest.mark.slow
def test_a_false_in_band_size_report_is_not_believed(terminal: Pty) -> None:
    terminal.write(b"\x1b[48;1;1;1;1t")
    terminal.read(1.0)
    assert "needs a terminal of at least" not in terminal.text()
    answers_and_quits(terminal)


@pytest.mark.slow
def test_input_at_its_end_ends_the_app_with_one_line() -> None:
    import subprocess

    from tests.terminals import APP, TERMINAL_ENV

    done = subprocess.run(
        [str(APP)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=30,
        env={**TERMINAL_ENV, **own_folders()},
    )
    assert done.returncode == 1
    said = Pty.ESCAPES.sub("", done.stderr.decode()).strip()
    assert said == "gpt4o-tui: the terminal's input has ended; nothing more can be typed."


@pytest.mark.slow
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_that_ends_the_app_restores_the_terminal(terminal: Pty, number: int) -> None:
    terminal.read(0.5)
    terminal.process.send_signal(number)
    assert terminal.finish() == 128 + number
    drawn = bytes(terminal.output)
    tail = drawn[drawn.rindex(b"\x1b[?1049h") :]
    for undo in (b"\x1b[?1049l", b"\x1b[?1000l", b"\x1b[?1003l", b"\x1b[?2004l", b"\x1b[?25h"):
        assert undo in tail, f"{undo!r} was never sent: the terminal was left as the app had set it"
