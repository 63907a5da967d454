#!/usr/bin/env python3
"""A small interLink plugin, written from interLink's Go types and handlers (Python standard library only).

It runs each pod's containers on this machine, honestly but without images: a container's command
and args run as a process (`sh -c ...`, `python3 -c ...`) in a directory of the pod's own, where
its volumes are written as interLink ships them (ConfigMaps, Secrets, projected maps); every mount
path in the command, and in the text files of its volumes (a script that writes to another mount),
is rewritten to that directory. A memory limit is the process's address-space limit, so that an
allocation beyond it fails. Init containers run one after another, then the regular ones together. A container without a command has no entrypoint the fake could know:
it runs, doing nothing, until the pod is deleted.

    fake_plugin.py --port 0            # TCP on 127.0.0.1, prints "listening on <port>"
    fake_plugin.py --socket PATH       # a unix socket, prints "listening on <path>"

Options: --create-body object|array (the shape /create accepts), --token-file FILE (requests must
carry "Authorization: Bearer <its content>", read on each request), --resources JSON (the
"resources" a ping reports), --taints JSON (the "taints" a ping reports, a list of {"key", "value",
"effect"}), --tls-cert/--tls-key/--client-ca (HTTPS, mutual when a CA is given). A ping is
/pinglink (the API server's) or /status with no pod (the plugin's, which the API server relays):
with resources or taints to report, both answer a PingResponse object.

Test hooks, outside interLink's API: GET /_counts (requests by path; a ping's /status apart as
"/status (ping)"), POST /_answer {"status": 503} (every interLink call answers that status until
it is set back to 0), POST /_taints with a list (what pings report as "taints" from now on; null:
pings report none, leaving the node's), and a pod annotated fake-plugin.interlink/refuse:
<message> is refused by /create with a 400 and that message.
"""
import argparse
import base64
import json
import os
import re
import resource
import shutil
import signal
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
PODS = {}  # uid -> FakePod
COUNTS = {}
ANSWER = {"status": 0}
TAINTS = {"reported": None}
REFUSE = "fake-plugin.interlink/refuse"
OPTIONS = None


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Container:
    def __init__(self, spec, pod):
        self.spec = spec
        self.pod = pod
        self.name = spec["name"]
        self.log = os.path.join(pod.root, "logs", self.name + ".log")
        self.state = {"waiting": {"reason": "ContainerCreating"}}
        self.process = None
        self.started = None

    def run(self):
        argv = [self.pod.rewrite(a) for a in (self.spec.get("command") or []) + (self.spec.get("args") or [])]
        self.started = now()
        if not argv:
            self.state = {"running": {"startedAt": self.started}}
            self.pod.stopped.wait()
            return self.finish(137)
        argv[0] = executable(argv[0])
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.pod.root}
        for var in self.spec.get("env") or []:
            env[var["name"]] = var.get("value", "")
        workdir = self.pod.rewrite(self.spec.get("workingDir") or self.pod.work)
        os.makedirs(workdir, exist_ok=True)
        with open(self.log, "ab") as out:
            limit = memory_limit(self.spec)
            try:
                self.process = subprocess.Popen(argv, cwd=workdir, env=env, stdout=out, stderr=out,
                                                stdin=subprocess.DEVNULL, start_new_session=True,
                                                preexec_fn=(lambda: limit_memory(limit)) if limit else None)
            except OSError as e:
                out.write(("exec %s: %s\n" % (argv[0], e.strerror)).encode())
                return self.finish(127)
            self.state = {"running": {"startedAt": self.started}}
            code = self.process.wait()
        return self.finish(128 - code if code < 0 else code)

    def finish(self, code):
        self.state = {"terminated": {"exitCode": code, "reason": "Completed" if code == 0 else "Error",
                                     "startedAt": self.started, "finishedAt": now()}}
        return code

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)

    def status(self):
        running = "running" in self.state
        return {"name": self.name, "image": self.spec.get("image", ""), "imageID": "",
                "containerID": "fake://%s/%s" % (self.pod.uid, self.name), "ready": running,
                "started": running, "restartCount": 0, "state": self.state}


UNITS = {"Ki": 1024, "Mi": 1024 ** 2, "Gi": 1024 ** 3, "K": 1000, "M": 1000 ** 2, "G": 1000 ** 3}


def memory_limit(spec):
    """The container's memory limit in bytes, or None."""
    value = ((spec.get("resources") or {}).get("limits") or {}).get("memory")
    if not value:
        return None
    for unit, factor in UNITS.items():
        if value.endswith(unit):
            return int(float(value[:-len(unit)]) * factor)
    return int(value)


def limit_memory(limit):
    """A memory limit as the process's address space: an allocation beyond it fails."""
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def executable(name):
    if os.path.isabs(name) and os.path.exists(name):
        return name
    base = os.path.basename(name)
    if shutil.which(base):
        return base
    if base == "python" and shutil.which("python3"):
        return "python3"
    return name


