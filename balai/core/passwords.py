"""Password rule on top of Django's validators: mix of letters, digits and symbols."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterClassValidator:
    """Require at least three of: lowercase, uppercase, digit, symbol.

    Operators' weak, shared passwords are the most reported entry point of the gambling-spam
    injections on go.id sites (shared/domain/security.md).
    """

    def validate(self, password: str, user=None) -> None:
        classes = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if sum(classes) < 3:
            raise ValidationError(
                _(
                    "Kata sandi harus memuat paling sedikit tiga dari: huruf kecil, huruf besar, "
                    "angka, dan simbol."
                ),
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return _("Gunakan paling sedikit tiga dari: huruf kecil, huruf besar, angka, dan simbol.")
