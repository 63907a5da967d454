#!/usr/bin/env python3
"""A reference backend for the "web" provider (docs/providers/web.md): the HTTP contract of the Go
virtual-kubelet's web provider. Pods "run" in memory; Python's standard library only.

    python3 backend.py [port] [--pods N] [--token-file F] [--tls-cert F --tls-key F [--client-ca F]]
        prints "listening on <port>"; port 0 picks a free one. --pods: the capacity in pods (110);
        --token-file: every contract call must carry "Authorization: Bearer <the file's content>"
        (read again on each call), else 401; --tls-cert/--tls-key: HTTPS with that certificate
        and key (PEM); --client-ca: clients must present a certificate of that CA (mutual TLS).

The contract:
    POST   /createPod                  the pod's JSON: run it (same UID again: nothing to do);
                                       400 with its text for a pod annotated web.example.com/refuse
    PUT    /updatePod                  the pod's JSON: take its new spec (404 when unknown)
    DELETE /deletePod                  the pod's JSON: stop it (404 when unknown)
    GET    /getPod?namespace=&name=    the pod with its status, 404 when unknown
    GET    /getPodStatus?namespace=&name=   its PodStatus, 404 when unknown
    GET    /getPods                    every pod, a JSON array
    GET    /getContainerLogs?namespace=&podName=&containerName=&tail=   text; tail 0: all
    GET    /capacity                   a resource map
    GET    /nodeConditions             NodeConditions
    GET    /nodeAddresses              NodeAddresses
For tests and the benchmark:
    GET    /stats                      {"requests": {path: count}, "pods": n}
    POST   /fail?status=500            answer every contract call with that status (0: work again)
    POST   /log?namespace=&podName=&containerName=   add the body as a line to that log
"""
import json
import ssl
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PODS = {}
REQUESTS = {}
LOCK = threading.Lock()
SETTINGS = {"failing": 0, "pods": "110", "token-file": None, "tls-cert": None, "tls-key": None,
            "client-ca": None}
LOG_LINES = 5
REFUSE_ANNOTATION = "web.example.com/refuse"


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def key(namespace, name):
    return namespace + "/" + name


def container_status(container, started, uid):
    return {"name": container["name"], "image": container.get("image", ""), "ready": True,
            "started": True, "restartCount": 0, "containerID": "web://%s/%s" % (uid, container["name"]),
            "state": {"running": {"startedAt": started}}}


def status(entry):
    spec = entry["pod"].get("spec", {})
    started = entry["started"]
    return {"startTime": started,
            "initContainerStatuses": [
                {"name": c["name"], "image": c.get("image", ""), "ready": True,
                 "restartCount": 0, "state": {"terminated": {
                     "exitCode": 0, "reason": "Completed", "startedAt": started,
                     "finishedAt": started}}}
                for c in spec.get("initContainers", [])],
            "containerStatuses": [container_status(c, started, entry["pod"]["metadata"]["uid"])
                                  for c in spec.get("containers", [])]}


def with_status(entry):
    pod = dict(entry["pod"])
    pod["status"] = status(entry)
    return pod


