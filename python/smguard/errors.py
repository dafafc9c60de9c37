"""The one exception type that means "the user's input or usage is wrong" (exit code 2)."""


class InputError(Exception):
    """Input that cannot be understood. The message is one line, fit for stderr as it is."""
