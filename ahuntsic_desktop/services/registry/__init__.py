"""The member register: organisations, persons, contacts, memberships and their categories,
renewals, receipts, duplicates and merging, the register and directory lists.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import (
    categories,
    contacts,
    directory,
    duplicates,
    lists,
    memberships,
    merge,
    merge_details,
    organizations,
    person_list,
    persons,
    receipts,
    register,
    renewals,
    standing,
)
from .contacts import consented_person_ids
from .duplicates import DuplicateIndex, Kind, Match, email_key, name_key

__all__ = [
    "categories",
    "consented_person_ids",
    "contacts",
    "directory",
    "DuplicateIndex",
    "duplicates",
    "email_key",
    "Kind",
    "lists",
    "Match",
    "memberships",
    "merge",
    "merge_details",
    "name_key",
    "organizations",
    "person_list",
    "persons",
    "receipts",
    "register",
    "renewals",
    "standing",
]
