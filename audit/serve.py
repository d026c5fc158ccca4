"""Serve site/ on 127.0.0.1 the way a static host or CDN does: gzip for text,
long caching for fingerprinted assets, and the site's own 404 page.

    python audit/serve.py [--port 8001] [--root site]
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import threading
from functools import partial
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as every real static host offers
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".json": "application/json"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
            if not path.is_file():
                self.send_error(404)
                return None
        body = path.read_bytes()
        gz = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            body = gzip.compress(body, compresslevel=9, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        immutable = "/assets/" in self.path and ".min." in path.name
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "public, max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(root: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving root in a thread; returns the server and its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, default=8001)
    ap.add_argument("--root", default="site")
    args = ap.parse_args()
    httpd, url = serve(Path(args.root), args.port)
    print(f"serving {args.root}/ gzip-compressed on {url}")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        httpd.shutdown()
