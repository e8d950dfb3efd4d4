#!/usr/bin/env python3
# stall-proxy.py: an HTTP proxy in front of the test TT-RSS that stalls one
# API call, so a test can kill a sync at a known point.
"""Usage: stall-proxy.py UPSTREAM_PORT OP N STALLED_FILE

Listens on a free 127.0.0.1 port and prints "PORT <n>" first. Every request
is forwarded to 127.0.0.1:UPSTREAM_PORT and its answer passed back, except
the Nth request whose JSON body has "op": OP: that one is forwarded too (the
server acts on it), but its answer is never sent; STALLED_FILE is created
instead and the connection is held open until the client goes away. Exits
when its standard input reaches end of file.
"""

import http.client
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

upstream_port = int(sys.argv[1])
stall_op = sys.argv[2]
stall_nth = int(sys.argv[3])
stalled_file = sys.argv[4]
seen = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        global seen
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        try:
            op = json.loads(body).get('op')
        except ValueError:
            op = None
        stall = False
        with lock:
            if op == stall_op:
                seen += 1
                stall = seen == stall_nth
        conn = http.client.HTTPConnection('127.0.0.1', upstream_port, timeout=60)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ('host', 'connection', 'accept-encoding')}
        conn.request('POST', self.path, body, headers)
        reply = conn.getresponse()
        data = reply.read()
        conn.close()
        if stall:
            open(stalled_file, 'w').close()
            # Hold the connection until the client is gone.
            while self.rfile.read(1):
                pass
            return
        self.send_response(reply.status)
        for k, v in reply.getheaders():
            if k.lower() not in ('transfer-encoding', 'connection', 'content-length'):
                self.send_header(k, v)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    print('PORT %d' % server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()


if __name__ == '__main__':
    main()
