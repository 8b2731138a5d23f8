"""Hostile exports are refused cleanly and import nothing harmful."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page

from balai.migrasi.models import ImportedItem
from balai.migrasi.services import import_wordpress
from balai.migrasi.wxr import ImportRefused

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = (FIXTURES / "wordpress-export.xml").read_text()

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><item><title>&lol3;</title></item></channel></rss>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title></item></channel></rss>"""


@pytest.mark.django_db
@pytest.mark.parametrize("xml", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_xml_attacks_are_refused_before_anything_is_imported(opd_a, tmp_path, xml):
    export = tmp_path / "export.xml"
    export.write_text(xml)
    pages = Page.objects.count()
    with pytest.raises(ImportRefused, match="entitas"):
        import_wordpress(opd_a, str(export), None)
    assert Page.objects.count() == pages and not ImportedItem.objects.exists()


@pytest.mark.django_db
def test_not_xml_is_refused(opd_a, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text("bukan xml <<<")
    with pytest.raises(ImportRefused, match="bukan XML WordPress"):
        import_wordpress(opd_a, str(export), None)


@pytest.mark.django_db
def test_path_traversal_and_fake_images_are_refused(opd_a, tmp_path):
    uploads = tmp_path / "uploads"
    shutil.copytree(FIXTURES / "uploads", uploads)
    (tmp_path / "secret.png").write_bytes(
        (FIXTURES / "uploads/2023/08/posyandu-2.png").read_bytes()
    )
    # a "JPEG" that is really a PHP script
    (uploads / "2023/05/puskesmas-keliling.jpg").write_bytes(b"<?php system($_GET['c']); ?>")
    export = tmp_path / "export.xml"
    export.write_text(EXPORT.replace("2023/08/posyandu-2.png]]>", "../../secret.png]]>"))
    report = import_wordpress(opd_a, str(export), str(uploads))
    refused = {e.title: e for e in report.entries if e.action == "refused"}
    assert "tidak aman" in refused["Posyandu Mawar"].reasons[0]
    assert "Puskesmas Keliling" in refused
    titles = set(get_image_model().objects.values_list("title", flat=True))
    assert "Posyandu Mawar" not in titles and "Puskesmas Keliling" not in titles
    assert len(titles) == 3
