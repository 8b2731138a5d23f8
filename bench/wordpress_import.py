# ruff: noqa: E501  (the export template lines are kept whole, as WordPress writes them)
"""Bench of the WordPress import (issue 15): a generated 5,000-post / 2,000-image export.

Usage (SQLite by default; PostgreSQL through DATABASE_URL, use a database of its own):

    .venv/bin/python bench/wordpress_import.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_wp .venv/bin/python bench/wordpress_import.py

BENCH_POSTS / BENCH_IMAGES / BENCH_PAGES (default 5000 / 2000 / 50) size the export, written
under var/bench-wordpress/ in WordPress 6.1's WXR format (the structure of the real fixture in
balai/migrasi/tests/fixtures/): classic posts with [caption] and [gallery], Gutenberg posts with
image, list, table and YouTube blocks, a page hierarchy, and one small distinct JPEG per image.
The database is flushed of earlier bench runs (a fresh OPD), then the import runs once in this
process and prints its wall time, the resident memory sampled along the way (it should stay
flat: the XML is streamed) and the peak RSS. A second run of the same export is timed as well
(everything unchanged). Aim: under 10 minutes on the 2-core machine.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-wordpress.sqlite3'}")
os.environ.setdefault("MEDIA_ROOT", str(ROOT / "var" / "bench-wordpress-media"))
os.environ.setdefault("BALAI_PORTAL_DOMAIN", "localhost")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

POSTS = int(os.environ.get("BENCH_POSTS", "5000"))
IMAGES = int(os.environ.get("BENCH_IMAGES", "2000"))
PAGES = int(os.environ.get("BENCH_PAGES", "50"))
WORK = ROOT / "var" / "bench-wordpress"
BASE = "http://dinkes.example.go.id"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def item(wp_id, post_type, status, title, slug, date, content="", parent=0, extra="") -> str:
    y, m, d = date[:4], date[5:7], date[8:10]
    link = f"{BASE}/{y}/{m}/{d}/{slug}/" if post_type == "post" else f"{BASE}/{slug}/"
    return f"""
	<item>
		<title>{cdata(title)}</title>
		<link>{link}</link>
		<dc:creator>{cdata("budi")}</dc:creator>
		<guid isPermaLink="false">{BASE}/?p={wp_id}</guid>
		<description></description>
		<content:encoded>{cdata(content)}</content:encoded>
		<excerpt:encoded>{cdata("")}</excerpt:encoded>
		<wp:post_id>{wp_id}</wp:post_id>
		<wp:post_date>{cdata(date)}</wp:post_date>
		<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>
		<wp:comment_status>{cdata("closed")}</wp:comment_status>
		<wp:post_name>{cdata(slug)}</wp:post_name>
		<wp:status>{cdata(status)}</wp:status>
		<wp:post_parent>{parent}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata(post_type)}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>{extra}
	</item>"""


def meta(key: str, value: str) -> str:
    return (f"\n\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>"
            f"\n\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>")  # fmt: skip


def generate() -> tuple[Path, Path]:
    from PIL import Image

    shutil.rmtree(WORK, ignore_errors=True)
    uploads = WORK / "uploads"
    export = WORK / "export.xml"
    uploads.mkdir(parents=True)
    with export.open("w") as out:
        out.write(f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.1.9" created="2026-12-04 12:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Dinas Kesehatan (bench)</title>
	<link>{BASE}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{BASE}</wp:base_site_url>
	<wp:base_blog_url>{BASE}</wp:base_blog_url>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login>{cdata("budi")}</wp:author_login><wp:author_display_name>{cdata("Budi Santoso")}</wp:author_display_name></wp:author>
	<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>{cdata("berita")}</wp:category_nicename><wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata("Berita")}</wp:cat_name></wp:category>
	<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>{cdata("pengumuman")}</wp:category_nicename><wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata("Pengumuman")}</wp:cat_name></wp:category>
""")  # fmt: skip
        for i in range(IMAGES):
            wp_id = 10 + i
            ym = f"20{18 + i % 6}/{1 + i % 12:02d}"
            folder = uploads / ym
            folder.mkdir(parents=True, exist_ok=True)
            name = f"foto-{i}.jpg"
            Image.new("RGB", (64, 48), (i % 256, (i // 256) % 256, 80)).save(
                folder / name, quality=80
            )
            out.write(item(wp_id, "attachment", "inherit", f"Foto {i}", f"foto-{i}", f"{ym.replace('/', '-')}-01 08:00:00",
                           extra=f"\n\t\t<wp:attachment_url>{cdata(f'{BASE}/wp-content/uploads/{ym}/{name}')}</wp:attachment_url>"
                           + meta("_wp_attached_file", f"{ym}/{name}") + meta("_wp_attachment_image_alt", f"Foto kegiatan {i}")))  # fmt: skip
        first_post = 10 + IMAGES
        for n in range(POSTS):
            wp_id = first_post + n
            a = 10 + n % IMAGES
            b = 10 + (n * 7 + 3) % IMAGES
            ym = f"20{18 + (a - 10) % 6}/{1 + (a - 10) % 12:02d}"
            src = f"{BASE}/wp-content/uploads/{ym}/foto-{a - 10}.jpg"
            date = f"20{18 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d} 09:{n % 60:02d}:00"
            words = " ".join(["Pelayanan kesehatan masyarakat desa terus ditingkatkan."] * 8)
            if n % 2:
                body = (f"{words}\n\n[caption id=\"attachment_{a}\" align=\"aligncenter\" width=\"64\"]"
                        f"<img class=\"size-full wp-image-{a}\" src=\"{src}\" alt=\"\" /> Keterangan {n}[/caption]\n\n"
                        f"Lihat <a href=\"{BASE}/?p={first_post + max(n - 1, 0)}\">berita sebelumnya</a>.\n\n"
                        f"[gallery ids=\"{a},{b}\"]\n\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>")  # fmt: skip
            else:
                body = (f"<!-- wp:paragraph -->\n<p>{words}</p>\n<!-- /wp:paragraph -->\n\n"
                        f"<!-- wp:image {{\"id\":{a}}} -->\n<figure class=\"wp-block-image\"><img src=\"{src}\" class=\"wp-image-{a}\"/><figcaption>Foto {n}</figcaption></figure>\n<!-- /wp:image -->\n\n"
                        f"<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>a</td><td>{n}</td></tr></tbody></table></figure>\n<!-- /wp:table -->\n\n"
                        f"<!-- wp:embed {{\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"}} -->\n<figure class=\"wp-block-embed is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->")  # fmt: skip
            category = "pengumuman" if n % 10 == 0 else "berita"
            extra = (f'\n\t\t<category domain="category" nicename="{category}">{cdata(category.title())}</category>'
                     f'\n\t\t<category domain="post_tag" nicename="tag-{n % 40}">{cdata(f"tag {n % 40}")}</category>'
                     + meta("_thumbnail_id", str(a)))  # fmt: skip
            status = "draft" if n % 50 == 7 else "publish"
            out.write(
                item(
                    wp_id,
                    "post",
                    status,
                    f"Berita nomor {n}",
                    f"berita-nomor-{n}",
                    date,
                    body,
                    extra=extra,
                )
            )
        first_page = first_post + POSTS
        for n in range(PAGES):
            parent = first_page + n // 10 * 10 if n % 10 else 0
            out.write(item(first_page + n, "page", "publish", f"Halaman {n}", f"halaman-{n}",
                           "2020-01-01 08:00:00", f"<p>{escape('Isi halaman & profil')} {n}</p>", parent=parent))  # fmt: skip
        out.write("\n</channel>\n</rss>\n")
    return export, uploads


