import type { ClassroomVisibility } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { richTextToPlain, sanitizeRichText } from "#app/lib/rich-text.server.ts";
import { refreshClassroomStats } from "#app/modules/forum/forum-classrooms.server.ts";

// Demo training classrooms (issue #17): 产品入门, 实施与运维, 常见问题 with realistic questions and
// answers, an accepted staff answer, an essence thread, a pinned one, an unanswered one and a hidden
// post (a member's purchase intent, hidden from everyone else for the private follow-up).
// Idempotent: classrooms are found by name, threads by classroom and title.

type Author = { member: string } | { staff: string };
interface PostSpec {
  by: Author;
  body: string;
  accepted?: boolean;
}
interface ThreadSpec {
  title: string;
  tags?: string;
  by: Author;
  body: string;
  essence?: boolean;
  pinned?: boolean;
  hidden?: string;
  replies?: PostSpec[];
}

const CUSTOMER = { member: "customer@relay-demo.cn" };
const PROSPECT = { member: "member@relay-demo.cn" };
const CSR = { staff: "service@relay-demo.cn" };

export const DEMO_CLASSROOMS: Array<{
  name: string;
  description: string;
  visibility: ClassroomVisibility;
  admins: string[];
  moderators: string[];
  threads: ThreadSpec[];
}> = [
  {
    name: "产品入门",
    description: "第一次使用接力 CRM？从门户、会员到线索接力，这里有入门课件和大家的提问。",
    visibility: "everyone",
    admins: ["service@relay-demo.cn"],
    moderators: ["customer@relay-demo.cn"],
    threads: [
      {
        title: "门户会员账号和后台员工账号有什么区别？",
        tags: "账号,入门",
        by: PROSPECT,
        essence: true,
        body: "<p>刚注册了会员，想知道会员能在门户做哪些事，和公司同事用的后台账号是一回事吗？</p>",
        replies: [
          {
            by: CUSTOMER,
            body: "<p>不是一回事。会员账号只登录门户（知识库、培训教室、在线需求），员工账号登录 <code>/crm</code> 后台。</p>",
          },
          {
            by: CSR,
            accepted: true,
            body: "<p>补充一下：会员可以关联到 CRM 中的联系人，成交客户还能进入<strong>用户专区</strong>提交服务请求、查看资产和合同。员工账号的权限由系统管理员按角色分配。</p>",
          },
        ],
      },
      {
        title: "线索分配的令牌组怎么设置轮流顺序？",
        tags: "线索,令牌",
        by: CUSTOMER,
        body: "<p>我们市场部想让网站来的线索在三位销售之间轮流分配，请问在哪里设置顺序？</p>",
        replies: [
          {
            by: CSR,
            body: "<p>在后台 <strong>规则 → 令牌组</strong> 中添加成员并拖动排序，再把令牌组绑定到登记分类即可。</p>",
          },
        ],
      },
    ],
  },
  {
    name: "实施与运维",
    description: "部署、备份、升级与性能：会员登录后可见。",
    visibility: "members",
    admins: ["service@relay-demo.cn"],
    moderators: [],
    threads: [
      {
        title: "数据库备份多久做一次比较合适？",
        tags: "备份,运维",
        by: CUSTOMER,
        body: "<p>我们有 20 个销售在用，数据量不大，备份频率有什么建议？</p>",
        replies: [{ by: PROSPECT, body: "<p>我们是每天夜里全量一次，再加每小时的增量，恢复演练每季度做一次。</p>" }],
      },
    ],
  },
  {
    name: "常见问题",
    description: "登录、密码、邮件收不到……先看看这里。",
    visibility: "everyone",
    admins: ["service@relay-demo.cn"],
    moderators: [],
    threads: [
      {
        title: "忘记密码，收不到重置邮件怎么办？",
        tags: "密码,邮件",
        by: PROSPECT,
        pinned: true,
        body: "<p>点了“忘记密码”，等了十分钟还是没收到邮件。</p>",
        replies: [
          {
            by: CSR,
            accepted: true,
            body: "<p>请先检查垃圾邮件文件夹；企业邮箱可能拦截了外部邮件，可以把发件地址加入白名单后再试一次。</p>",
          },
        ],
      },
      {
        title: "手机上能用门户吗？",
        tags: "移动端",
        by: PROSPECT,
        body: "<p>出差时想用手机看知识库和培训课件，页面会不会很挤？</p>",
      },
      {
        title: "我们公司打算采购 30 套，能不能单独报价？",
        tags: "报价",
        by: CUSTOMER,
        hidden: "采购意向：由销售私下跟进",
        body: "<p>我们西安和沈阳两个厂区都要上，总共大约 30 套，希望能有项目价，方便的话请联系我。</p>",
      },
    ],
  },
];

