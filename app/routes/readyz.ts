import { checkReadiness } from "#app/lib/readiness.server.ts";

// Readiness for load balancers (#12 item 3): 200 when this instance can serve (database answering
// within a second, search index loaded and caught up with the change feed, fuzzy index built), 503 otherwise — always within 1.5 s. /healthz is liveness.
export async function loader() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ok" : "unavailable", ...readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store", "Retry-After": "1" } },
  );
}
