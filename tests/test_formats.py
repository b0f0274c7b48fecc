"""Québec French formats, as the OQLF writes them: « 1er juillet », « 12 h », « 19 h 30 »."""

from __future__ import annotations

import datetime as dt

import pytest

from ahuntsic_desktop import i18n

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


@pytest.mark.parametrize("month", range(1, 13))
def test_the_first_of_every_month_is_1er(month):
    first = dt.date(2025, month, 1)
    assert i18n.format_date(first) == f"1er {MONTHS[month - 1]} 2025"
    assert i18n.format_date(first, "full").split(" ", 1)[1] == f"1er {MONTHS[month - 1]} 2025"
    assert i18n.format_date(first, "medium").startswith("1er ")
    assert i18n.format_date(first, "short") == f"2025-{month:02d}-01"
    assert i18n.format_date(dt.date(2025, month, 2)) == f"2 {MONTHS[month - 1]} 2025"
    assert i18n.format_date(dt.date(2025, month, 11)) == f"11 {MONTHS[month - 1]} 2025"


def test_first_day_in_a_datetime_and_in_english():
    assert i18n.format_date(dt.datetime(2026, 4, 1, 9, 30)) == "1er avril 2026"
    i18n.set_locale("en_CA")
    assert i18n.format_date(dt.date(2026, 4, 1)) == "April 1, 2026"


@pytest.mark.parametrize(
    ("value", "text"),
    [(dt.time(12, 0), "12 h"), (dt.time(19, 30), "19 h 30"), (dt.time(9, 5), "9 h 05"),
     (dt.time(0, 0), "0 h")],
)  # fmt: skip
def test_times_drop_zero_minutes(value, text):
    assert i18n.format_time(value) == text


def test_rounded_money_for_a_chart_keeps_the_locale_pattern():
    assert i18n.format_money_rounded(14_850_000) == "148\u00a0500\u00a0$"
    assert i18n.format_money_rounded(833_350) == "8\u00a0334\u00a0$"  # rounded, not cut
    i18n.set_locale("en_CA")
    try:
        assert i18n.format_money_rounded(14_850_000) == "$148,500"
    finally:
        i18n.set_locale("fr_CA")
