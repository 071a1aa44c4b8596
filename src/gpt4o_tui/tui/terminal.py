"""What the terminal sends, checked before Textual acts on it.

Textual 8.2.8's Linux driver trusts its input: one invalid UTF-8 byte kills its
input thread (and the app with it), a key-like escape with a huge number raises in
its parser, a bracketed paste that never ends swallows every later key (ctrl+q
too) while an escape inside one is read as keys, an in-band resize report can claim any size at all, and standard input at
end of file is read again and again forever. gpt4o-tui runs with this driver
instead, which keeps Textual's own reading and parsing and guards each of those.
"""

from __future__ import annotations

import asyncio
import os
import re
import selectors
import signal
import time
from codecs import getincrementaldecoder
from collections.abc import Callable, Iterable
from typing import Any

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Size
from textual.keys import Keys
from textual.message import Message

from gpt4o_tui.tui.sgr import Restyler

PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
# A paste arrives in one go; one that is still open after this much quiet, or
# this many characters, was never going to end, and is ended here.
PASTE_QUIET = 1.0  # seconds
PASTE_MOST = 1_000_000  # characters
_PASTE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The signals that end a terminal session from outside: kill's default, and the
# terminal (or the SSH link) going away.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class GuardedParser(XTermParser):
    """Textual's parser, with an escape it cannot turn into a key ignored, and an
    in-band resize report believed only when it agrees with the kernel's size."""

    def __init__(self, real_size: Callable[[], tuple[int, int]], debug: bool = False) -> None:
        self._real_size = real_size
        super().__init__(debug)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        """`\\x1b[99999999999~` or `\\x1b[1114112u` named no key Textual can make
        (OverflowError, ValueError): the sequence is dropped, not typed."""
        try:
            return list(super()._sequence_to_key_events(sequence, alt))
        except (OverflowError, ValueError):
            return [events.Key(Keys.Ignore, sequence)]

    def feed(self, data: str) -> Iterable[Message]:
        for token in super().feed(data):
            yield self._checked(token)

    def tick(self) -> Iterable[Message]:
        for token in super().tick():
            yield self._checked(token)

    def _checked(self, token: Message) -> Message:
        """A resize report that the kernel's size contradicts (1×1, 5000×2000) is
        replaced by the kernel's size."""
        if not isinstance(token, events.Resize):
            return token
        real = Size(*self._real_size())
        if token.size == real:
            return token
        self.terminal_size, self.terminal_pixel_size = real, None
        return events.Resize(real, real)


class PasteBound:
    """What a bracketed paste may hold, and how long it may last. Inside a paste,
    Textual's parser still reads an escape as the start of a key: pasted text with
    ESC in it (colour codes, stray bytes) became key presses, ctrl+q among them.
    Here a paste keeps its text, tabs and line ends, and loses its other control
    characters. A paste whose end never comes is ended once the terminal has been
    quiet for PASTE_QUIET, or once it passes PASTE_MOST characters."""

    def __init__(self) -> None:
        self.open = False
        self.length = 0
        self.last = 0.0
        self._tail = ""  # the end of the text before, outside a paste: a start mark may be split
        self._held = ""  # inside a paste, what may be the start of its end mark

    def feed(self, text: str, now: float) -> str:
        self.last = now
        out = []
        while text:
            if not self.open:
                seen = self._tail + text
                start = seen.find(PASTE_START)
                if start == -1:
                    self._tail = seen[-(len(PASTE_START) - 1) :]
                    out.append(text)
                    break
                after = start + len(PASTE_START) - len(self._tail)  # just past the mark, in text
                out.append(text[:after])
                self.open, self.length, self._tail = True, 0, ""
                text = text[after:]
                continue
            data, self._held = self._held + text, ""
            end = data.find(PASTE_END)
            if end != -1:
                out.append(_PASTE_CONTROLS.sub("", data[:end]) + PASTE_END)
                self.open, self.length = False, 0
                text = data[end + len(PASTE_END) :]
                continue
            keep = next((n for n in range(len(PASTE_END) - 1, 0, -1) if data.endswith(PASTE_END[:n])), 0)
            body, self._held = data[: len(data) - keep], data[len(data) - keep :]
            out.append(_PASTE_CONTROLS.sub("", body))
            self.length += len(body)
            if self.length > PASTE_MOST:
                out.append(self.close())
            break
        return "".join(out)

    def due(self, now: float) -> str:
        """The end of a paste left open through a quiet spell, or nothing."""
        return self.close() if self.open and now - self.last >= PASTE_QUIET else ""

    def close(self) -> str:
        self.open, self.length, self._held = False, 0, ""
        return PASTE_END


class GuardedDriver(LinuxDriver):
    """Textual's Linux driver reading through GuardedParser, dropping invalid
    UTF-8, bounding pastes, ending the app when its input ends, and leaving the
    terminal as it found it when SIGTERM or SIGHUP ends the app. What it writes
    says each style as a change from the last (`sgr.Restyler`): the same screen
    in about half the bytes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._restyle = Restyler()

    def write(self, data: str) -> None:
        super().write(self._restyle(data))

    def start_application_mode(self) -> None:
        loop = asyncio.get_running_loop()

        def end(signum: int, _frame: Any) -> None:
            loop.call_soon_threadsafe(self._app.exit, None, 128 + signum)

        self._signals_before = {number: signal.signal(number, end) for number in ENDING_SIGNALS}
        super().start_application_mode()

    def stop_application_mode(self) -> None:
        super().stop_application_mode()
        for number, handler in getattr(self, "_signals_before", {}).items():
            signal.signal(number, handler)

    def run_input_thread(self) -> None:
        """Textual 8.2.8's loop, with the guards; what it reads goes to the same parser."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = GuardedParser(self._get_terminal_size, self._debug)
        decode = getincrementaldecoder("utf-8")(errors="ignore").decode
        paste = PasteBound()

        def handle(text: str) -> None:
            for event in parser.feed(text):
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                ready = selector.select(0.1)
                now = time.monotonic()
                if ready:
                    try:
                        data = os.read(self.fileno, 1024 * 4)
                    except OSError:  # the terminal went away (EIO once it hangs up)
                        data = b""
                    if not data:  # end of file: nothing more will ever be typed
                        self._app.call_later(self._app.input_ended)
                        return
                    if text := decode(data):
                        handle(paste.feed(text, now))
                elif ending := paste.due(now):
                    handle(ending)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
