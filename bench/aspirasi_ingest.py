"""Bench: SMS ingestion through the real HTTP webhook (gunicorn) and the real worker
(``manage.py db_worker``) on PostgreSQL, and the exactly-once proof under that load.

Every message is delivered twice (a gateway retry) from concurrent clients; at the end each
accepted message must be exactly one InboundSMS row and exactly one ticket.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/balai_aspirasi_bench \
        .venv/bin/python bench/aspirasi_ingest.py --messages 2000 --clients 16
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret"  # noqa: S105 - local bench only
PORT = 8765


def env() -> dict:
    e = dict(os.environ)
    e.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/balai_aspirasi_bench")
    e.update(
        {
            "DJANGO_SETTINGS_MODULE": "balai.settings.test",
            "BALAI_SMS_WEBHOOK_SECRET": SECRET,
            "BALAI_SMS_RATE_IP": "100000000",
            "BALAI_SMS_RATE_PHONE": "1000",
            "BALAI_SMS_FILE_DIR": tempfile.mkdtemp(prefix="bench-sms-"),
            "TASKS_LOG_LEVEL": "ERROR",
            "ALLOWED_HOSTS": "127.0.0.1",
        }
    )
    return e


def create_db(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def signed(messages: list[tuple[str, str, str]]) -> tuple[str, bytes, dict]:
    """One webhook delivery (one message, or a batch for ``/sms/webhook/batch/``), signed ahead
    of time so the client spends no CPU on it while measuring."""
    items = [{"id": msg_id, "from": phone, "text": text} for text, phone, msg_id in messages]
    if len(items) == 1:
        path, body = "/sms/webhook/", json.dumps(items[0]).encode()
    else:
        path, body = "/sms/webhook/batch/", json.dumps({"messages": items}).encode()
    ts = str(int(time.time()))
    sig = hmac.new(SECRET.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "X-Balai-Timestamp": ts,
        "X-Balai-Signature": sig,
        "Host": "localhost",
    }
    return path, body, headers


def post(conn: http.client.HTTPConnection, path: str, body: bytes, headers: dict) -> int:
    """POST on a kept-alive connection, as a gateway delivering a stream of messages does."""
    conn.request("POST", path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--batch", type=int, default=1, help="messages per delivery (>1: /sms/webhook/batch/)"
    )
    parser.add_argument("--task-workers", type=int, default=2)
    args = parser.parse_args()
    e = env()
    os.environ.update(e)
    create_db(e["DATABASE_URL"])
    py = sys.executable
    subprocess.run([py, "manage.py", "migrate", "-v0"], cwd=ROOT, env=e, check=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from balai.aspirasi.models import Ticket
    from balai.opd.provisioning import provision_portal
    from balai.sms.models import InboundSMS, OutboundSMS

    provision_portal()
    with connection.cursor() as c:
        c.execute(
            "TRUNCATE aspirasi_ticketevent, aspirasi_ticket, sms_inboundsms, sms_outboundsms,"
            " django_tasks_database_dbtaskresult CASCADE"
        )
    connection.close()

    web = subprocess.Popen(
        [
            py,
            "-m",
            "gunicorn",
            "balai.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(args.web_workers),
            "--threads",
            str(args.threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=e,
    )
    workers = [
        subprocess.Popen(
            # Niced like deploy/balai-worker.service: intake keeps priority over processing.
            [
                "nice",
                "-n",
                "10",
                py,
                "manage.py",
                "db_worker",
                "--interval",
                "0.05",
                "--no-startup-delay",
            ],
            cwd=ROOT,
            env=e,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(args.task_workers)
    ]
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        n = args.messages
        jobs = []
        for i in range(n):
            phone = f"+62812{10000000 + i}"
            jobs.append((f"LAPOR bench pesan nomor {i}: jalan rusak", phone, f"bench-{i}"))
        jobs = jobs + jobs  # every message delivered twice (gateway retries)
        lock, errors, codes = threading.Lock(), [], []

        size = args.batch
        jobs = [signed(jobs[i : i + size]) for i in range(0, len(jobs), size)]

        def client(part):
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            for path, body, headers in part:
                try:
                    code = post(conn, path, body, headers)
                except Exception as exc:  # noqa: BLE001
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                    with lock:
                        errors.append(str(exc))
                    continue
                with lock:
                    codes.append(code)
            conn.close()

        parts = [jobs[i :: args.clients] for i in range(args.clients)]
        threads = [threading.Thread(target=client, args=(p,)) for p in parts]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        t_accept = time.perf_counter() - t0
        while InboundSMS.objects.filter(status="diterima").exists():
            time.sleep(0.2)
        t_tickets = time.perf_counter() - t0
        while OutboundSMS.objects.exclude(status="terkirim").exists():
            time.sleep(0.2)
        t_acks = time.perf_counter() - t0

        inbound = InboundSMS.objects.count()
        tickets = Ticket.objects.count()
        per_phone = Ticket.objects.values("phone").distinct().count()
        acks = OutboundSMS.objects.filter(status="terkirim").count()
        print(
            f"requests: {len(jobs)} of {args.batch} message(s) ({n} unique messages, each "
            f"delivered twice), clients {args.clients}, "
            f"gunicorn {args.web_workers}x{args.threads} threads, "
            f"db_worker {args.task_workers} (nice 10)"
        )
        print(f"HTTP errors: {len(errors)}; non-200: {sum(1 for c in codes if c != 200)}")
        print(
            f"webhook accept: {len(jobs) / t_accept:.0f} req/s, {2 * n / t_accept:.0f} "
            f"deliveries/s ({n / t_accept:.0f} unique msg/s)"
        )
        print(f"to tickets (webhook + worker): {n / t_tickets:.0f} msg/s, {t_tickets:.1f} s")
        print(f"to acknowledgement SMS sent: {n / t_acks:.0f} msg/s, {t_acks:.1f} s")
        print(
            f"exactly-once: inbound rows {inbound}, tickets {tickets}, phones {per_phone}, "
            f"acks sent {acks} (expected {n} each)"
        )
        ok = inbound == tickets == per_phone == acks == n and not errors
        print("EXACTLY-ONCE: OK" if ok else "EXACTLY-ONCE: FAILED")
        sys.exit(0 if ok else 1)
    finally:
        web.terminate()
        for w in workers:
            w.terminate()


if __name__ == "__main__":
    main()
