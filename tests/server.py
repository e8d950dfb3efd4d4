#!/usr/bin/env python3
# server.py: a loopback HTTP/1.1 server with misbehaving routes for the fetch and CLI tests.
# Standard library only; it serves canned routes and files, it does not check what clients do with them.
"""Loopback HTTP/1.1 test server.

Binds 127.0.0.1 (or --bind ADDRESS) on a free port, prints "PORT <n>" as its first line of
standard output, and serves until --max-seconds have passed, SIGTERM or
SIGINT arrives, or (with --watch-stdin) its standard input reaches end of
file, which happens when the test program that started it dies.

Routes are data: ROUTES below maps a path to a route definition, a dict whose
"kind" names a handler in KINDS and whose other keys are that handler's
parameters. --routes FILE adds or replaces routes from a JSON object of the
same shape, and --root DIR serves the files below DIR for paths no route
claims, with ETag, Last-Modified and conditional GET. Query strings tune
some routes (/sleep?ms=300, /slow-headers?s=5, /moved?to=URL).

GET /__stats answers JSON counters (requests, conditional requests, 304s,
gzip-encoded answers, the largest number of requests in flight at once, and
the same per path); GET /__reset zeroes them. Neither is counted.
"""

import argparse
import email.utils
import gzip
import hashlib
import json
import mimetypes
import os
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<rss version="2.0"><channel><title>Test feed</title>'
    '<link>http://example.com/</link><description>A feed for the fetch tests'
    '</description>\n'
    + ''.join(
        '<item><title>Item %d</title><link>http://example.com/%d</link>'
        '<guid>http://example.com/%d</guid><description>Body of item %d, '
        'repeated so that compression has something to do.</description>'
        '</item>\n' % (i, i, i, i)
        for i in range(1, 41))
    + '</channel></rss>\n')

FEED_DATE = 'Mon, 01 Jan 2024 00:00:00 GMT'

# The built-in routes. Each value is a route definition: "kind" picks the
# handler in KINDS, the other keys are its parameters.
ROUTES = {
    '/feed.xml': {
        'kind': 'static', 'body': FEED_BODY,
        'content_type': 'application/rss+xml; charset=utf-8',
        'etag': '"feed-v1"', 'last_modified': FEED_DATE,
        'headers': {'Cache-Control': 'public, max-age=3600'},
    },
    '/plain.xml': {
        'kind': 'static', 'body': FEED_BODY, 'gzip': False,
        'content_type': 'text/xml; charset="ISO-8859-1"',
        # A Date of its own after the real one: Expires is measured from it.
        'headers': {'Expires': 'Thu, 01 Jan 2037 01:00:00 GMT',
                    'Date': 'Thu, 01 Jan 2037 00:00:00 GMT'},
    },
    '/moved': {'kind': 'redirect', 'status': 301, 'location': '/feed.xml'},
    '/moved-relative': {'kind': 'redirect', 'status': 308, 'location': 'moved'},
    '/temp': {'kind': 'redirect', 'status': 302, 'location': '/feed.xml'},
    '/moved-then-temp': {'kind': 'redirect', 'status': 301, 'location': '/temp'},
    '/loop': {'kind': 'redirect', 'status': 302, 'location': '/loop'},
    '/to-file': {'kind': 'redirect', 'status': 302,
                 'location': 'file:///etc/passwd'},
    '/404': {'kind': 'status', 'status': 404},
    '/410': {'kind': 'status', 'status': 410},
    '/500': {'kind': 'status', 'status': 500},
    '/429': {'kind': 'status', 'status': 429,
             'headers': {'Retry-After': '120'}},
    '/503': {'kind': 'status', 'status': 503},
    '/503-date': {'kind': 'status', 'status': 503, 'retry_after_date': 90},
    '/huge-header': {'kind': 'huge_header', 'size': 1 << 20},
    '/big-error': {'kind': 'huge', 'status': 500, 'size': 8 << 20},
    '/drip': {'kind': 'drip', 'interval': 1.0},
    '/huge': {'kind': 'huge', 'size': 64 << 20},
    '/gzip-bomb': {'kind': 'gzip_bomb', 'size': 100 << 20},
    '/reset': {'kind': 'reset'},
    '/short': {'kind': 'short'},
    '/slow-headers': {'kind': 'slow_headers', 'seconds': 5},
    '/sleep': {'kind': 'sleep', 'ms': 300},
    '/echo-headers': {'kind': 'echo_headers'},
    '/trailer': {'kind': 'chunked', 'body': FEED_BODY,
                 'headers': {'ETag': '"before"'},
                 'trailers': {'ETag': '"after"'}},
}


