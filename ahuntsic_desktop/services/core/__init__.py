"""The house: settings, validation and its error, the audit trail and journal, backups,
and the plain tables list queries return. Every other services package builds on it."""
