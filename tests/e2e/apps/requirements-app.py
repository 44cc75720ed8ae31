# An app with a PyPI requirement (python-dateutil, which needs six), installed by startApp with
# micropip from the desktop's server (tests/e2e/test_app_requirements.py).
import datetime

from dateutil.relativedelta import relativedelta
from js import document

document.getElementById("next").textContent = str(datetime.date(2026, 1, 31) + relativedelta(months=1))
