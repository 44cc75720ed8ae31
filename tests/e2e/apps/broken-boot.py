# An app whose boot fails: a module it did not ship (for tests/e2e/test_app_failures.py).
import crm_helpers  # noqa: F401
