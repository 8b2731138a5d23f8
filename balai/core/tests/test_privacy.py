"""The one phone normaliser and the one masking helper."""

import pytest

from balai.core.privacy import mask_email, mask_nik, mask_phone, mask_text, normalise_phone


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("081234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("12345", None),
        ("", None),
        ("halo", None),
    ],
)
def test_phone_numbers_are_normalised_to_e164(raw, e164):
    assert normalise_phone(raw) == e164


def test_masks():
    assert mask_phone("+6281234567890") == "0812****7890"
    assert mask_nik("1371011203900001") == "137101********01"
    assert mask_email("rahmawati@example.go.id") == "r********@example.go.id"


def test_personal_data_inside_free_text_is_masked():
    text = "Saya Budi, NIK 1371011203900001, HP 0812-3456-7890, surel budi@mail.com."
    masked = mask_text(text)
    assert "1371011203900001" not in masked and "137101********01" in masked
    assert "3456" not in masked and "0812" in masked
    assert "budi@mail.com" not in masked
    assert "Saya Budi" in masked  # names are the moderator's job, not a regex's
