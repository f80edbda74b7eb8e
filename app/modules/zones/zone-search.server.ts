import type { DbOrTx } from "#app/lib/db.server.ts";
import { richTextToPlain } from "#app/lib/rich-text.server.ts";

// 专区搜索, the service-request half: requests customer service published to THIS zone (never another
// zone's, never unpublished) whose number, subject, description or solution holds every word.

const REQUEST_LIMIT = 10;
const SNIPPET = 140;

export async function searchPublishedZoneRequests(db: DbOrTx, zone: { id: number }, q: string) {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return [];
  const rows = await db.serviceRequest.findMany({
    where: {
      zoneId: zone.id,
      publishedAt: { not: null },
      AND: words.map((contains) => ({
        OR: [
          { subject: { contains } },
          { number: { contains } },
          { descriptionHtml: { contains } },
          { solutionHtml: { contains } },
        ],
      })),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: REQUEST_LIMIT,
    select: { id: true, number: true, subject: true, solutionHtml: true, descriptionHtml: true, publishedAt: true },
  });
  return rows.map((r) => {
    const text = richTextToPlain(r.solutionHtml ?? r.descriptionHtml).replace(/\s+/g, " ");
    return {
      id: r.id,
      number: r.number,
      subject: r.subject,
      publishedAt: r.publishedAt,
      snippet: text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text,
    };
  });
}
