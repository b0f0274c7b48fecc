"""Funding: partners, funding agreements, reporting deadlines and the funder report's figures."""
