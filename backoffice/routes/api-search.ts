// GET /crm/api/search?q=… — the global search box's as-you-type results (JSON): up to five rows
// per kind the viewer may browse, scoped to the records they may see (search/global-search.server.ts).
import { data, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { requireStaffActorJson } from "#app/modules/auth/staff-guard.server.ts";
import { SearchEngineError } from "#search/engine.ts";
import { MAX_QUERY_LENGTH } from "#search/global-search-shared.ts";
import { globalSearch } from "#search/global-search.server.ts";

const querySchema = z.object({
  q: z
    .string()
    .default("")
    .transform((q) => q.trim().slice(0, MAX_QUERY_LENGTH)),
});

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in is enough: results cover only the modules and records the actor may browse.
  const actor = await requireStaffActorJson(request, "signedIn");
  const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const result = await globalSearch(db, actor, q, { limit: 5 });
    return data(result, { headers: NO_STORE });
  } catch (error) {
    // An engine that is down (Meilisearch) is a 503 the box can explain, not a crashed page.
    if (error instanceof SearchEngineError && (error.code === "unavailable" || error.code === "timeout")) {
      return data({ q, groups: [], personLike: false, error: error.code }, { status: 503, headers: NO_STORE });
    }
    throw error;
  }
}
