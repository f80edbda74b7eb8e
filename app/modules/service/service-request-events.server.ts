import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Tx } from "#app/lib/db.server.ts";

// One line of a request's timeline (ServiceRequestEvent): who did what, and the detail the timeline
// shows for it. Every change to a request writes one, inside the change's transaction.

export interface RequestEventActor {
  type: string;
  id: number | null;
}

export async function recordRequestEvent(
  tx: Tx,
  requestId: number,
  actor: RequestEventActor,
  type: string,
  detail?: Prisma.InputJsonValue,
  createdAt?: Date,
): Promise<void> {
  await tx.serviceRequestEvent.create({
    data: { requestId, type, actorType: actor.type, actorId: actor.id, detail, createdAt },
  });
}
