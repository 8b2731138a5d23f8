"""Content conversion on its own: what survives, what is dropped and reported."""

from __future__ import annotations

from balai.migrasi.convert import Image, Resolver, to_blocks
from balai.migrasi.wxr import safe_relpath, upload_relpath


def test_unsafe_links_and_foreign_iframes_are_dropped_and_reported():
    resolver = Resolver()
    blocks = to_blocks(
        '<p>Klik <a href="javascript:alert(1)">di sini</a> atau <a href="https://jdih.go.id">JDIH</a>.</p>\n\n'
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe>\n\n'
        '<iframe src="https://maps.example.com/embed"></iframe>\n\n'
        '<p><img src="https://lain.example.com/foto.jpg" onerror="alert(1)"></p>',
        resolver,
    )
    assert [b["type"] for b in blocks] == ["paragraph", "video"]
    assert blocks[0]["value"] == 'Klik di sini atau <a href="https://jdih.go.id">JDIH</a>.'.join(
        ["<p>", "</p>"]
    )
    notes = " ".join(resolver.notes)
    assert "javascript" in notes and "maps.example.com" in notes and "onclick" in notes
    assert "lain.example.com/foto.jpg" in notes


def test_classic_paragraphs_line_breaks_and_bare_youtube_line():
    blocks = to_blocks("Baris satu\nbaris dua\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nAkhir", Resolver())
    assert blocks[0] == {"type": "paragraph", "value": "<p>Baris satu<br/>baris dua</p>"}
    assert blocks[1]["type"] == "video"
    assert blocks[2]["value"] == "<p>Akhir</p>"


def test_gallery_without_ids_uses_the_posts_attachments():
    resolver = Resolver(
        image_by_attachment={7: Image(70, "tujuh"), 8: Image(80, "")}.get,
        attachments_of_post=lambda: [7, 8],
    )
    blocks = to_blocks('[gallery columns="3"]', resolver)
    assert [b["value"]["image"]["image"] for b in blocks] == [70, 80]
    assert blocks[0]["value"]["image"]["alt_text"] == "tujuh"
    assert blocks[1]["value"]["image"]["decorative"] is True


def test_upload_paths():
    assert upload_relpath("http://x/wp-content/uploads/2023/05/a-300x225.jpg") == "2023/05/a.jpg"
    assert upload_relpath("http://x/wp-content/uploads/2023/05/b-scaled.jpg?v=2") == "2023/05/b.jpg"
    assert upload_relpath("http://x/lain/a.jpg") is None
    for bad in ("../../etc/passwd", "/etc/passwd", "2023/../../x", "C:/x.jpg", ""):
        assert safe_relpath(bad) is None
    assert safe_relpath("2023/05/a.jpg") == "2023/05/a.jpg"
