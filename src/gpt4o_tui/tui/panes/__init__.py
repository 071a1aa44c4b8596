"""The panes, one a module. Their names are here, without Textual, for the
command line's --tab as well as the app's tabs."""

# Tab id -> title; each pane lives in gpt4o_tui/tui/panes/<tab id>.py as <Title>Pane.
TABS = {"specs": "Specs", "benchmarks": "Benchmarks", "safety": "Safety", "pricing": "Pricing"}
