// A bare node:http server around the real loaders of /readyz and /crm/api/contacts/match, for
// bench/fuzzy-match-http.ts --server direct: the same matching, auth, scope and JSON code as the
// production build (what React Router adds to a resource route is routing and the Request object),
// usable while the full build cannot be made. Starts the match-index warm-up exactly as
// app/entry.server.tsx does, and listens at once, so /readyz answers 503 until it is built.
//
//   DATABASE_URL=… PORT=3192 npx tsx bench/fuzzy-match-server.ts
import http from "node:http";
import { db } from "#app/lib/db.server.ts";
import { startMatchIndexWarmup } from "#app/modules/crm/matching/index-readiness.server.ts";
import { loader as readyz } from "#app/routes/readyz.ts";
import { loader as matchApi } from "#backoffice/routes/api-contacts-match.ts";
import { staffCookie } from "#tests/route-harness.ts";

const port = Number(process.env.PORT ?? 3192);
void startMatchIndexWarmup(db);

async function answer(req: http.IncomingMessage): Promise<Response> {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
  if (url.pathname === "/readyz") return readyz();
  if (url.pathname === "/bench/session") {
    // Only for this bench server: a signed-in cookie for the demo administrator.
    const admin = await db.staff.findUniqueOrThrow({ where: { email: "admin@relay-demo.cn" } });
    return new Response(null, { status: 204, headers: { "X-Cookie": await staffCookie(admin.id) } });
  }
  if (url.pathname === "/crm/api/contacts/match") {
    const request = new Request(url, { headers: { cookie: req.headers.cookie ?? "" } });
    try {
      return await matchApi({ request, params: {}, context: {} } as Parameters<typeof matchApi>[0]);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }
  return new Response("not found", { status: 404 });
}

http
  .createServer((req, res) => {
    answer(req).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      (error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      },
    );
  })
  .listen(port, "127.0.0.1", () => console.log(`fuzzy-match bench server listening on ${port}`));
