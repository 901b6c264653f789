#!/usr/bin/env python3
"""A stand-in for the Telegram Bot API and the WhatsApp Cloud API on this machine, to try the webhooks offline.

Answers every Telegram method (POST /bot<token>/<method>) with {"ok": true, "result": {"message_id": N, ...}} and every
WhatsApp send (POST /<version>/<phone-number-id>/messages) with {"messages": [{"id": "wamid.fake-N"}]}: the fields the
service reads back (a reply without them is retried as not sent). Prints one line per call: the method, the chat it
goes to, the text, and each button as "label = id", the id a press sends back (Telegram's callback_query.data,
WhatsApp's button_reply.id or list_reply.id). A file the person "sends" (any Telegram file_id, any WhatsApp media id)
is served as one small synthetic PNG, through Telegram's getFile and /file/bot<token>/<file_path> and WhatsApp's
GET /<version>/<media-id> and its download URL, so files in a chat can be tried too. Synthetic data only; it keeps
nothing.

    python3 docs/fake-platforms.py [port]        # default port 8099
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count

# Ids go on rising when the fake is restarted, as a platform's do: the service keeps the ids of what it sent (for the
# quick exit's deletion, the buttons' removal and WhatsApp's statuses), and an id given out again would point at an
# older message. Milliseconds since the epoch, kept well within Telegram's 31-bit message ids (they wrap every 24 days).
ids = count(int(time.time() * 1000) % (2**31 - 2**24))
# a 1x1 PNG: every file "sent" in the offline chat
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201d2a3a2fa0000000049454e44ae426082")


class Fake(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keeps the connection open, as the service's HTTP client expects

    def do_GET(self):
        port = self.server.server_address[1]
        if self.path.startswith("/file/bot") or self.path.startswith("/media-download/"):  # a file's bytes
            return self.answer(PNG, "image/png")
        path = self.path.split("?", 1)[0]
        if path.count("/") == 2 and not path.endswith("/messages"):  # WhatsApp: GET /<version>/<media-id>
            media_id = path.rsplit("/", 1)[-1]
            return self.answer(json.dumps({"messaging_product": "whatsapp", "id": media_id, "mime_type": "image/png",
                                           "sha256": "fake", "file_size": len(PNG),
                                           "url": f"http://127.0.0.1:{port}/media-download/{media_id}"}).encode())
        return self.do_POST()

    def answer(self, data, content_type="application/json"):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)) or 0)
        try:
            request = json.loads(body or b"{}")
        except ValueError:
            request = {}
        n = next(ids)
        if self.path.endswith("/messages"):  # WhatsApp Cloud API
            interactive = request.get("interactive") or {}
            text = (request.get("text") or {}).get("body") or (interactive.get("body") or {}).get("text")
            action = interactive.get("action") or {}
            # the choices with the ids a reply carries back (button_reply.id, list_reply.id)
            choices = [f"{b['reply']['title']} = {b['reply']['id']}" for b in action.get("buttons", []) if "reply" in b]
            choices += [f"{r.get('title')} = {r.get('id')}" for s in action.get("sections", []) for r in s.get("rows", [])]
            print(f"whatsapp {request.get('type')} to {request.get('to') or request.get('recipient')} (wamid.fake-{n}): {text!r} {choices or ''}", flush=True)
            answer = {"messaging_product": "whatsapp", "contacts": [{"input": request.get("to"), "wa_id": request.get("to")}],
                      "messages": [{"id": f"wamid.fake-{n}"}]}
        else:  # Telegram Bot API: /bot<token>/<method>
            method = self.path.rsplit("/", 1)[-1]
            # the buttons with the data a press carries back (callback_query.data)
            buttons = [f"{b.get('text')} = {b.get('callback_data')}" for row in (request.get("reply_markup") or {}).get("inline_keyboard", [])
                       for b in row]
            shown = request.get("text") if "text" in request else request.get("caption", "")
            # a sent message's message_id is what a reply quotes (reply_to_message.message_id)
            sent = f" (message_id {n})" if method.lower().startswith("send") else ""
            print(f"telegram {method} to {request.get('chat_id', '-')}{sent}: {shown!r} {buttons or ''}", flush=True)
            result = {"message_id": n, "date": 1700000000, "chat": {"id": request.get("chat_id", 0), "type": "private"},
                      "text": request.get("text", "")}
            if method == "getFile":  # a File: where to download it (served by do_GET)
                file_id = str(request.get("file_id", "file"))
                result = {"file_id": file_id, "file_unique_id": f"u{n}", "file_size": len(PNG), "file_path": f"photos/{n}.png"}
            answer = {"ok": True, "result": result if method.startswith(("send", "edit", "getFile")) else True}
        self.answer(json.dumps(answer).encode())

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8099
    print(f"fake Telegram and WhatsApp on http://127.0.0.1:{port}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Fake).serve_forever()
