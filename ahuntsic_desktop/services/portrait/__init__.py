"""The neighbourhood portrait: indicators entered, imported from a spreadsheet or from
Statistics Canada's census profile, and compared across territories and years; issues and
diagnostics, residents' stories, maps and pictures, the community milieu; and the links by
which a new plan answers them (:mod:`.answers`)."""

from . import answers, stories
from .answers import Coverage, coverage, coverage_plan, set_answer
from .census import CensusOptions, preview_census
from .images import (
    ImageForm,
    ImageRow,
    add_image,
    add_image_file,
    delete_image,
    image_data,
    list_images,
    update_image,
)
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
from .issues import (
    IssueForm,
    IssueRow,
    contribution_choices,
    delete_issue,
    indicator_choices,
    list_issues,
    save_issue,
    set_supports,
)
from .milieu import CommunityMilieu, community_milieu, save_section, sections
from .part_tables import (
    coverage_issues_table,
    coverage_orientations_table,
    images_table,
    issues_table,
    stories_table,
)
from .preview import IndicatorPreview, PreviewRow, RowProblem, commit_preview
from .sheet_import import COLUMNS, guess_mapping, preview_sheet
from .stories import StoryForm, StoryRow, delete_story, list_stories, printable_stories, save_story
from .tables import indicators_table, preview_table
from .values import guess_level, parse_value

__all__ = [
    "stories",
    "coverage_issues_table",
    "coverage_orientations_table",
    "images_table",
    "issues_table",
    "stories_table",
    "indicator_choices",
    "contribution_choices",
    "answers",
    "Coverage",
    "coverage",
    "coverage_plan",
    "set_answer",
    "ImageForm",
    "ImageRow",
    "add_image",
    "add_image_file",
    "delete_image",
    "image_data",
    "list_images",
    "update_image",
    "IssueForm",
    "IssueRow",
    "delete_issue",
    "list_issues",
    "save_issue",
    "set_supports",
    "CommunityMilieu",
    "community_milieu",
    "save_section",
    "sections",
    "StoryForm",
    "StoryRow",
    "delete_story",
    "list_stories",
    "printable_stories",
    "save_story",
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
