from __future__ import annotations

import hashlib
import hmac
import json
import time


def post_webhook(
    client,
    payload,
    *,
    secret="test-webhook-secret",
    ts=None,
    host="localhost",
    raw: bytes | None = None,
    path: str = "/sms/webhook/",
):
    body = raw if raw is not None else json.dumps(payload).encode()
    ts = str(int(time.time()) if ts is None else ts)
    sig = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return client.post(
        path,
        body,
        content_type="application/json",
        HTTP_HOST=host,
        HTTP_X_BALAI_TIMESTAMP=ts,
        HTTP_X_BALAI_SIGNATURE=sig,
    )


def post_smsgate(client, payload, *, secret="test-smsgate-key", ts=None):
    body = json.dumps(payload).encode()
    ts = str(int(time.time()) if ts is None else ts)
    sig = hmac.new(secret.encode(), body + ts.encode(), hashlib.sha256).hexdigest()
    return client.post(
        "/sms/webhook/smsgate/",
        body,
        content_type="application/json",
        HTTP_HOST="localhost",
        HTTP_X_TIMESTAMP=ts,
        HTTP_X_SIGNATURE=sig,
    )
