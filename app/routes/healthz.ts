// Liveness (issue #12 item 3): the process is up and its event loop answers — no database, so a
// database outage does not make a supervisor restart healthy instances. Readiness is /readyz.
export function loader() {
  return Response.json(
    { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
