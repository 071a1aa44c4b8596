"""The baseline: the smallest useful Textual app (a Header, one Static, a Footer).
Whatever it costs, Textual itself costs. `right` changes the Static, so a keypress
can be timed the same way as a slider step in gpt4o-tui."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class MinimalApp(App[None]):
    BINDINGS = [("right", "bump", "Bump"), ("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("minimal 0", id="counter")
        yield Footer()

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#counter", Static).update(f"minimal {self.count}")


if __name__ == "__main__":
    MinimalApp().run()
