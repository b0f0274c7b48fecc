"""La démarche de planification: its frame and phases, activities in the community with
their participants, contributions (typed fast or imported) and syntheses, and the figures
of its summary. Plain Python: no Qt."""

from ...domain import PlanningProcess, ProcessActivity, ProcessPhase, Synthesis
from ..core import audit
from . import personal
from .activities import (
    ActivityData,
    Headcount,
    activity_data,
    add_participant,
    create_activity,
    delete_activity,
    headcounts,
    participant_ids,
    remove_participant,
    set_headcounts,
    set_participants,
    update_activity,
)
from .contribution_import import (
    ContributionImportPreview,
    ImportProblem,
    import_contributions,
    preview_contributions,
)
from .contributions import (
    ContributionData,
    ContributionLine,
    FastEntryResult,
    RowError,
    add_contribution,
    add_contributions,
    check_contributions,
    delete_contribution,
    list_contributions,
    update_contribution,
)
from .figures import ActivityLine, ProcessSummary, distinct_participants, process_summary
from .lists import activities_table, contributions_table
from .phases import PhaseData, PhaseLine, create_phase, delete_phase, list_phases, update_phase
from .processes import (
    ProcessData,
    ProcessLine,
    SectionLine,
    committee_meetings,
    create_process,
    delete_process,
    delete_section,
    list_processes,
    process_for_export,
    section_title,
    sections,
    set_section,
    update_process,
)
from .syntheses import (
    SynthesisData,
    SynthesisLine,
    create_synthesis,
    delete_synthesis,
    list_syntheses,
    update_synthesis,
)
from .vocabulary import (
    Term,
    create_activity_type,
    create_theme,
    delete_activity_type,
    delete_theme,
    list_activity_types,
    list_themes,
    rename_activity_type,
    rename_theme,
)

# The journal follows the démarche, its phases, activities and syntheses (not each
# contribution or participant line, which are typed by the dozen).
for _model in (PlanningProcess, ProcessPhase, ProcessActivity, Synthesis):
    audit.track(_model)

__all__ = [
    "personal",
    "ActivityData",
    "ActivityLine",
    "ContributionData",
    "ContributionImportPreview",
    "ContributionLine",
    "FastEntryResult",
    "Headcount",
    "ImportProblem",
    "PhaseData",
    "PhaseLine",
    "ProcessData",
    "ProcessLine",
    "ProcessSummary",
    "RowError",
    "SectionLine",
    "SynthesisData",
    "SynthesisLine",
    "Term",
    "activities_table",
    "activity_data",
    "add_contribution",
    "add_contributions",
    "add_participant",
    "check_contributions",
    "committee_meetings",
    "contributions_table",
    "create_activity",
    "create_activity_type",
    "create_phase",
    "create_process",
    "create_synthesis",
    "create_theme",
    "delete_activity",
    "delete_activity_type",
    "delete_contribution",
    "delete_phase",
    "delete_process",
    "delete_section",
    "delete_synthesis",
    "delete_theme",
    "distinct_participants",
    "headcounts",
    "import_contributions",
    "list_activity_types",
    "list_contributions",
    "list_phases",
    "list_processes",
    "list_syntheses",
    "list_themes",
    "participant_ids",
    "preview_contributions",
    "process_for_export",
    "process_summary",
    "remove_participant",
    "rename_activity_type",
    "rename_theme",
    "section_title",
    "sections",
    "set_headcounts",
    "set_participants",
    "set_section",
    "update_activity",
    "update_contribution",
    "update_phase",
    "update_process",
    "update_synthesis",
]
