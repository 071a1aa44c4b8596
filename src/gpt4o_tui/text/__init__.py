"""The words: the two languages, money and numbers as each writes them, reports for
the command line and exports, the deck's content, and pure renderers from state to
Rich. It builds on the core and imports no Textual."""
