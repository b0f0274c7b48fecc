"""The member register: organisations, persons, contacts, memberships and their categories,
renewals, receipts, duplicates and merging, the register and directory lists."""
