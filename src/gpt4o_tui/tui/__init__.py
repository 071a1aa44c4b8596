"""The terminal app: Textual screens, panes and widgets that render what the text
layer says about what the core computes."""