class Stats:
    """Request counters, shared by the handler threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.requests = 0
        self.conditional = 0
        self.not_modified = 0
        self.gzip = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.paths = {}

    def path(self, path):
        return self.paths.setdefault(path, {
            'requests': 0, 'conditional': 0, 'not_modified': 0, 'gzip': 0,
            'in_flight': 0, 'max_in_flight': 0})

    def begin(self, path, conditional):
        with self.lock:
            p = self.path(path)
            for counters in (self.__dict__, p):
                counters['requests'] += 1
                counters['in_flight'] += 1
                counters['max_in_flight'] = max(counters['max_in_flight'],
                                                counters['in_flight'])
                if conditional:
                    counters['conditional'] += 1

    def end(self, path):
        with self.lock:
            self.in_flight -= 1
            self.path(path)['in_flight'] -= 1

    def count(self, path, what):
        with self.lock:
            setattr(self, what, getattr(self, what) + 1)
            self.path(path)[what] += 1

    def snapshot(self):
        with self.lock:
            return {
                'requests': self.requests, 'conditional': self.conditional,
                'not_modified': self.not_modified, 'gzip': self.gzip,
                'max_in_flight': self.max_in_flight,
                'paths': json.loads(json.dumps(self.paths)),
            }


def http_date(t):
    return email.utils.formatdate(t, usegmt=True)


def parse_http_date(s):
    try:
        d = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return None if d is None else d.timestamp()


def accepts_gzip(value):
    """True when an Accept-Encoding value allows gzip (RFC 9110 12.5.3)."""
    for item in (value or '').split(','):
        parts = [p.strip() for p in item.split(';')]
        if parts[0].lower() not in ('gzip', 'x-gzip', '*'):
            continue
        q = 1.0
        for p in parts[1:]:
            if p.lower().startswith('q='):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        return q > 0
    return False


def etag_matches(header, etag):
    """Weak comparison of an If-None-Match list (RFC 9110 13.1.2)."""
    if header.strip() == '*':
        return True
    strip = (lambda t: t[2:] if t.startswith('W/') else t)
    return any(strip(t.strip()) == strip(etag) for t in header.split(','))


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'tidings-test-server'

    def version_string(self):
        return self.server_version

    def log_message(self, format, *args):
        if self.server.verbose:
            sys.stderr.write('server: ' + (format % args) + '\n')

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        self.query = dict(urllib.parse.parse_qsl(url.query))
        path = url.path
        stats = self.server.stats
        if path == '/__stats':
            return self.send_body(200, json.dumps(stats.snapshot()) + '\n',
                                  'application/json')
        if path == '/__reset':
            with stats.lock:
                stats.reset()
            return self.send_body(200, 'ok\n', 'text/plain')
        conditional = ('If-None-Match' in self.headers
                       or 'If-Modified-Since' in self.headers)
        stats.begin(path, conditional)
        try:
            route = self.server.routes.get(path)
            if route is None:
                route = self.file_route(path)
            if route is None:
                return self.send_body(404, 'not found\n', 'text/plain')
            KINDS[route.get('kind', 'static')](self, path, route)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            stats.end(path)

    # Helpers shared by the route kinds.

    def send_extra_headers(self, route):
        for name, value in route.get('headers', {}).items():
            self.send_header(name, value)

    def send_body(self, status, body, content_type, route=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        if route is not None:
            self.send_extra_headers(route)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(data)

    def file_route(self, path):
        """A static route for a file under --root, or None."""
        root = self.server.root
        if root is None:
            return None
        name = os.path.normpath(urllib.parse.unquote(path)).lstrip('/')
        if name.startswith('..'):
            return None
        full = os.path.join(root, name)
        if not os.path.isfile(full):
            return None
        st = os.stat(full)
        with open(full, 'rb') as f:
            body = f.read()
        guess = mimetypes.guess_type(full)[0] or 'application/octet-stream'
        if full.endswith(('.xml', '.rss', '.atom', '.rdf')):
            guess = 'application/xml'
        return {
            'kind': 'static', 'body': body, 'content_type': guess,
            'etag': '"%s"' % hashlib.sha1(body).hexdigest()[:16],
            'last_modified': http_date(st.st_mtime),
        }

    def deadline_passed(self):
        return time.monotonic() >= self.server.deadline


def kind_static(h, path, route):
    """A fixed body with validators, 304 answers and optional gzip."""
    body = route.get('body', '')
    if 'body_file' in route:
        with open(route['body_file'], 'rb') as f:
            body = f.read()
    data = body.encode() if isinstance(body, str) else body
    etag = route.get('etag')
    last_modified = route.get('last_modified')
    inm = h.headers.get('If-None-Match')
    ims = h.headers.get('If-Modified-Since')
    fresh = False
    # RFC 9110 13.2.2: If-None-Match takes precedence over If-Modified-Since.
    if inm is not None and etag is not None:
        fresh = etag_matches(inm, etag)
    elif inm is None and ims is not None and last_modified is not None:
        since, modified = parse_http_date(ims), parse_http_date(last_modified)
        fresh = since is not None and modified is not None and modified <= since
    h.send_response(304 if fresh else route.get('status', 200))
    if etag is not None:
        h.send_header('ETag', etag)
    if last_modified is not None:
        h.send_header('Last-Modified', last_modified)
    h.send_header('Vary', 'Accept-Encoding')
    h.send_extra_headers(route)
    if fresh:
        h.server.stats.count(path, 'not_modified')
        h.end_headers()
        return
    if route.get('gzip', True) and accepts_gzip(h.headers.get('Accept-Encoding')):
        data = gzip.compress(data)
        h.send_header('Content-Encoding', 'gzip')
        h.server.stats.count(path, 'gzip')
    h.send_header('Content-Type', route.get('content_type', 'application/xml'))
    h.send_header('Content-Length', str(len(data)))
    h.end_headers()
    if h.command != 'HEAD':
        h.wfile.write(data)


def kind_redirect(h, path, route):
    """A redirect to route["location"], or to ?to=URL."""
    h.send_response(int(h.query.get('status', route.get('status', 302))))
    h.send_header('Location', h.query.get('to', route['location']))
    h.send_header('Content-Length', '0')
    h.send_extra_headers(route)
    h.end_headers()


def kind_huge_header(h, path, route):
    """A response whose one header line is route["size"] bytes long (or
    ?size=), to check what a client says of headers it cannot hold."""
    size = int(h.query.get('size', route.get('size', 1 << 20)))
    h.send_response(200)
    h.send_header('Content-Type', 'application/xml')
    h.send_header('X-Padding', 'x' * size)
    h.send_header('Content-Length', '0')
    h.end_headers()


def kind_status(h, path, route):
    status = route.get('status', 500)
    h.send_response(status)
    if 'retry_after_date' in route:
        h.send_header('Retry-After',
                      http_date(time.time() + route['retry_after_date']))
    body = route.get('body', 'status %d\n' % status).encode()
    h.send_header('Content-Type', 'text/plain')
    h.send_header('Content-Length', str(len(body)))
    h.send_extra_headers(route)
    h.end_headers()
    if h.command != 'HEAD':
        h.wfile.write(body)


def kind_drip(h, path, route):
    """One byte per interval, with no length, until the client gives up."""
    h.send_response(200)
    h.send_header('Content-Type', 'application/xml')
    h.send_header('Connection', 'close')
    h.end_headers()
    h.close_connection = True
    h.wfile.write(b'<')
    while not h.deadline_passed():
        time.sleep(float(h.query.get('interval', route.get('interval', 1.0))))
        h.wfile.write(b' ')


def kind_huge(h, path, route):
    """A body of route["size"] bytes, generated as it is sent."""
    size = int(h.query.get('size', route.get('size', 64 << 20)))
    h.send_response(route.get('status', 200))
    h.send_header('Content-Type', 'application/xml')
    h.send_header('Content-Length', str(size))
    h.end_headers()
    chunk = (b'<item>' + b'x' * 1016 + b'</item>\n') * 64
    sent = 0
    while sent < size and not h.deadline_passed():
        piece = chunk[:size - sent]
        h.wfile.write(piece)
        sent += len(piece)


def kind_gzip_bomb(h, path, route):
    """A small gzip body that inflates to route["size"] bytes, sent whatever
    the client said it accepts: that is what a hostile server does."""
    data = h.server.bomb(route.get('size', 100 << 20))
    h.send_response(200)
    h.send_header('Content-Type', 'application/xml')
    h.send_header('Content-Encoding', 'gzip')
    h.send_header('Content-Length', str(len(data)))
    h.end_headers()
    h.wfile.write(data)


def kind_reset(h, path, route):
    """Half a body, then a TCP reset (SO_LINGER with a zero timeout)."""
    h.send_response(200)
    h.send_header('Content-Type', 'application/xml')
    h.send_header('Content-Length', '100000')
    h.end_headers()
    h.wfile.write(b'<rss>' + b' ' * 4000)
    h.wfile.flush()
    time.sleep(0.1)
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                            struct.pack('ii', 1, 0))
    h.connection.close()
    h.close_connection = True


def kind_short(h, path, route):
    """A Content-Length larger than the body, then a clean close."""
    h.send_response(200)
    h.send_header('Content-Type', 'application/xml')
    h.send_header('Content-Length', '1000')
    h.send_header('Connection', 'close')
    h.end_headers()
    h.wfile.write(b'<rss>' + b' ' * 95)
    h.close_connection = True


def kind_slow_headers(h, path, route):
    """Silence for a while before the status line."""
    end = time.monotonic() + float(h.query.get('s', route.get('seconds', 5)))
    while time.monotonic() < end and not h.deadline_passed():
        time.sleep(0.05)
    kind_static(h, path, {'body': 'late\n', 'content_type': 'text/plain'})


def kind_sleep(h, path, route):
    """A small body (route["body"], of route["content_type"]) after ms
    milliseconds; for concurrency checks."""
    time.sleep(int(h.query.get('ms', route.get('ms', 300))) / 1000.0)
    h.send_body(200, route.get('body', 'slept\n'),
                route.get('content_type', 'text/plain'), route)


def kind_echo_headers(h, path, route):
    """The request headers as a JSON object, to check what a client sends."""
    body = json.dumps({k: v for k, v in h.headers.items()}) + '\n'
    h.send_body(200, body, 'application/json', route)


def kind_chunked(h, path, route):
    """The body in chunked transfer coding, with trailer fields after it
    (RFC 9112 section 7.1.2)."""
    data = route.get('body', '').encode()
    h.send_response(route.get('status', 200))
    h.send_header('Content-Type', route.get('content_type', 'application/xml'))
    h.send_header('Transfer-Encoding', 'chunked')
    trailers = route.get('trailers', {})
    if trailers:
        h.send_header('Trailer', ', '.join(trailers))
    h.send_extra_headers(route)
    h.end_headers()
    for i in range(0, len(data), 1000):
        piece = data[i:i + 1000]
        h.wfile.write(b'%x\r\n%s\r\n' % (len(piece), piece))
    h.wfile.write(b'0\r\n')
    for name, value in trailers.items():
        h.wfile.write(('%s: %s\r\n' % (name, value)).encode())
    h.wfile.write(b'\r\n')


KINDS = {
    'chunked': kind_chunked,
    'static': kind_static,
    'redirect': kind_redirect,
    'status': kind_status,
    'huge_header': kind_huge_header,
    'drip': kind_drip,
    'huge': kind_huge,
    'gzip_bomb': kind_gzip_bomb,
    'reset': kind_reset,
    'short': kind_short,
    'slow_headers': kind_slow_headers,
    'sleep': kind_sleep,
    'echo_headers': kind_echo_headers,
}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The default backlog of 5 drops the SYNs of a burst of parallel
    # clients, which then wait a second to retry.
    request_queue_size = 128

    def __init__(self, args):
        # "::" is every address of both families: IPv4 clients arrive as
        # IPv4-mapped IPv6 addresses on the one socket.
        if ':' in args.bind:
            self.address_family = socket.AF_INET6
        super().__init__((args.bind, args.port), Handler, bind_and_activate=False)
        if ':' in args.bind:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        try:
            self.server_bind()
            self.server_activate()
        except OSError:
            self.server_close()
            raise
        self.stats = Stats()
        self.routes = dict(ROUTES)
        if args.routes:
            with open(args.routes, encoding='utf-8') as f:
                self.routes.update(json.load(f))
        for path, route in self.routes.items():
            if route.get('kind', 'static') not in KINDS:
                sys.exit('server: route %s: unknown kind %r'
                         % (path, route.get('kind')))
        self.root = args.root
        self.verbose = args.verbose
        self.deadline = time.monotonic() + args.max_seconds
        self.bomb_lock = threading.Lock()
        self.bombs = {}

    def handle_error(self, request, client_address):
        # Clients that hang up mid-answer are what these routes are for.
        if self.verbose:
            super().handle_error(request, client_address)

    def bomb(self, size):
        """The gzip encoding of size zero bytes (a multiple of 1 MiB), built
        once per size. Compressing 100 MiB takes about a second, long enough
        to trip a client's low-speed limit, so one compressed MiB is repeated
        instead: after a full flush deflate starts afresh, so the same input
        gives the same bytes (RFC 1951), and RFC 1952 wraps them."""
        with self.bomb_lock:
            if size not in self.bombs:
                block = bytes(1 << 20)
                z = zlib.compressobj(9, zlib.DEFLATED, -15)
                chunk = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
                crc = 0
                for _ in range(size >> 20):
                    crc = zlib.crc32(block, crc)
                header = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff'
                final_block = b'\x03\x00'
                trailer = struct.pack('<II', crc, (size >> 20 << 20) & 0xffffffff)
                self.bombs[size] = (header + chunk * (size >> 20) + final_block
                                    + trailer)
            return self.bombs[size]


def main():
    parser = argparse.ArgumentParser(description='loopback HTTP test server')
    parser.add_argument('--port', type=int, default=0,
                        help='port to bind (default: any free one)')
    parser.add_argument('--bind', default='127.0.0.1',
                        help='address to bind (default 127.0.0.1; "::" '
                        'for every IPv4 and IPv6 address, in a network '
                        'namespace of the test\'s own)')
    parser.add_argument('--max-seconds', type=float, default=120,
                        help='exit after this many seconds (default 120)')
    parser.add_argument('--root', help='serve the files below this directory')
    parser.add_argument('--routes', help='JSON file of extra route definitions')
    parser.add_argument('--watch-stdin', action='store_true',
                        help='exit when standard input reaches end of file')
    parser.add_argument('--verbose', action='store_true',
                        help='log requests to standard error')
    args = parser.parse_args()

    server = Server(args)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    signal.signal(signal.SIGINT, lambda signum, frame: stop.set())
    if args.watch_stdin:
        def watch():
            while sys.stdin.buffer.read(4096):
                pass
            stop.set()
        threading.Thread(target=watch, daemon=True).start()
    threading.Thread(target=server.serve_forever, daemon=True).start()

    print('PORT %d' % server.server_address[1], flush=True)
    stop.wait(args.max_seconds)
    sys.stdout.flush()
    # Handler threads may be stuck dripping to a client; do not wait for them.
    os._exit(0)


if __name__ == '__main__':
    main()
