#!/usr/bin/env python3
"""The HTTP service behind the "webhook" example provider (docs/providers/README.md).

Pods "run" in memory from the moment they are PUT. Python's standard library only:

    python3 backend.py [port]        # prints "listening on <port>"; port 0 picks a free one

PUT    /pods/<ns>/<name>                   the pod's JSON: run it (again: nothing to do)
DELETE /pods/<ns>/<name>                   forget it
GET    /pods/<ns>/<name>/status            a PodStatus, or 404
GET    /pods                               every pod run here, as a JSON array
GET    /pods/<ns>/<name>/logs/<container>  its log, as text
"""
import json
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PODS = {}
LOCK = threading.Lock()


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def status(entry):
    containers = [
        {"name": c["name"], "image": c.get("image", ""), "ready": True, "started": True,
         "restartCount": 0, "state": {"running": {"startedAt": entry["started"]}}}
        for c in entry["pod"]["spec"]["containers"]]
    return {"startTime": entry["started"], "containerStatuses": containers}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_PUT(self):
        parts = self.path.strip("/").split("/")
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if len(parts) != 3 or parts[0] != "pods":
            return self.reply(404, "text/plain", "no such path\n")
        pod = json.loads(body)
        with LOCK:
            known = PODS.get(parts[1] + "/" + parts[2])
            if known is None or known["pod"]["metadata"]["uid"] != pod["metadata"]["uid"]:
                PODS[parts[1] + "/" + parts[2]] = {"pod": pod, "started": now()}
            else:
                known["pod"] = pod
        self.reply(200, "application/json", "{}")

    def do_DELETE(self):
        parts = self.path.strip("/").split("/")
        with LOCK:
            PODS.pop("/".join(parts[1:3]), None)
        self.reply(200, "application/json", "{}")

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        with LOCK:
            if parts == ["pods"]:
                pods = [{"metadata": e["pod"]["metadata"]} for e in PODS.values()]
                return self.reply(200, "application/json", json.dumps(pods))
            entry = PODS.get("/".join(parts[1:3])) if len(parts) >= 4 else None
        if entry is None:
            return self.reply(404, "text/plain", "no such pod\n")
        if parts[3] == "status":
            return self.reply(200, "application/json", json.dumps(status(entry)))
        if parts[3] == "logs" and len(parts) == 5:
            if parts[4] not in [c["name"] for c in entry["pod"]["spec"]["containers"]]:
                return self.reply(404, "text/plain", "no container %s in pod %s/%s\n" % (parts[4], parts[1], parts[2]))
            return self.reply(200, "text/plain", "webhook: %s/%s/%s\n" % tuple(parts[1:3] + [parts[4]]))
        self.reply(404, "text/plain", "no such path\n")

    def reply(self, code, kind, text):
        data = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8080), Handler)
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
