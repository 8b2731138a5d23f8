"""Balai's Indonesian catalogue covers every admin string of the installed Wagtail apps (and of
taggit and django-filter, whose strings show in the admin), and the running admin uses it.

The last two tests need the compiled catalogue (``make messages`` / ``compilemessages``).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from balai.adminui import catalogue


@pytest.mark.parametrize("domain", catalogue.DOMAINS)
def test_every_admin_message_id_has_an_indonesian_translation(domain):
    result = catalogue.coverage(domain)
    missing = [(e.msgctxt, e.msgid) for e in result.missing]
    assert result.total > (1500 if domain == "django" else 80)  # the sources were found
    assert not missing, (
        f"{len(missing)} {domain} msgids without Indonesian in {catalogue.balai_po(domain)} "
        f"(run `manage.py admin_catalogue --update`, then translate): {missing[:15]}"
    )


def test_the_sources_are_the_installed_admin_apps():
    modules = {module for module, _ in catalogue.source_files("django")}
    expected = {
        "wagtail.admin",
        "wagtail",
        "wagtail.users",
        "wagtail.images",
        "wagtail.documents",
        "wagtail.snippets",
        "wagtail.contrib.forms",
        "taggit",
    }
    assert expected <= modules
    assert "wagtail.locales" not in modules  # not installed, not translated


@pytest.mark.parametrize("domain", catalogue.DOMAINS)
def test_catalogue_is_well_formed_and_in_canonical_form(domain, tmp_path):
    """Placeholders, HTML and plural forms survive (msgfmt --check), and ``--update`` would not
    change the file: no stale entry, nothing lost."""
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext is not installed")
    po = catalogue.balai_po(domain)
    check = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(po)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    rewritten = tmp_path / "rewritten.po"
    catalogue.write_po(rewritten, catalogue.merged(domain))
    assert rewritten.read_text(encoding="utf-8") == po.read_text(encoding="utf-8")


def _lookup(trans, entry: catalogue.Entry) -> str:
    if entry.msgid_plural is not None:
        if entry.msgctxt is not None:
            return trans.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
        return trans.ngettext(entry.msgid, entry.msgid_plural, 2)
    if entry.msgctxt is not None:
        return trans.pgettext(entry.msgctxt, entry.msgid)
    return trans.gettext(entry.msgid)


@pytest.mark.parametrize("domain", catalogue.DOMAINS)
def test_the_admin_uses_balais_catalogue_over_wagtails(domain):
    """Every translation in Balai's .po is what Django returns for ``id-id``: the compiled
    catalogue is current and LOCALE_PATHS wins over Wagtail's own partial ``id_ID``."""
    trans = DjangoTranslation("id-id", domain=domain)
    wrong = [
        (e.msgid, _lookup(trans, e), e.msgstr[0])
        for e in catalogue.balai_entries(domain).values()
        if e.translated and _lookup(trans, e) != e.msgstr[0]
    ]
    assert not wrong, f"{len(wrong)} differ (stale .mo? run `make messages`): {wrong[:10]}"


def test_a_few_strings_operators_saw_in_english():
    with translation.override("id-id"):
        assert translation.gettext("Password") == "Kata sandi"
        assert translation.gettext("Remember me") == "Ingat saya"
        assert translation.gettext("Forgotten password?") == "Lupa kata sandi?"
        assert translation.gettext("Skip to main content") == "Langsung ke konten utama"
        assert translation.gettext("Publish") == "Terbitkan"
        assert translation.gettext("Save draft") == "Simpan draf"
    with translation.override("en"):
        assert translation.gettext("Remember me") == "Remember me"
