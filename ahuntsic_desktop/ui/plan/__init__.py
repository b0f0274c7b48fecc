"""The action plan's screens: the tree editor with its side panel, the import dialog, the
chantier's page and the participation matrix."""
