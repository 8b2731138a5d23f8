"""Local stand-ins for outside messaging APIs (no network): a threaded HTTP server on a loopback
port the system picks (so parallel test workers never collide) that records every request and
answers through a replaceable handler function."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeAPI:
    """``respond(method, path, headers, body) -> (status, dict)``; ``requests`` records calls."""

    def __init__(self, port: int, respond):
        self.respond = respond
        self.requests: list[dict] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else {}
                call = {
                    "method": self.command,
                    "path": self.path,
                    "headers": dict(self.headers),
                    "body": body,
                }
                status, payload = api.respond(call)
                if status:  # 0 = "down": record nothing, close without an answer
                    api.requests.append(call)
                    data = json.dumps(payload).encode()
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                else:
                    self.close_connection = True
                    self.send_response(503)
                    self.end_headers()

            do_GET = do_POST = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class FakeSMSGate(FakeAPI):
    """SMS Gateway for Android's send API: ``POST /message``; refuses a known ``id`` with 409
    (as the app does), and can be switched down (503, nothing recorded)."""

    def __init__(self, port: int = 0):
        self.up = True
        self.delivered: list[str] = []
        super().__init__(port, self._respond)

    def _respond(self, call):
        if not self.up:
            return 0, {}
        message_id = call["body"].get("id")
        if message_id in self.delivered:
            return 409, {"message": "duplicate"}
        self.delivered.append(message_id)
        return 202, {"id": message_id, "state": "Pending"}


class FakeTelegram(FakeAPI):
    """Telegram Bot API: ``POST /bot<token>/sendMessage`` answered as Telegram does."""

    def __init__(self, port: int = 0, token: str = "123456:TEST-token"):
        self.token = token
        self.sent: list[dict] = []
        super().__init__(port, self._respond)

    def _respond(self, call):
        if call["path"] != f"/bot{self.token}/sendMessage":
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        self.sent.append(call["body"])
        chat_id = call["body"]["chat_id"]
        return 200, {
            "ok": True,
            "result": {
                "message_id": 9000 + len(self.sent),
                "from": {"id": 123456, "is_bot": True, "first_name": "Balai"},
                "chat": {"id": int(chat_id), "type": "private"},
                "date": 1733300100,
                "text": call["body"]["text"],
            },
        }


class FakeWhatsApp(FakeAPI):
    """WhatsApp Cloud API: ``POST /<phone-number-id>/messages`` with the bearer token."""

    def __init__(
        self,
        port: int = 0,
        phone_id: str = "106540352242922",
        token: str = "EAAG-test-token",
    ):
        self.phone_id, self.token = phone_id, token
        self.sent: list[dict] = []
        super().__init__(port, self._respond)

    def _respond(self, call):
        if call["headers"].get("Authorization") != f"Bearer {self.token}":
            return 401, {"error": {"message": "Invalid OAuth access token.", "code": 190}}
        if call["path"] != f"/{self.phone_id}/messages":
            return 404, {"error": {"message": "Unknown path", "code": 100}}
        self.sent.append(call["body"])
        return 200, {
            "messaging_product": "whatsapp",
            "contacts": [{"input": call["body"]["to"], "wa_id": call["body"]["to"]}],
            "messages": [{"id": f"wamid.TEST{len(self.sent)}"}],
        }
