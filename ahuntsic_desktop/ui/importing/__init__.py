"""The import wizard: organisations, persons and memberships from .xlsx and .csv files."""

from .wizard import ImportWizard

__all__ = ["ImportWizard"]
