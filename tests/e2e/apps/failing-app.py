# An app whose event handler raises (for tests/e2e/test_app_failures.py).
from wwe_scapi import connect


def broken(message):
    raise LookupError("no CRM account")


await connect().subscribe(["interaction"], broken)
