"""Codes people read aloud and type from an SMS: Crockford base32 (no I, L, O, U).

Typed codes are accepted in any case, with the look-alikes folded as Crockford specifies
(I and L → 1, O → 0) and spaces or hyphens between groups ignored.
"""

from __future__ import annotations

import secrets

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FOLD = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code(length: int) -> str:
    """``length`` random Crockford characters (5 bits each)."""
    return "".join(secrets.choice(CROCKFORD) for _ in range(length))


def normalise_code(typed: str) -> str:
    """What a person typed, as the code it can only mean: upper case, look-alikes folded,
    separators dropped."""
    return "".join(typed.split()).replace("-", "").upper().translate(_FOLD)
