import type { KnowledgeStatus, KnowledgeVisibility, ServiceRequestStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import type { Action, Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createTestStaff } from "./staff.ts";

// Knowledge articles, rated service requests and zone polls for tests, straight into the database.

let serial = 0;
function next(): number {
  return ++serial;
}

export async function createTestArticle(
  db: Db,
  options: {
    summary?: string;
    descriptionHtml?: string;
    solutionHtml?: string;
    category?: string | null;
    keywords?: string | null;
    visibility?: KnowledgeVisibility;
    status?: KnowledgeStatus;
    authorId?: number | null;
    sourceRequestId?: number | null;
  } = {},
) {
  const n = next();
  const status = options.status ?? "published";
  return db.knowledgeArticle.create({
    data: {
      number: `TSOL${process.pid}${n}`.slice(0, 20),
      summary: options.summary ?? `测试解决方案 ${n}`,
      descriptionHtml: options.descriptionHtml ?? "<p>问题描述</p>",
      solutionHtml: options.solutionHtml ?? `<p>解决步骤 ${n}</p>`,
      category: options.category === undefined ? "测试分类" : options.category,
      keywords: options.keywords ?? null,
      visibility: options.visibility ?? "public",
      status,
      authorId: options.authorId ?? null,
      sourceRequestId: options.sourceRequestId ?? null,
      publishedAt: status === "published" ? new Date() : null,
    },
  });
}

/** A staff member with the given knowledge grants, and their StaffActor. */
export async function createKnowledgeStaff(
  db: Db,
  grants: Partial<Record<Extract<Action, "browse" | "add" | "modify" | "delete">, Scope>>,
  options: { teamId?: number | null } = {},
): Promise<{ staff: { id: number; teamId: number | null }; actor: StaffActor; password: string }> {
  const list = Object.entries(grants).map(([action, scope]) => ({
    module: "knowledge" as const,
    action: action as Action,
    scope: scope as Scope,
  }));
  const { staff, password } = await createTestStaff(db, { grants: list, teamId: options.teamId ?? null });
  const actor = staffActorFor(staff, {
    grants: { knowledge: Object.fromEntries(list.map((g) => [g.action, g.scope])) },
  });
  return { staff, password, actor };
}

/** A service request of `companyId` (optionally in a zone), rated or not. */
export async function createTestServiceRequest(
  db: Db,
  options: {
    companyId: number;
    zoneId?: number | null;
    memberId?: number | null;
    assigneeId?: number | null;
    subject?: string;
    descriptionHtml?: string;
    solutionHtml?: string | null;
    status?: ServiceRequestStatus;
    rating?: number | null;
    ratingComment?: string | null;
    ratedAt?: Date | null;
    publishedAt?: Date | null;
  },
) {
  const n = next();
  const rating = options.rating ?? null;
  return db.serviceRequest.create({
    data: {
      number: `TSRQ${process.pid}${n}`.slice(0, 20),
      companyId: options.companyId,
      zoneId: options.zoneId ?? null,
      memberId: options.memberId ?? null,
      assigneeId: options.assigneeId ?? null,
      kind: "fault",
      subject: options.subject ?? `测试请求 ${n}`,
      descriptionHtml: options.descriptionHtml ?? "<p>设备报警</p>",
      channel: "zone",
      status: options.status ?? (rating !== null ? "closed" : "new"),
      solutionHtml: options.solutionHtml ?? null,
      rating,
      ratingComment: options.ratingComment ?? null,
      ratedAt: rating !== null ? (options.ratedAt ?? new Date()) : null,
      publishedAt: options.publishedAt ?? null,
    },
  });
}

export async function createTestPoll(
  db: Db,
  zoneId: number,
  options: { question?: string; options?: string[]; closesAt?: Date | null; closedAt?: Date | null } = {},
) {
  const labels = options.options ?? ["远程诊断", "上门响应速度", "备件供应"];
  return db.zonePoll.create({
    data: {
      zoneId,
      question: options.question ?? `测试投票 ${next()}`,
      closesAt: options.closesAt ?? null,
      closedAt: options.closedAt ?? null,
      options: { create: labels.map((label, position) => ({ label, position })) },
    },
    include: { options: { orderBy: { position: "asc" } } },
  });
}
