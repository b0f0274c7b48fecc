"""The strategic action plan: plans, the numbered tree, editing, progress, chantiers and
their matrix, the workbook import and round trip, and the plan reports."""