export async function seedDemoForum(db: Db): Promise<void> {
  const members = new Map(
    (await db.member.findMany({ select: { id: true, email: true } })).map((m) => [m.email, m.id] as const),
  );
  const staff = new Map(
    (await db.staff.findMany({ select: { id: true, email: true } })).map((s) => [s.email, s.id] as const),
  );
  const columns = (by: Author) =>
    "member" in by
      ? { authorMemberId: members.get(by.member) ?? null, authorStaffId: null }
      : { authorMemberId: null, authorStaffId: staff.get(by.staff) ?? null };

  for (const [order, spec] of DEMO_CLASSROOMS.entries()) {
    const existing = await db.classroom.findFirst({ where: { name: spec.name }, select: { id: true } });
    const classroomId =
      existing?.id ??
      (
        await db.classroom.create({
          data: { name: spec.name, description: spec.description, visibility: spec.visibility, sortOrder: order * 10 },
        })
      ).id;
    for (const email of spec.admins) {
      const staffId = staff.get(email);
      if (staffId)
        await db.classroomAdmin.upsert({
          where: { classroomId_staffId: { classroomId, staffId } },
          create: { classroomId, staffId },
          update: {},
        });
    }
    for (const email of spec.moderators) {
      const memberId = members.get(email);
      if (memberId)
        await db.classroomModerator.upsert({
          where: { classroomId_memberId: { classroomId, memberId } },
          create: { classroomId, memberId },
          update: {},
        });
    }
    for (const [i, t] of spec.threads.entries()) {
      if (await db.forumThread.findFirst({ where: { classroomId, title: t.title }, select: { id: true } })) continue;
      // Spread the demo over the past weeks so every list order shows something different.
      const at = new Date(Date.now() - (order * 7 + i * 2 + 1) * 86_400_000);
      const hiddenAt = t.hidden ? at : null;
      const tags = (t.tags ?? "").split(",").filter(Boolean);
      const bodyHtml = sanitizeRichText(t.body);
      const thread = await db.forumThread.create({
        data: {
          classroomId,
          title: t.title,
          tags: tags.join(",") || null,
          essence: t.essence ?? false,
          pinned: t.pinned ?? false,
          hiddenAt,
          createdAt: at,
          lastActivityAt: at,
          ...columns(t.by),
          threadTags: { create: tags.map((tag) => ({ tag })) },
          posts: {
            create: {
              isOpening: true,
              bodyHtml,
              bodyText: richTextToPlain(bodyHtml),
              hiddenAt,
              hiddenReason: t.hidden ?? null,
              createdAt: at,
              ...columns(t.by),
            },
          },
        },
      });
      let last = at;
      let acceptedPostId: number | null = null;
      for (const [j, r] of (t.replies ?? []).entries()) {
        last = new Date(at.getTime() + (j + 1) * 3_600_000);
        const html = sanitizeRichText(r.body);
        const reply = await db.forumPost.create({
          data: {
            threadId: thread.id,
            bodyHtml: html,
            bodyText: richTextToPlain(html),
            createdAt: last,
            ...columns(r.by),
          },
        });
        if (r.accepted) acceptedPostId = reply.id;
      }
      await db.forumThread.update({
        where: { id: thread.id },
        data: { replyCount: t.replies?.length ?? 0, lastActivityAt: last, acceptedPostId, viewCount: 12 + i * 7 },
      });
    }
    await refreshClassroomStats(db, classroomId);
  }
}
