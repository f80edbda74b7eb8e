import http from "node:http";

// A loopback round-robin reverse proxy in front of the app instances, behaving as the load balancer
// docs/operations.md describes: a refused connection (an instance that is down) goes to the next
// instance; a connection lost after the request was sent is answered 503 + Retry-After (the client
// retries with the same Idempotency-Key), never passed on as a 5xx of the app's own.

export interface ChaosProxy {
  port: number;
  close(): Promise<void>;
}

export async function startProxy(upstreamPorts: number[]): Promise<ChaosProxy> {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, tried: number) => {
    const port = upstreamPorts[next++ % upstreamPorts.length]!;
    const upstream = http.request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      if (error.code === "ECONNREFUSED" && tried + 1 < upstreamPorts.length) {
        forward(req, body, res, tried + 1);
        return;
      }
      res.writeHead(503, { "Retry-After": "1", "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: "upstream_unavailable" }));
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => forward(req, Buffer.concat(chunks), res, 0));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
