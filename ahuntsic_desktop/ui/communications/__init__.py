"""Communications by email: composing a message for a list of recipients (with who is left
out and why), the outbox, the mail server's settings, templates, a person's messages."""
