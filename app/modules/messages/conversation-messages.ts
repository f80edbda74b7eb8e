import type { Prisma } from "#app/generated/prisma/client.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// A thread's messages as both surfaces show them: oldest first, each saying whether staff wrote it
// (and who); the member's own messages carry no author name.

export const conversationMessagesQuery = {
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: { id: true, authorType: true, body: true, createdAt: true, authorStaff: selectName },
} satisfies Prisma.MessageThread$messagesArgs;

type MessageRow = Prisma.MessageGetPayload<{ select: (typeof conversationMessagesQuery)["select"] }>;

export function conversationMessage(m: MessageRow) {
  return {
    id: m.id,
    fromStaff: m.authorType === "staff",
    staffName: m.authorType === "staff" ? (m.authorStaff?.name ?? null) : null,
    body: m.body,
    createdAt: m.createdAt,
  };
}
