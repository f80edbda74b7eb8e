import type { LeadStatus, MemberLevel, MemberStatus, Prisma, RegistrationKind } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// The account overview (/account): who the member is and what they submitted (需求/订单登记).

export interface AccountSummary {
  id: number;
  nickname: string;
  email: string;
  level: MemberLevel;
  status: MemberStatus;
  createdAt: Date;
  realNameVerifiedAt: Date | null;
  companyName: string | null;
  linkedCompanyName: string | null;
}

export async function getAccountSummary(db: DbOrTx, memberId: number): Promise<AccountSummary | null> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: {
      id: true,
      nickname: true,
      email: true,
      level: true,
      status: true,
      createdAt: true,
      realNameVerifiedAt: true,
      companyName: true,
      company: selectName,
    },
  });
  if (!member) return null;
  const { company, ...rest } = member;
  return { ...rest, linkedCompanyName: company?.name ?? null };
}

export interface SubmissionRow {
  id: number;
  number: string;
  categoryName: string | null;
  kind: RegistrationKind | null;
  status: LeadStatus;
  createdAt: Date;
  itemCount: number;
}

export interface SubmissionPage {
  items: SubmissionRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The member's own leads (需求/订单登记), newest first. `kind: "order"` keeps order leads only. */
export async function listMemberSubmissions(
  db: DbOrTx,
  memberId: number,
  options: { kind?: RegistrationKind; page?: number; pageSize?: number } = {},
): Promise<SubmissionPage> {
  const pageSize = options.pageSize ?? 10;
  const where: Prisma.LeadWhereInput = { memberId, ...(options.kind ? { category: { kind: options.kind } } : {}) };
  const total = await db.lead.count({ where });
  const { page, pageCount, ...window } = pageWindow(total, options.page ?? 1, pageSize);
  const rows = await db.lead.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...window,
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      category: { select: { name: true, kind: true } },
      _count: { select: { items: true } },
    },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      categoryName: row.category?.name ?? null,
      kind: row.category?.kind ?? null,
      status: row.status,
      createdAt: row.createdAt,
      itemCount: row._count.items,
    })),
    total,
    page,
    pageCount,
  };
}
