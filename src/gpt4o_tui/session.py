"""The app's end of a `gpt4o-tui serve` session: Textual's web driver, made to end
when its server does and to keep up with what the browser sends.

`serve` starts each browser tab's app with this driver (textual-serve names the
driver in TEXTUAL_DRIVER). It differs from Textual's own in four ways:

- Every message reaches the app in the order it arrived. Textual's driver posts
  the starting size two hops through the event loop and a browser's resize one
  hop, so a resize that comes at once (Chromium sends one as the page settles) is
  overtaken by the stale starting size. If the browser then leaves before the first
  frame, the app stops with its screen told one size and the app holding another:
  the screen lays itself out for each in turn, posting itself a resize each time,
  so its queue never empties and it never yields. The process spun at full CPU,
  deaf to SIGTERM, for ever.
- Input is read only as fast as the app handles it: after every `BACKLOG` events
  read, reading waits until the app has caught up. Textual's driver turns all of
  stdin into events at once, so a megabyte of typing queued a million events
  (1.4 GB) that took minutes to work through.
- The app ends when the server goes (killed, even with SIGKILL, or crashed): at
  end of file on stdin, or, while it is still working through input the server
  sent, as soon as that input is all that is left before the end of file or the
  app's parent is no longer the server. No one is left to see the screen.
- A message it cannot read (bad JSON, a resize without a sane size, input the
  parser chokes on) is logged and skipped; Textual's driver let it end the input
  thread, leaving the app deaf."""

from __future__ import annotations

import contextlib
import json
import os
import select
import struct
import sys
import threading
from codecs import getincrementaldecoder

from textual import events, log, messages
from textual._xterm_parser import XTermParser
from textual.drivers._byte_stream import ByteStream
from textual.drivers.web_driver import WebDriver, _ExitInput
from textual.geometry import Size

DRIVER = "gpt4o_tui.session:SessionDriver"  # as TEXTUAL_DRIVER names it
BACKLOG = 64  # events read before waiting for the app to handle them
LARGEST = Size(1000, 500)  # cells; a browser window at the smallest font is well inside


def size_of(payload: dict[str, object]) -> Size | None:
    """The size a resize message asks for, or None if it does not name a sane one."""
    width, height = payload.get("width"), payload.get("height")
    if not all(type(n) is int for n in (width, height)):
        return None
    size = Size(width, height)  # type: ignore[arg-type]
    if not (1 <= size.width <= LARGEST.width and 1 <= size.height <= LARGEST.height):
        return None
    return size


class SessionDriver(WebDriver):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._unhandled = 0
        self._server = os.getppid()

    def process_message(self, message: messages.Message) -> None:
        if self.exit_event.is_set():  # the app has ended: the rest of the input is for no one
            raise _ExitInput()
        super().process_message(message)
        self._unhandled += 1
        if self._unhandled >= BACKLOG:
            self._unhandled = 0
            self._wait_for_app()

    def _wait_for_app(self) -> None:
        """Wait until the app has handled every event sent so far, or is ending."""
        handled = threading.Event()
        self.send_message(events.Callback(callback=handled.set))
        while not handled.wait(0.1):
            if self._server_gone():
                raise _ExitInput()
            if self.exit_event.is_set() or self._app._closing or self._app._closed:
                return
        if self._server_gone():
            raise _ExitInput()

    def _server_gone(self) -> bool:
        """The server has died (this process has a new parent), or closed stdin with
        nothing more to read before the end of file."""
        if os.getppid() != self._server:
            return True
        if sys.platform == "win32":
            return False
        import fcntl
        import termios

        stdin = sys.__stdin__.fileno()
        if not select.select([stdin], [], [], 0)[0]:
            return False
        waiting = fcntl.ioctl(stdin, termios.FIONREAD, b"\0\0\0\0")
        return struct.unpack("i", waiting)[0] == 0

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "resize":
            size = size_of(payload)
            if size is None:
                log.warning(f"Refused a resize to {payload!r}")
                return
            self._size = (size.width, size.height)
            self.send_message(events.Resize(size, size))
        elif packet_type == "focus":
            self.send_message(events.AppFocus())
        elif packet_type == "blur":
            self.send_message(events.AppBlur())
        elif packet_type == "quit":
            self.send_message(messages.ExitApp())
        else:
            super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        """Textual's loop, with each packet handled on its own, and the app told to
        end when stdin does."""
        parser = XTermParser(debug=self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode
        packets = ByteStream()
        try:
            for data in self._input_reader:
                for packet_type, payload in packets.feed(data) if data else ():
                    if self.exit_event.is_set():
                        return
                    try:
                        if packet_type == "D" and payload:  # empty, it would end the parser's input
                            for event in parser.feed(decode(payload)):
                                self.process_message(event)
                        elif packet_type == "M":
                            self.on_meta_packet(payload)
                    except _ExitInput:
                        raise
                    except Exception as error:  # one bad packet, not the end of the session
                        log.warning(f"Skipped input the app could not read: {error!r}")
                        parser = XTermParser(debug=self._debug)
                for event in parser.tick():
                    self.process_message(event)
        except _ExitInput:
            return
        finally:
            self._input_reader.close()
            if not self.exit_event.is_set():
                with contextlib.suppress(RuntimeError):  # the app's loop may have closed already
                    self.send_message(messages.ExitApp())

    def on_meta_packet(self, payload: bytes) -> None:
        meta = json.loads(payload)
        if not isinstance(meta, dict) or not isinstance(meta.get("type"), str):
            log.warning(f"Refused meta {meta!r}")
            return
        self.on_meta(meta["type"], meta)
