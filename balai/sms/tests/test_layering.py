"""The channel layer knows nothing of the domain: no module of balai.sms imports a domain app;
the domain registers its handler instead (sms/handlers.py)."""

import ast
from pathlib import Path

import pytest

from balai.sms import handlers

DOMAIN_APPS = ("balai.aspirasi", "balai.ppid", "balai.layanan", "balai.content", "balai.pemantauan")
SMS_DIR = Path(handlers.__file__).parent


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_channel_layer_imports_no_domain_app():
    offenders = {
        f"{path.relative_to(SMS_DIR)}: {name}"
        for path in SMS_DIR.rglob("*.py")
        if "tests" not in path.parts
        for name in _imports(path)
        if name.startswith(DOMAIN_APPS)
    }
    assert not offenders


def test_aspirasi_registers_its_handler_at_startup():
    from balai.aspirasi.services import ingest_message

    assert handlers._handler is ingest_message


def test_unregistered_handler_is_a_clear_configuration_error(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setattr(handlers, "_handler", None)
    with pytest.raises(ImproperlyConfigured):
        handlers.handle_inbound(object())