def main() -> None:
    from balai.migrasi.services import import_wordpress
    from balai.opd.models import OPD
    from balai.opd.provisioning import OPDSpec, provision_opd, provision_portal

    t0 = time.perf_counter()
    export, uploads = generate()
    size = export.stat().st_size / 1024 / 1024
    print(f"export: {POSTS} posts, {IMAGES} images, {PAGES} pages; {size:.1f} MB XML "
          f"(generated in {time.perf_counter() - t0:.0f} s)")  # fmt: skip
    call_command("migrate", verbosity=0)
    provision_portal()
    slug = f"bench{int(time.time()) % 100000}"
    opd = provision_opd(OPDSpec(name=f"Dinas Bench {slug}", short_name="Bench", slug=slug,
                                jenis="dinas")).opd  # fmt: skip
    samples: list[tuple[int, float]] = []

    def progress(done: int, total: int) -> None:
        if done % 500 == 0 or done == total:
            samples.append((done, rss_mb()))
            print(f"  {done}/{total}  RSS {samples[-1][1]:.0f} MB  {time.perf_counter() - t1:.0f} s",
                  flush=True)  # fmt: skip

    rss_before = rss_mb()
    t1 = time.perf_counter()
    report = import_wordpress(opd, str(export), str(uploads), progress=progress)
    first = time.perf_counter() - t1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first import: {first:.0f} s ({first / 60:.1f} min) — {report.summary()}")
    print(f"RSS before {rss_before:.0f} MB; during: "
          + ", ".join(f"{mb:.0f}" for _, mb in samples) + f" MB; peak RSS {peak:.0f} MB")  # fmt: skip
    t2 = time.perf_counter()
    again = import_wordpress(opd, str(export), str(uploads))
    print(f"second import (nothing changed): {time.perf_counter() - t2:.0f} s — {again.summary()}")
    OPD.objects.filter(pk=opd.pk).update(is_active=False)


if __name__ == "__main__":
    main()