class FakePod:
    def __init__(self, data):
        pod = data["pod"]
        meta = pod["metadata"]
        self.pod = pod
        self.uid, self.name, self.namespace = meta["uid"], meta["name"], meta["namespace"]
        self.jid = "fake-" + uuid.uuid4().hex[:12]
        self.root = tempfile.mkdtemp(prefix="pod-%s-" % self.name)
        self.work = os.path.join(self.root, "work")
        self.stopped = threading.Event()
        os.makedirs(os.path.join(self.root, "logs"))
        spec = pod["spec"]
        self.init = [Container(c, self) for c in spec.get("initContainers") or []]
        self.containers = [Container(c, self) for c in spec.get("containers") or []]
        self.mounts = {}
        written = self.write_volumes(spec, shipped_by_container(data, spec))
        paths = sorted(self.mounts, key=len, reverse=True)
        self.pattern = re.compile("(?<![\\w./-])(" + "|".join(map(re.escape, paths)) + ")") if paths else None
        for target in written:
            rewrite_file(target, self.rewrite)

    def write_volumes(self, spec, shipped):
        written = []
        volumes = {v["name"]: v for v in spec.get("volumes") or []}
        for c in (spec.get("initContainers") or []) + (spec.get("containers") or []):
            data = shipped.get(c["name"], {})
            for mount in c.get("volumeMounts") or []:
                volume = volumes.get(mount["name"], {})
                directory = os.path.join(self.root, "volumes", mount["name"])
                os.makedirs(directory, exist_ok=True)
                for path, content in files(volume, data):
                    target = os.path.join(directory, path)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "wb") as f:
                        f.write(content)
                    written.append(target)
                self.mounts[mount["mountPath"].rstrip("/") or "/"] = directory
        return written

    def rewrite(self, text):
        return self.pattern.sub(lambda m: self.mounts[m.group(1)], text) if self.pattern else text

    def run(self):
        for c in self.init:
            if c.run() != 0:
                return
        threads = [threading.Thread(target=c.run, daemon=True) for c in self.containers]
        for t in threads:
            t.start()

    def delete(self):
        self.stopped.set()
        for c in self.init + self.containers:
            c.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def status(self):
        return {"name": self.name, "UID": self.uid, "namespace": self.namespace, "JID": self.jid,
                "containers": [c.status() for c in self.containers],
                "initContainers": [c.status() for c in self.init]}

    def container(self, name):
        return next((c for c in self.init + self.containers if c.name == name), None)


def shipped_by_container(data, spec):
    """Each container's volume data: as a plugin gets it, or from an API server's whole lists."""
    if "container" in data:
        return {c["name"]: c for c in data.get("container") or []}
    whole = {"configMaps": data.get("configmaps"), "secrets": data.get("secrets"),
             "projectedvolumemaps": data.get("projectedvolumesmaps")}
    return {c["name"]: whole for c in (spec.get("initContainers") or []) + (spec.get("containers") or [])}


def rewrite_file(path, rewrite):
    """A script in a volume names mount paths too: they are rewritten like the command's."""
    with open(path, "rb") as f:
        content = f.read()
    try:
        text = content.decode()
    except UnicodeDecodeError:
        return
    changed = rewrite(text)
    if changed != text:
        with open(path, "w") as f:
            f.write(changed)


def files(volume, data):
    """The (path, bytes) of one volume, from what interLink shipped for the container."""
    if "configMap" in volume:
        found = named(data.get("configMaps"), volume["configMap"]["name"])
        return keyed(found, volume["configMap"].get("items"), False)
    if "secret" in volume:
        found = named(data.get("secrets"), volume["secret"]["secretName"])
        return keyed(found, volume["secret"].get("items"), True)
    if "projected" in volume:
        found = named(data.get("projectedvolumemaps"), volume["name"])
        return keyed(found, None, False)
    return []


def named(objects, name):
    return next((o for o in objects or [] if o["metadata"]["name"] == name), None)


