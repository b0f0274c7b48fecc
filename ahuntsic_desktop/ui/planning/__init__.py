"""The démarche de planification in the window."""
