import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import { requireStaffActorJson } from "#app/modules/auth/staff-guard.server.ts";
import { findPerson } from "#app/modules/crm/contact-match.server.ts";
import { contactMatchQuerySchema } from "#app/modules/crm/contact-match-query.ts";
import { evidenceLabelKey, matchErrorKey } from "#app/modules/crm/match-labels.ts";
import { MATCH_QUERY_MAX } from "#app/modules/crm/match-limits.ts";

// GET /crm/api/contacts/match?q=刘强 深圳 liu@xyz.com — ranked candidate contacts with scores and
// evidence (JSON); matches outside the viewer's scope as { visible: false, id, name, owner, score, verdict }. Staff only: 401 without a staff session, 403 without contacts × browse,
// 400 with a localised message for an empty or too long q.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActorJson(request, { module: "contacts", action: "browse" });
  const { t } = await getTranslator(request);

  const parsed = contactMatchQuerySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) {
    const key = matchErrorKey(parsed.error.issues[0]?.message);
    return Response.json({ error: t(key, { max: MATCH_QUERY_MAX }) }, { status: 400 });
  }
  const result = await findPerson(db, actor, parsed.data.q);
  return Response.json(
    {
      query: result.query,
      parsed: result.parsed,
      // Restricted rows (outside the viewer's scope) carry name and owner only, no evidence.
      candidates: result.candidates.map((c) =>
        c.visible ? { ...c, evidence: c.evidence.map((e) => ({ ...e, label: t(evidenceLabelKey(e.code)) })) } : c,
      ),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
