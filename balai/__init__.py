"""Balai: one installation for a Pemda's portal, its OPD sites, PPID, aspirations and monitoring."""
