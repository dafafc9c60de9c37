"""Errors about input, whose messages quote input and so must not let it break their line."""

from __future__ import annotations


def printable(text: str) -> str:
    """Input-controlled text (addresses, keys, messages) without characters that could fake lines."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


class OneLineError(Exception):
    """An error whose message is one line whatever input it quotes."""

    def __init__(self, message: str) -> None:
        super().__init__(printable(message))


class InputError(OneLineError):
    """Input that cannot be understood (exit code 2). The message is fit for stderr as it is."""
