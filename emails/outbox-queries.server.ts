import type { EmailOutbox } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";

// Read side of the outbox for the dev inbox (/crm/dev/mail). It lists every status, not only
// `dev`, so the same page doubles as a view of what the worker is doing with real mail.

export const OUTBOX_PAGE_SIZE = 20;

export type OutboxListItem = Pick<
  EmailOutbox,
  "id" | "toAddress" | "subject" | "template" | "status" | "attempts" | "createdAt" | "sentAt"
>;

export interface OutboxPage {
  items: OutboxListItem[];
  total: number;
  page: number;
  pageCount: number;
}

export async function listOutbox(
  db: DbOrTx,
  options: { recipient?: string; page?: number; pageSize?: number } = {},
): Promise<OutboxPage> {
  const pageSize = options.pageSize ?? OUTBOX_PAGE_SIZE;
  const recipient = options.recipient?.trim();
  const where = recipient ? { toAddress: { contains: recipient } } : {};
  const total = await db.emailOutbox.count({ where });
  const { page, pageCount, ...window } = pageWindow(total, options.page ?? 1, pageSize);
  const items = await db.emailOutbox.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...window,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      template: true,
      status: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return { items, total, page, pageCount };
}

export function getOutboxMessage(db: DbOrTx, id: number): Promise<EmailOutbox | null> {
  return db.emailOutbox.findUnique({ where: { id } });
}
