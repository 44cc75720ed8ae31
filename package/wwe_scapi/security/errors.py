"""Configuration errors of the security options."""


class PolicyConfigError(ValueError):
    """A security option has a value that cannot be enforced; the message names the option."""
