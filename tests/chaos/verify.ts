import type { Connection, RowDataPacket } from "mysql2/promise";

// What the chaos run checks in the database afterwards, read with plain SQL (not the app's services,
// which are what is under test).

export async function checkStorage(db: Connection, acknowledged: Map<string, number>) {
  const [rows] = await db.query<RowDataPacket[]>(
    "SELECT id, number, idempotencyKey FROM `Lead` WHERE idempotencyKey LIKE '%:chaos-%'",
  );
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    const key = String(row.idempotencyKey).replace(/^[^:]+:/, "");
    byKey.set(key, [...(byKey.get(key) ?? []), Number(row.id)]);
  }
  let missing = 0;
  let wrongId = 0;
  for (const [key, id] of acknowledged) {
    const stored = byKey.get(key);
    if (!stored) missing++;
    else if (!stored.includes(id)) wrongId++;
  }
  const duplicates = [...byKey.values()].filter((ids) => ids.length > 1).length;
  return { leads: rows.length, missing, wrongId, duplicates, numbers: rows.map((row) => String(row.number)) };
}

/** Per token group, the chaos leads in id order (= turn order) must cycle through the same owners. */
export async function checkTurnOrder(db: Connection) {
  const [rows] = await db.query<RowDataPacket[]>(
    "SELECT routedTokenGroupId AS groupId, ownerId FROM `Lead` WHERE idempotencyKey LIKE '%:chaos-%' AND routedBy = 'token_group' ORDER BY id",
  );
  const groups = new Map<number, number[]>();
  for (const row of rows)
    groups.set(Number(row.groupId), [...(groups.get(Number(row.groupId)) ?? []), Number(row.ownerId)]);
  let ok = rows.length > 0;
  const parts: string[] = [];
  for (const [groupId, owners] of groups) {
    const cycle = [...new Set(owners)];
    const period = cycle.length;
    const firstCycle = owners.slice(0, period);
    const broken = owners.findIndex((owner, i) => owner !== firstCycle[i % period]);
    const counts = cycle.map((owner) => owners.filter((o) => o === owner).length);
    if (broken !== -1) ok = false;
    parts.push(
      `group ${groupId}: ${owners.length} leads over ${period} owners (${counts.join("/")})${broken === -1 ? ", strict cycle" : `, cycle broken at #${broken}`}`,
    );
  }
  return { ok, summary: parts.join("; ") || "no lead was routed by a token group" };
}

/** Waits for the workers to drain the outbox, then counts owner e-mails per lead number. */
export async function checkMail(db: Connection, numbers: string[], timeoutMs: number) {
  const started = Date.now();
  let waiting = Number.POSITIVE_INFINITY;
  while (Date.now() - started < timeoutMs) {
    const [[row]] = await db.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM `EmailOutbox` WHERE template = 'lead-assigned' AND status IN ('pending', 'sending')",
    );
    waiting = Number(row!.n);
    if (waiting === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const [rows] = await db.query<RowDataPacket[]>(
    "SELECT subject, status FROM `EmailOutbox` WHERE template = 'lead-assigned'",
  );
  const perNumber = new Map<string, number>();
  let undelivered = 0;
  for (const row of rows) {
    const number = /LEAD\d+/.exec(String(row.subject))?.[0];
    if (!number) continue;
    perNumber.set(number, (perNumber.get(number) ?? 0) + 1);
    // "dev": delivered to the dev inbox (no provider configured), as in CI.
    if (row.status !== "sent" && row.status !== "dev") undelivered++;
  }
  const wanted = new Set(numbers);
  const missing = numbers.filter((n) => !perNumber.has(n)).length;
  const doubled = [...perNumber].filter(([n, count]) => wanted.has(n) && count > 1).length;
  const drainedMs = Date.now() - started;
  return {
    ok: missing === 0 && doubled === 0 && waiting === 0 && undelivered === 0,
    summary: `${numbers.length - missing} of ${numbers.length} leads have their owner e-mail, ${doubled} more than one, ${undelivered} not delivered, outbox drained ${waiting === 0 ? `${(drainedMs / 1000).toFixed(1)} s after the load` : `NOT within ${timeoutMs / 1000} s (${waiting} waiting)`}`,
  };
}
