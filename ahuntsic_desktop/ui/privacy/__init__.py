"""Screens of Québec's Law 25: a person's privacy file (consents, access request,
rectification, erasure) and the « Vie privée » page (requests, retention, incidents)."""
