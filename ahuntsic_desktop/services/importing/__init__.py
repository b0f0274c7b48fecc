"""Import organisations, persons and their memberships from .xlsx and .csv files.

The steps, each a plain function the wizard (or a script) calls in turn::

    source = read_source(path)                        # readers: messy files made tidy
    mapping = initial_mapping(db, source)             # saved for this source, or guessed
    preview = check_rows(db, source, mapping.kind, mapping.columns)   # nothing written
    troubled_columns(preview)        # columns mostly refused: ignore them or map their values
    save_mapping(db, source, mapping.kind, mapping.columns, values)
    result = commit_rows(db, preview, skip_errors=True)   # one transaction, all or nothing

The error report (exports.xlsx.import_report) and the template workbook
(exports.xlsx.import_template) are written from these plain results.
"""

from . import limits
from .checking import check_rows, required_missing
from .committing import commit_rows
from .fields import FIELDS, Field, ImportKind, fields_for, guess_kind, guess_mapping
from .mappings import Mapping, initial_mapping, save_mapping, saved_mapping
from .model import Cancelled, ImportOptions, ImportPreview, ImportResult, Problem, Reason, RowResult
from .readers import SourceRow, SourceTable, read_source, sheet_names
from .value_maps import ColumnTrouble, distinct_values, troubled_columns, value_choices

__all__ = [
    "FIELDS",
    "Cancelled",
    "ColumnTrouble",
    "Field",
    "ImportKind",
    "ImportOptions",
    "ImportPreview",
    "ImportResult",
    "Mapping",
    "Problem",
    "Reason",
    "RowResult",
    "SourceRow",
    "SourceTable",
    "check_rows",
    "commit_rows",
    "distinct_values",
    "fields_for",
    "guess_kind",
    "guess_mapping",
    "initial_mapping",
    "limits",
    "read_source",
    "required_missing",
    "save_mapping",
    "saved_mapping",
    "sheet_names",
    "troubled_columns",
    "value_choices",
]
