"""The one date the demo data of the test suite are made around.

Demo files are generated "as of" a day: meetings before it are held, after it planned,
memberships paid or due. Tests that read the demo pin the same day in their ``Context`` and
service calls, so the suite passes whatever the machine's clock says (CI also runs it
under ``faketime``).
"""

from __future__ import annotations

import datetime as dt

DEMO_TODAY = dt.date(2026, 11, 26)
