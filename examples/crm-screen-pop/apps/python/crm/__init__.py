"""The CRM's side of the screen pop: which account a caller is (kept apart from the page, so
it is tested in CPython too)."""

from crm.accounts import account_for

__all__ = ["account_for"]
