import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { isBatchSuccess } from "./lead-batch-outcomes.ts";
import { batchItemsByOutcome, canViewBatch, getLeadBatch } from "./lead-batches.server.ts";

// The batch progress page (/crm/leads/batches/:id): the batch while it runs, and once finished the
// leads it left alone, a few per reason. Who may look is the batch service's rule (canViewBatch).

export async function getLeadBatchView(
  db: DbOrTx,
  actor: StaffActor,
  batchId: number,
): Promise<{ status: "not-found" } | { status: "forbidden" } | { status: "ok"; view: LeadBatchView }> {
  const batch = await getLeadBatch(db, batchId);
  if (!batch) return { status: "not-found" };
  if (!canViewBatch(actor, batch)) return { status: "forbidden" };
  const finished = batch.status === "done" || batch.status === "failed";
  const outcomes = Object.keys(batch.summary)
    .filter((o) => !isBatchSuccess(o))
    .slice(0, 6);
  const skipped = finished
    ? await Promise.all(
        outcomes.map(async (outcome) => ({ outcome, leads: await batchItemsByOutcome(db, batch.id, outcome, 10) })),
      )
    : [];
  const { id, kind, status, params, total, processed, succeeded, summary, createdAt, startedAt, finishedAt } = batch;
  return {
    status: "ok",
    view: {
      batch: {
        id,
        kind,
        status,
        params,
        total,
        processed,
        succeeded,
        skipped: batch.skipped,
        summary,
        createdAt,
        startedAt,
        finishedAt,
        lastError: batch.lastError,
        creator: batch.creator,
      },
      skipped,
    },
  };
}

type Batch = NonNullable<Awaited<ReturnType<typeof getLeadBatch>>>;
export interface LeadBatchView {
  batch: Pick<
    Batch,
    | "id"
    | "kind"
    | "status"
    | "params"
    | "total"
    | "processed"
    | "succeeded"
    | "skipped"
    | "summary"
    | "createdAt"
    | "startedAt"
    | "finishedAt"
    | "lastError"
    | "creator"
  >;
  skipped: Array<{ outcome: string; leads: Awaited<ReturnType<typeof batchItemsByOutcome>> }>;
}