def keyed(found, items, encoded):
    if found is None:
        return []
    values = {k: base64.b64decode(v) if encoded else v.encode() for k, v in (found.get("data") or {}).items()}
    values.update({k: base64.b64decode(v) for k, v in (found.get("binaryData") or {}).items()})
    if items:
        return [(i["path"], values[i["key"]]) for i in items if i["key"] in values]
    return list(values.items())


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.route()

    def do_POST(self):
        self.route()

    def do_DELETE(self):
        self.route()

    def route(self):
        path = self.path.split("?")[0]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        counted = path + " (ping)" if path == "/status" and body.strip() == b"[]" else path
        with LOCK:
            COUNTS[counted] = COUNTS.get(counted, 0) + 1
        if path == "/_counts":
            return self.reply(200, COUNTS)
        if path == "/_answer":
            ANSWER["status"] = json.loads(body)["status"]
            return self.reply(200, ANSWER)
        if path == "/_taints":
            TAINTS["reported"] = json.loads(body)
            return self.reply(200, TAINTS)
        if ANSWER["status"]:
            return self.reply(ANSWER["status"], "answering %d on purpose" % ANSWER["status"])
        if OPTIONS.token_file and not self.authorized():
            return self.reply(401, "missing or wrong bearer token")
        handler = {"/create": self.create, "/delete": self.delete, "/status": self.status,
                   "/getLogs": self.logs, "/pinglink": self.ping}.get(path)
        if handler is None:
            return self.reply(404, "no such path: " + path)
        try:
            handler(json.loads(body) if body else None)
        except (KeyError, TypeError, ValueError) as e:
            self.reply(400, "bad request: %r" % e)

    def authorized(self):
        with open(OPTIONS.token_file) as f:
            return self.headers.get("Authorization") == "Bearer " + f.read().strip()

    def create(self, body):
        array = OPTIONS.create_body == "array"
        if isinstance(body, list) != array:
            return self.reply(400, "this plugin takes /create as an %s" % OPTIONS.create_body)
        answers = []
        for data in body if array else [body]:
            refusal = (data["pod"]["metadata"].get("annotations") or {}).get(REFUSE)
            if refusal:
                return self.reply(400, refusal)
            uid = data["pod"]["metadata"]["uid"]
            with LOCK:
                pod = PODS.get(uid)
                if pod is None:
                    pod = PODS[uid] = FakePod(data)
                    threading.Thread(target=pod.run, daemon=True).start()
            answers.append({"PodUID": uid, "PodJID": pod.jid})
        self.reply(200, answers if array else answers[0])

    def delete(self, pod):
        with LOCK:
            found = PODS.pop(pod["metadata"]["uid"], None)
        if found:
            found.delete()
        self.reply(200, "deleted" if found else "not found, nothing to delete")

    def status(self, pods):
        if not pods and (OPTIONS.resources or TAINTS["reported"] is not None):
            # interLink's API server answers /pinglink with the plugin's answer to this ping.
            return self.ping(None)
        with LOCK:
            known = [PODS[p["metadata"]["uid"]] for p in pods or [] if p["metadata"]["uid"] in PODS]
        self.reply(200, [p.status() for p in known])

    def ping(self, _):
        answer = {"status": "ok"}
        if OPTIONS.resources:
            answer["resources"] = json.loads(OPTIONS.resources)
        if TAINTS["reported"] is not None:
            answer["taints"] = TAINTS["reported"]
        self.reply(200, answer)

    def logs(self, request):
        with LOCK:
            pod = PODS.get(request["PodUID"])
        container = pod.container(request["ContainerName"]) if pod else None
        if container is None:
            return self.reply(404, "no container %s in pod %s" % (request["ContainerName"], request["PodName"]))
        opts = request.get("Opts") or {}
        if not opts.get("Follow"):
            return self.reply(200, tail(read(container.log), opts), "text/plain")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        offset = 0
        while True:
            data = read(container.log)[offset:]
            if data:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()
                offset += len(data)
            elif "terminated" in container.state or pod.stopped.is_set():
                break
            time.sleep(0.2)
        self.wfile.write(b"0\r\n\r\n")

    def reply(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else (
            json.dumps(body) if content_type == "application/json" and not isinstance(body, str) else body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""


def tail(data, opts):
    if opts.get("Tail"):
        data = b"".join(data.splitlines(keepends=True)[-opts["Tail"]:])
    limit = opts.get("Bytes") or opts.get("LimitBytes")
    return data[:limit] if limit else data


class UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def main():
    global OPTIONS
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int)
    parser.add_argument("--socket")
    parser.add_argument("--create-body", choices=["object", "array"], default="object")
    parser.add_argument("--token-file")
    parser.add_argument("--resources")
    parser.add_argument("--taints")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--client-ca")
    OPTIONS = parser.parse_args()
    if OPTIONS.taints:
        TAINTS["reported"] = json.loads(OPTIONS.taints)
    if OPTIONS.socket:
        if os.path.exists(OPTIONS.socket):
            os.unlink(OPTIONS.socket)
        server = UnixServer(OPTIONS.socket, Handler)
        where = OPTIONS.socket
    else:
        server = ThreadingHTTPServer(("127.0.0.1", OPTIONS.port or 0), Handler)
        server.daemon_threads = True
        where = server.server_address[1]
    if OPTIONS.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(OPTIONS.tls_cert, OPTIONS.tls_key)
        if OPTIONS.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(OPTIONS.client_ca)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("listening on %s" % where, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    finally:
        for pod in list(PODS.values()):
            pod.delete()


if __name__ == "__main__":
    main()
