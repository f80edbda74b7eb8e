import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { businessDay, isoDay } from "./quote-dates.ts";

// 报价单过期 (decision 050): a quote still `sent` (e-mailed and/or published to the zone) whose
// validity ran out (the day after validUntil has begun in China) becomes `expired` — once, with a
// history entry (audit `quote.expired`) and a bell notification to its owner. The claim is one
// conditional UPDATE (status = sent AND validUntil < today): InnoDB re-reads the row under its lock,
// so of two workers — or a worker and a member's late answer (quote-zone.server.ts) — exactly one
// changes it and writes the history and notification; the others change nothing.

export const QUOTE_EXPIRY_JOB = "quote.expire-due";
const BATCH = 200;

/** Expires quote `id` if it is still sent and past validity; returns whether this call did. */
export async function expireQuote(tx: DbOrTx, id: number, now: Date = new Date()): Promise<boolean> {
  const { count } = await tx.quote.updateMany({
    where: { id, status: "sent", validUntil: { lt: businessDay(now) } },
    data: { status: "expired" },
  });
  if (count === 0) return false;
  const q = await tx.quote.findUniqueOrThrow({
    where: { id },
    select: {
      number: true,
      version: true,
      title: true,
      validUntil: true,
      ownerId: true,
      owner: { select: { locale: true } },
    },
  });
  await recordAudit(tx, {
    actor: { type: "system" },
    action: "quote.expired",
    entityType: "Quote",
    entityId: id,
    before: { status: "sent" },
    after: { status: "expired", validUntil: isoDay(q.validUntil) },
  });
  const t = createTranslator(isLocale(q.owner.locale) ? q.owner.locale : DEFAULT_LOCALE);
  await notifyStaff(tx, {
    staffId: q.ownerId,
    type: "quote.expired",
    title: t("quoteExpiry.notify", { number: `${q.number} v${q.version}`, title: q.title }),
    body: t("quoteExpiry.notifyBody", { date: isoDay(q.validUntil) }),
    link: `/crm/quotes/${id}`,
  });
  return true;
}

/**
 * Expires every sent quote past validity (in batches, each quote in its own short transaction so a
 * member answering one quote never waits on the others). Returns how many this call expired.
 */
export async function expireDueQuotes(db: Db, now: Date = new Date()): Promise<number> {
  const today = businessDay(now);
  let expired = 0;
  let afterId = 0;
  for (;;) {
    // (status, validUntil) index; ids ascending so a batch never revisits a quote another worker kept.
    const due = await db.quote.findMany({
      where: { status: "sent", validUntil: { lt: today }, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    for (const { id } of due) if (await db.$transaction((tx) => expireQuote(tx, id, now))) expired++;
    if (due.length < BATCH) return expired;
    afterId = due[due.length - 1]!.id;
  }
}
