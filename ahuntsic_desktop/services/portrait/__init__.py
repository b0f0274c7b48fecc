"""The neighbourhood portrait: indicators entered, imported from a spreadsheet or from
Statistics Canada's census profile, and compared across territories and years."""

from .census import CensusOptions, preview_census
from .indicators import (
    Comparison,
    IndicatorForm,
    IndicatorRow,
    comparison,
    comparisons,
    delete_indicator,
    list_indicators,
    save_indicator,
    themes,
)
from .preview import IndicatorPreview, PreviewRow, RowProblem, commit_preview
from .sheet_import import COLUMNS, guess_mapping, preview_sheet
from .tables import indicators_table, preview_table
from .values import guess_level, parse_value

__all__ = [
    "indicators_table",
    "preview_table",
    "COLUMNS",
    "CensusOptions",
    "Comparison",
    "IndicatorForm",
    "IndicatorPreview",
    "IndicatorRow",
    "PreviewRow",
    "RowProblem",
    "commit_preview",
    "comparison",
    "comparisons",
    "delete_indicator",
    "guess_level",
    "guess_mapping",
    "list_indicators",
    "parse_value",
    "preview_census",
    "preview_sheet",
    "save_indicator",
    "themes",
]
