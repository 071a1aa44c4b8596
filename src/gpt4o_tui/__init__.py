"""gpt4o-tui: a terminal explorer for GPT-4o mini's launch."""

__version__ = "0.1.0"
