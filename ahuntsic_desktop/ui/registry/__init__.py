"""The registry screens: lists of members, organisations, partners and funders, with their dialogs."""