def log_lines(entry, container):
    return ["%s %s/%s: line %d" % (entry["started"], entry["pod"]["metadata"]["name"], container, i)
            for i in range(1, LOG_LINES + 1)] + entry.get("added", {}).get(container, [])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path == "/fail":
            SETTINGS["failing"] = int(parse_qs(url.query).get("status", ["500"])[0])
            return self.reply(200, {})
        if url.path == "/log":
            return self.add_log_line({k: v[0] for k, v in parse_qs(url.query).items()})
        if url.path != "/createPod":
            return self.not_found(url.path)
        if self.counted(url.path):
            return None
        pod = self.pod()
        refusal = (pod["metadata"].get("annotations") or {}).get(REFUSE_ANNOTATION)
        if refusal:
            return self.reply(400, refusal)
        with LOCK:
            known = PODS.get(key(pod["metadata"]["namespace"], pod["metadata"]["name"]))
            if known is None or known["pod"]["metadata"]["uid"] != pod["metadata"]["uid"]:
                PODS[key(pod["metadata"]["namespace"], pod["metadata"]["name"])] = {
                    "pod": pod, "started": now()}
        self.reply(200, {})

    def do_PUT(self):
        url = urlsplit(self.path)
        if url.path != "/updatePod":
            return self.not_found(url.path)
        if self.counted(url.path):
            return None
        pod = self.pod()
        with LOCK:
            known = PODS.get(key(pod["metadata"]["namespace"], pod["metadata"]["name"]))
            if known is None:
                return self.reply(404, {"error": "no such pod"})
            known["pod"] = pod
        self.reply(200, {})

    def do_DELETE(self):
        url = urlsplit(self.path)
        if url.path != "/deletePod":
            return self.not_found(url.path)
        if self.counted(url.path):
            return None
        pod = self.pod()
        with LOCK:
            gone = PODS.pop(key(pod["metadata"]["namespace"], pod["metadata"]["name"]), None)
        self.reply(404 if gone is None else 200, {})

    def do_GET(self):
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/stats":
            with LOCK:
                return self.reply(200, {"requests": dict(REQUESTS), "pods": len(PODS)})
        if self.counted(url.path):
            return None
        with LOCK:
            if url.path == "/getPods":
                return self.reply(200, [with_status(e) for e in PODS.values()])
            if url.path in ("/getPod", "/getPodStatus"):
                entry = PODS.get(key(query.get("namespace", ""), query.get("name", "")))
                if entry is None:
                    return self.reply(404, {"error": "no such pod"})
                return self.reply(200, with_status(entry) if url.path == "/getPod" else status(entry))
            if url.path == "/getContainerLogs":
                return self.logs(query)
        if url.path == "/capacity":
            return self.reply(200, {"cpu": "16", "memory": "64Gi", "pods": SETTINGS["pods"]})
        if url.path == "/nodeConditions":
            return self.reply(200, [{"type": "Ready", "status": "True", "reason": "BackendReady",
                                     "message": "the reference web backend is serving"}])
        if url.path == "/nodeAddresses":
            return self.reply(200, [{"type": "ExternalIP", "address": "198.51.100.10"}])
        self.not_found(url.path)

    def logs(self, query):
        entry = PODS.get(key(query.get("namespace", ""), query.get("podName", "")))
        names = [c["name"] for c in entry["pod"]["spec"]["containers"]] if entry else []
        if query.get("containerName") not in names:
            return self.reply(404, "container %s is not in pod %s/%s\n" % (
                query.get("containerName"), query.get("namespace"), query.get("podName")))
        lines = log_lines(entry, query["containerName"])
        tail = int(query.get("tail", "0") or "0")
        text = "".join(line + "\n" for line in (lines[-tail:] if tail > 0 else lines))
        self.reply(200, text)

    def add_log_line(self, query):
        line = self.body().decode("utf-8").rstrip("\n")
        with LOCK:
            entry = PODS.get(key(query.get("namespace", ""), query.get("podName", "")))
            if entry is None:
                return self.reply(404, {"error": "no such pod"})
            entry.setdefault("added", {}).setdefault(query.get("containerName"), []).append(line)
        return self.reply(200, {})

    def counted(self, path):
        """Counts the call; answers it with the failure status while failing (then True)."""
        with LOCK:
            REQUESTS[path] = REQUESTS.get(path, 0) + 1
        if SETTINGS["token-file"] and not self.authorized():
            self.pod_if_sent()
            self.reply(401, {"error": "a bearer token is needed"})
            return True
        if SETTINGS["failing"]:
            self.pod_if_sent()
            self.reply(SETTINGS["failing"], {"error": "the backend is failing on purpose"})
            return True
        return False

    def authorized(self):
        with open(SETTINGS["token-file"], encoding="utf-8") as token:
            return self.headers.get("Authorization") == "Bearer " + token.read().strip()

    def pod_if_sent(self):
        self.body()

    def pod(self):
        return json.loads(self.body())

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length", 0)))
        data = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0], 16)
            data += self.rfile.read(size)
            self.rfile.readline()
            if size == 0:
                return data

    def not_found(self, path):
        self.reply(404, {"error": "no such path " + path})

    def reply(self, code, body):
        text = body if isinstance(body, str) else json.dumps(body)
        data = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main(args):
    port = 0
    for option in ("--pods", "--token-file", "--tls-cert", "--tls-key", "--client-ca"):
        if option in args:
            at = args.index(option)
            SETTINGS[option[2:]] = args[at + 1]
            args = args[:at] + args[at + 2:]
    if args:
        port = int(args[0])
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    if SETTINGS["tls-cert"]:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(SETTINGS["tls-cert"], SETTINGS["tls-key"])
        if SETTINGS["client-ca"]:
            context.load_verify_locations(SETTINGS["client-ca"])
            context.verify_mode = ssl.CERT_REQUIRED
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
