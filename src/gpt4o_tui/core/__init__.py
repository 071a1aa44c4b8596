"""The core: the facts in data/, validated, and what follows from them (costs,
scales, comparisons, claim checks, token counts). It imports neither Textual nor
Rich and holds no words: what it has to tell a person it names by a message key."""
