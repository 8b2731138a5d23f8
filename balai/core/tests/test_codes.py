"""Crockford base32 codes: nothing to misread, typed back in any case."""

from __future__ import annotations

from balai.core.codes import CROCKFORD, new_code, normalise_code


def test_new_codes_avoid_ambiguous_letters():
    codes = "".join(new_code(12) for _ in range(200))
    assert set(codes) <= set(CROCKFORD)
    assert not set(codes) & set("ILOU")


def test_typed_codes_fold_case_look_alikes_and_separators():
    assert normalise_code("7kq3-mx1o") == "7KQ3MX10"
    assert normalise_code("iL o0 ") == "1100"
    assert normalise_code(" ab cd ") == "ABCD"
