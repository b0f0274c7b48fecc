"""Pages of the evaluation of an ending plan and of the neighbourhood portrait."""
