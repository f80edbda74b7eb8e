import { randomBytes } from "node:crypto";
import type { ServicePriority, ServiceRequestKind, ServiceRequestStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { sanitizeRichText } from "#app/lib/rich-text.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { computeDueAt } from "#app/modules/service/service-sla.ts";

// Demo service requests in the demo zones (seeded by demo-zones.ts before this runs): one published
// with a solution and an internal note containing "内部备注" (the isolation sweep checks that it never
// reaches the portal), an open one in progress, an overdue one nobody has answered, and one in zone B
// waiting for the customer. Idempotent: a request is found again by its company and subject, and its
// replies and events are rewritten. Written directly (no mail is queued by the seed).

interface ReplySpec {
  author: string;
  internal?: boolean;
  body: string;
  at: string;
}

interface RequestSpec {
  zoneAdminEmail: string;
  requesterEmail: string;
  subject: string;
  kind: ServiceRequestKind;
  priority: ServicePriority;
  status: ServiceRequestStatus;
  assetSerial?: string;
  assignee: string | null;
  createdAt: string;
  description: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  published?: { at: string; solution: string };
  rating?: [number, string];
  replies: ReplySpec[];
}

const ZONE_A = "zone-a-admin@relay-demo.cn";
const ZONE_B = "zone-b-admin@relay-demo.cn";

export const DEMO_SERVICE_REQUESTS: readonly RequestSpec[] = [
  {
    zoneAdminEmail: ZONE_A,
    requesterEmail: "zone-a-admin@relay-demo.cn",
    subject: "平衡机测量值漂移，重复测量偏差超过 5%",
    kind: "fault",
    priority: "high",
    status: "closed",
    assignee: "service@relay-demo.cn",
    createdAt: "2026-11-10T01:30:00Z",
    firstResponseAt: "2026-11-10T02:05:00Z",
    resolvedAt: "2026-11-11T07:00:00Z",
    closedAt: "2026-11-12T01:00:00Z",
    description:
      "<p>SY3240 平衡机最近一周测量值不稳定，同一工件连续测量 5 次，偏差超过 5%。</p><ul><li>环境温度正常</li><li>已重新标定一次，无改善</li></ul>",
    published: {
      at: "2026-11-12T02:00:00Z",
      solution:
        "<p>原因：压电传感器连接线屏蔽层破损，车间变频器干扰进入测量回路。</p><ol><li>更换传感器连接线（带双层屏蔽）</li><li>屏蔽层单端接地</li><li>重新标定</li></ol><p>如遇类似漂移，请先检查传感器线缆。</p>",
    },
    rating: [5, "响应很快，工程师讲解清楚。"],
    replies: [
      {
        author: "service@relay-demo.cn",
        body: "<p>您好，已收到。请先拍一张传感器接线的照片发给我们。</p>",
        at: "2026-11-10T02:05:00Z",
      },
      { author: "zone-a-admin@relay-demo.cn", body: "<p>照片已拍，接线处外皮有磨损。</p>", at: "2026-11-10T03:10:00Z" },
      {
        author: "service@relay-demo.cn",
        internal: true,
        body: "<p>内部备注：客户的维保合约明年到期，可借机推荐 2027 续约；线缆按保内免费更换。</p>",
        at: "2026-11-10T03:30:00Z",
      },
      {
        author: "service@relay-demo.cn",
        body: "<p>工程师明天上午上门更换连接线并重新标定。</p>",
        at: "2026-11-10T03:40:00Z",
      },
    ],
  },
  {
    zoneAdminEmail: ZONE_A,
    requesterEmail: "zone-a-user@relay-demo.cn",
    subject: "驱动单元异响，需要安排检查",
    kind: "fault",
    priority: "normal",
    status: "in_progress",
    assignee: "service@relay-demo.cn",
    createdAt: "2026-11-20T06:00:00Z",
    firstResponseAt: "2026-11-20T06:40:00Z",
    description: "<p>驱动单元启动时有明显的金属摩擦声，运行 10 分钟后减弱。</p>",
    replies: [
      {
        author: "service@relay-demo.cn",
        body: "<p>收到，已安排工程师下周一上门检查，请保留设备现状。</p>",
        at: "2026-11-20T06:40:00Z",
      },
    ],
  },
  {
    zoneAdminEmail: ZONE_A,
    requesterEmail: "zone-a-admin@relay-demo.cn",
    subject: "测量软件报错 E-204，无法保存结果",
    kind: "fault",
    priority: "urgent",
    status: "new",
    assignee: null,
    createdAt: "2026-11-18T02:00:00Z",
    description: "<p>今天上午开始，测量完成后保存结果时提示 <code>E-204</code>，结果无法保存。</p>",
    replies: [],
  },
  {
    zoneAdminEmail: ZONE_B,
    requesterEmail: "zone-b-user@relay-demo.cn",
    subject: "数控系统升级后的参数备份方法",
    kind: "question",
    priority: "normal",
    status: "waiting_customer",
    assignee: "sun.tao@relay-demo.cn",
    createdAt: "2026-11-19T03:00:00Z",
    firstResponseAt: "2026-11-19T05:00:00Z",
    description: "<p>FANUC 0i-MF 升级后，参数备份的步骤和原来一样吗？</p>",
    replies: [
      {
        author: "sun.tao@relay-demo.cn",
        body: "<p>步骤基本一致。请告诉我们当前的系统版本号，我们发对应的操作手册。</p>",
        at: "2026-11-19T05:00:00Z",
      },
    ],
  },
];

export async function seedDemoService(db: Db): Promise<void> {
  const staff = new Map(
    (
      await db.staff.findMany({ where: { email: { endsWith: "@relay-demo.cn" } }, select: { id: true, email: true } })
    ).map((s) => [s.email, s.id]),
  );
  const members = new Map(
    (
      await db.member.findMany({
        where: { email: { endsWith: "@relay-demo.cn" } },
        select: { id: true, email: true, contactId: true },
      })
    ).map((m) => [m.email, m]),
  );

  for (const spec of DEMO_SERVICE_REQUESTS) {
    const admin = members.get(spec.zoneAdminEmail);
    const requester = members.get(spec.requesterEmail);
    if (!admin || !requester) continue; // demo zones not seeded: nothing to attach requests to
    const membership = await db.zoneMembership.findFirst({
      where: { memberId: admin.id, status: "active" },
      select: { zone: { select: { id: true, companyId: true } } },
    });
    if (!membership) continue;
    const { zone } = membership;
    const asset = await db.asset.findFirst({
      where: { companyId: zone.companyId, parentId: null },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const contract = asset
      ? await db.serviceContract.findFirst({
          where: { companyId: zone.companyId, status: "in_force", assets: { some: { assetId: asset.id } } },
          select: { id: true, responseMode: true, responseTime: true },
        })
      : null;
    const createdAt = new Date(spec.createdAt);
    const due = computeDueAt({
      receivedAt: createdAt,
      responseMode: contract?.responseMode,
      responseTime: contract?.responseTime,
    });
    const assigneeId = spec.assignee ? (staff.get(spec.assignee) ?? null) : null;
    const data = {
      zoneId: zone.id,
      companyId: zone.companyId,
      memberId: requester.id,
      contactId: requester.contactId,
      assetId: asset?.id ?? null,
      contractId: contract?.id ?? null,
      kind: spec.kind,
      subject: spec.subject,
      descriptionHtml: sanitizeRichText(spec.description),
      channel: "zone",
      status: spec.status,
      priority: spec.priority,
      assigneeId,
      dueAt: due.dueAt,
      firstResponseAt: spec.firstResponseAt ? new Date(spec.firstResponseAt) : null,
      resolvedAt: spec.resolvedAt ? new Date(spec.resolvedAt) : null,
      closedAt: spec.closedAt ? new Date(spec.closedAt) : null,
      publishedAt: spec.published ? new Date(spec.published.at) : null,
      solutionHtml: spec.published ? sanitizeRichText(spec.published.solution) : null,
      rating: spec.rating?.[0] ?? null,
      ratingComment: spec.rating?.[1] ?? null,
      ratedAt: spec.rating && spec.closedAt ? new Date(spec.closedAt) : null,
      createdAt,
    };
    const existing = await db.serviceRequest.findFirst({
      where: { companyId: zone.companyId, subject: spec.subject },
      select: { id: true },
    });
    let id: number;
    if (existing) {
      id = existing.id;
      await db.serviceRequest.update({ where: { id }, data });
      await db.serviceReply.deleteMany({ where: { requestId: id } });
      await db.serviceRequestEvent.deleteMany({ where: { requestId: id } });
    } else {
      const row = await db.serviceRequest.create({
        data: { ...data, number: `~${randomBytes(9).toString("hex")}` },
        select: { id: true },
      });
      id = row.id;
      await db.serviceRequest.update({ where: { id }, data: { number: recordNumber("serviceRequest", id) } });
    }

    const events: Array<{ type: string; actorType: string; actorId: number | null; detail?: object; createdAt: Date }> =
      [
        {
          type: "created",
          actorType: "member",
          actorId: requester.id,
          detail: {
            channel: "zone",
            routedBy: assigneeId ? "zone-csr" : "unassigned",
            contractId: contract?.id ?? null,
            responseMode: due.responseMode,
            responseTime: due.responseTime,
            slaSource: due.source,
            dueAt: due.dueAt.toISOString(),
          },
          createdAt,
        },
      ];
    for (const reply of spec.replies) {
      const staffId = staff.get(reply.author) ?? null;
      const member = members.get(reply.author);
      const at = new Date(reply.at);
      const row = await db.serviceReply.create({
        data: {
          requestId: id,
          authorType: staffId ? "staff" : "member",
          authorStaffId: staffId,
          authorMemberId: staffId ? null : (member?.id ?? null),
          internal: reply.internal ?? false,
          bodyHtml: sanitizeRichText(reply.body),
          createdAt: at,
        },
      });
      events.push({
        type: staffId ? (reply.internal ? "internal-note" : "reply") : "member-reply",
        actorType: staffId ? "staff" : "member",
        actorId: staffId ?? member?.id ?? null,
        detail: { replyId: row.id },
        createdAt: at,
      });
    }
    const csr = assigneeId;
    if (spec.resolvedAt) {
      events.push({
        type: "status",
        actorType: "staff",
        actorId: csr,
        detail: { from: "in_progress", to: "resolved" },
        createdAt: new Date(spec.resolvedAt),
      });
    }
    if (spec.published)
      events.push({ type: "published", actorType: "staff", actorId: csr, createdAt: new Date(spec.published.at) });
    if (spec.rating && spec.closedAt) {
      events.push({
        type: "rated",
        actorType: "member",
        actorId: requester.id,
        detail: { rating: spec.rating[0], closed: true },
        createdAt: new Date(spec.closedAt),
      });
    }
    if (spec.status === "waiting_customer" || spec.status === "in_progress") {
      events.push({
        type: "status",
        actorType: "staff",
        actorId: csr,
        detail: { from: "new", to: spec.status },
        createdAt: new Date(spec.firstResponseAt ?? spec.createdAt),
      });
    }
    events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await db.serviceRequestEvent.createMany({
      data: events.map((e) => ({ ...e, requestId: id, detail: e.detail ?? undefined })),
    });
  }
}
