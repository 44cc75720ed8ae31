"""Who may use the service, and for what. Pure logic, no I/O."""

from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.security.origins import OriginPolicy, OriginRule, RequestFilter, normalise_origin

__all__ = ["OriginPolicy", "OriginRule", "PolicyConfigError", "RequestFilter", "normalise_origin"]
