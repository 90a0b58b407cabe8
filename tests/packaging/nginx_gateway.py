#!/usr/bin/env python3
"""A real nginx, loaded with packaging/nginx/drillstudio.conf, in front of `drillstudio serve`.

The old frontend's calls go through the gateway route /api/video-generation/: the health check,
POST /generate with the password, GET /status/{run_id}, and GET /download/{video_id} with Range.
Only the two addresses of the example are changed (nginx's listening port and the server's port),
both on loopback. Usage: nginx_gateway.py DRILLSTUDIO EXAMPLE_CONF [NGINX]
DRILLSTUDIO is the program to start, or port:N for a server already running on 127.0.0.1:N (the
container check of packaging/check-deb.sh); its password is then DRILLSTUDIO_GENERATION_PASSWORD.
"""
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile

PREFIX = "/api/video-generation"


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request(method, path, body=body, headers=headers or {})
    answer = conn.getresponse()
    data = answer.read()
    conn.close()
    return answer.status, {k.lower(): v for k, v in answer.getheaders()}, data


def main():
    drillstudio, example = sys.argv[1], sys.argv[2]
    nginx = sys.argv[3] if len(sys.argv) > 3 else "/usr/sbin/nginx"
    work = tempfile.mkdtemp(prefix="drillstudio-nginx-")
    server = None
    nginx_args = None
    try:
        if drillstudio.startswith("port:"):
            server_port = int(drillstudio[len("port:"):])
            password = os.environ.get("DRILLSTUDIO_GENERATION_PASSWORD", "")
            check(password, "DRILLSTUDIO_GENERATION_PASSWORD is not set for the running server")
        else:
            password = secrets.token_urlsafe(18)
            env = dict(os.environ, DRILLSTUDIO_GENERATION_PASSWORD=password,
                       QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8")
            server = subprocess.Popen([drillstudio, "serve", "--host", "127.0.0.1", "--port", "0",
                                       "--data-dir", os.path.join(work, "data")],
                                      env=env, stdout=subprocess.PIPE, text=True)
            first = server.stdout.readline()
            m = re.match(r"listening on http://127\.0\.0\.1:(\d+)", first)
            check(m, "drillstudio serve did not say where it listens: %r" % first)
            server_port = int(m.group(1))

        # The example as shipped, with its two addresses moved to the ports of this test.
        site = open(example, encoding="utf-8").read()
        site, n_listen = re.subn(r"listen 80;", "listen 127.0.0.1:%d;" % free_port(), site)
        site, n_upstream = re.subn(r"server 127\.0\.0\.1:8006;",
                                   "server 127.0.0.1:%d;" % server_port, site)
        check(n_listen == 1 and n_upstream == 1,
              "the example no longer has one 'listen 80;' and one 'server 127.0.0.1:8006;'")
        gateway_port = int(re.search(r"listen 127\.0\.0\.1:(\d+);", site).group(1))
        with open(os.path.join(work, "site.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        for d in ("logs", "temp"):
            os.makedirs(os.path.join(work, d), exist_ok=True)
        temp = os.path.join(work, "temp")
        with open(os.path.join(work, "nginx.conf"), "w", encoding="utf-8") as f:
            f.write("""pid %(w)s/nginx.pid;
error_log %(w)s/logs/error.log;
events { worker_connections 64; }
http {
    access_log %(w)s/logs/access.log;
    client_body_temp_path %(t)s/body; proxy_temp_path %(t)s/proxy;
    fastcgi_temp_path %(t)s/fastcgi; uwsgi_temp_path %(t)s/uwsgi; scgi_temp_path %(t)s/scgi;
    include %(w)s/site.conf;
}
""" % {"w": work, "t": temp})
        nginx_args = [nginx, "-p", work, "-c", os.path.join(work, "nginx.conf"),
                      "-e", os.path.join(work, "logs", "error.log")]

        # The loaded configuration keeps the old gateway's timeout on the route.
        dump = subprocess.run(nginx_args + ["-T"], capture_output=True, text=True)
        check(dump.returncode == 0, "nginx refuses the example:\n" + dump.stderr)
        route = re.search(r"location /api/video-generation/ \{(.*?)\n    \}", dump.stdout, re.S)
        check(route, "the example has no location /api/video-generation/")
        check(re.search(r"proxy_read_timeout 300s;", route.group(1)),
              "the route does not keep the old gateway's 300 s read timeout")

        # In daemon mode nginx returns once its listening socket is bound.
        started = subprocess.run(nginx_args, capture_output=True, text=True)
        check(started.returncode == 0, "nginx did not start:\n" + started.stderr)

        status, _, body = request(gateway_port, "GET", PREFIX + "/")
        check(status == 200, "GET %s/ through nginx: %d %r" % (PREFIX, status, body[:200]))
        print("GET %s/ -> %d %s" % (PREFIX, status, body[:80].decode("utf-8", "replace")))

        status, headers, _ = request(gateway_port, "GET", "/status/1")
        check(status in (403, 404) and "json" not in headers.get("content-type", ""),
              "nginx forwards paths outside the route (GET /status/1: %d)" % status)

        run_id = 4242
        generate = {"run_id": run_id, "drill_text": "【💪 おすすめの補強ドリル】 もも上げ 20m×3",
                    "size": "320x180", "seconds": "1"}
        status, _, body = request(gateway_port, "POST", PREFIX + "/generate",
                                  json.dumps(dict(generate, password="wrong")),
                                  {"Content-Type": "application/json"})
        check(status == 401, "a wrong password through nginx: %d %r" % (status, body[:200]))

        status, _, body = request(gateway_port, "POST", PREFIX + "/generate",
                                  json.dumps(dict(generate, password=password)),
                                  {"Content-Type": "application/json"})
        check(status == 200, "POST generate through nginx: %d %r" % (status, body[:300]))
        check(password.encode() not in body, "the password came back in the answer")
        answer = json.loads(body)
        check(answer.get("status") == "success", "generate: %r" % answer)
        video_url = answer.get("video_url", "")
        check(video_url.startswith(PREFIX + "/download/"), "video_url %r" % video_url)
        print("POST %s/generate -> %d %s" % (PREFIX, status, video_url))

        status, _, body = request(gateway_port, "GET", "%s/status/%d" % (PREFIX, run_id))
        check(status == 200, "GET status through nginx: %d %r" % (status, body[:200]))
        state = json.loads(body)
        check(state.get("status") == "success" and state.get("video_url") == video_url,
              "status: %r" % state)
        print("GET %s/status/%d -> %d" % (PREFIX, run_id, status))

        status, headers, whole = request(gateway_port, "GET", video_url)
        check(status == 200 and headers.get("content-type") == "video/mp4",
              "download: %d %r" % (status, headers))
        check(len(whole) > 1000 and whole[4:8] == b"ftyp", "the download is not an MP4")
        status, headers, part = request(gateway_port, "GET", video_url,
                                        headers={"Range": "bytes=100-1099"})
        check(status == 206, "download with Range through nginx: %d" % status)
        check(headers.get("content-range") == "bytes 100-1099/%d" % len(whole),
              "Content-Range %r" % headers.get("content-range"))
        check(part == whole[100:1100], "the range's bytes differ from the whole file's")
        print("GET %s with Range bytes=100-1099 -> %d %s" % (video_url, status,
                                                            headers.get("content-range")))
        print("PASS")
    finally:
        if nginx_args and os.path.exists(os.path.join(work, "nginx.pid")):
            subprocess.run(nginx_args + ["-s", "stop"], capture_output=True)
        if server:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
