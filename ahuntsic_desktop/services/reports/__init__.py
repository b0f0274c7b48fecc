"""What reads across concepts: the dashboard and the activity statistics (annual report,
funder report)."""
