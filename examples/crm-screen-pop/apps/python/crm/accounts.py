"""A stand-in for the CRM's account lookup by phone number."""

ACCOUNTS = {"+15550100": ("ACME-042", "Acme Corp"), "+15550199": ("GLOBEX-7", "Globex")}


def account_for(ani: str | None) -> tuple[str, str] | None:
    """(account id, name) of the caller, or None when the CRM does not know the number."""
    return ACCOUNTS.get(ani or "")
