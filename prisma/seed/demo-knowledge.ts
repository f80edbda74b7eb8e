import type { KnowledgeStatus, KnowledgeVisibility } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";

// Demo solutions (knowledge base) and zone polls. Idempotent: re-running updates in place.
// Solutions are keyed by their record number (SOLN000000000001…), polls by zone and question.
// Every visibility appears once at least, plus a draft, so the visibility rules can be tried out
// with the demo accounts (visitor / member@ / customer@ / zone members / service@).

interface ArticleSpec {
  summary: string;
  category: string;
  keywords: string;
  visibility: KnowledgeVisibility;
  status: KnowledgeStatus;
  publishedAt: string | null;
  description: string;
  solution: string;
}

export const DEMO_ARTICLES: readonly ArticleSpec[] = [
  {
    summary: "平衡机开机后如何进行校准（标定）？",
    category: "平衡机",
    keywords: "校准, 标定, 平衡机, 开机, calibration",
    visibility: "public",
    status: "published",
    publishedAt: "2026-09-02T02:00:00Z",
    description:
      "<p>新装或搬迁后的平衡机、更换传感器之后，以及测量结果明显漂移时，需要重新校准。常见表现：同一转子重复测量，不平衡量相差超过 10%。</p>",
    solution:
      "<ol><li>准备随机附带的标准校验转子，清洁主轴与夹具。</li><li>在操作界面进入 <strong>系统设置 → 标定</strong>，选择“两面标定”。</li><li>按提示先空转一次，再分别在左、右校正面加装 10 g 试重各运行一次。</li><li>保存标定结果，用校验转子复测：残余不平衡量应低于 0.5 gmm/kg。</li></ol><p>若复测仍超差，请检查皮带张紧度与地脚螺栓后再次标定。</p>",
  },
  {
    summary: "振动分析仪无法开机或电池很快耗尽",
    category: "振动分析",
    keywords: "电池, 开机, 充电, 振动分析仪",
    visibility: "public",
    status: "published",
    publishedAt: "2026-09-15T06:30:00Z",
    description: "<p>按下电源键无反应，或充满电后使用不到 1 小时即自动关机。</p>",
    solution:
      "<p>先用原装适配器连续充电 4 小时，期间指示灯应为橙色，充满后变绿。仍无法开机时，长按电源键 15 秒强制重启。电池使用超过 500 次循环后容量会明显下降，可联系我们购买原厂电池（料号 VA-BAT-02）。</p>",
  },
  {
    summary: "如何根据 ISO 21940 选择平衡精度等级（G 等级）？",
    category: "平衡机",
    keywords: "ISO 21940, 精度等级, G2.5, G6.3, 平衡品质",
    visibility: "public",
    status: "published",
    publishedAt: "2026-10-08T01:00:00Z",
    description: "<p>客户经常询问电机转子、风机叶轮应按哪个平衡精度等级验收。</p>",
    solution:
      "<p>常用参考：</p><ul><li><strong>G6.3</strong>：风机叶轮、泵叶轮、一般电机转子。</li><li><strong>G2.5</strong>：汽轮机、压缩机、机床主轴电机。</li><li><strong>G1</strong>：磨床主轴、精密小电机。</li></ul><p>许用不平衡量 U = 9549 × G × m / n（g·mm），m 为转子质量 kg，n 为最高工作转速 r/min。</p>",
  },
  {
    summary: "会员专享：平衡机日常点检表与保养周期",
    category: "平衡机",
    keywords: "点检, 保养, 润滑, 维护周期",
    visibility: "members",
    status: "published",
    publishedAt: "2026-10-20T03:00:00Z",
    description: "<p>会员常问平衡机日常需要检查哪些项目、多久保养一次。</p>",
    solution:
      "<p><strong>每班</strong>：清洁主轴与夹具，检查安全罩联锁。<br><strong>每周</strong>：检查皮带磨损与张紧度。<br><strong>每半年</strong>：更换主轴润滑油，校验传感器连接线。<br><strong>每年</strong>：由客服工程师上门巡检并重新标定。</p>",
  },
  {
    summary: "客户专享：SY3240 平衡机报警 E21（测量超时）的处理",
    category: "平衡机",
    keywords: "SY3240, E21, 报警, 测量超时, 光电传感器",
    visibility: "customers",
    status: "published",
    publishedAt: "2026-11-05T08:00:00Z",
    description: "<p>SY3240-6e 在自动循环中偶发 E21 报警，设备停机，需人工复位。</p>",
    solution:
      "<ol><li>检查转速光电传感器镜面是否有油污，用无水酒精清洁。</li><li>确认反光贴纸完整、与传感器距离 10–15 mm。</li><li>若仍报警，在诊断页面查看转速信号波形，并把截图发到用户专区的服务请求中，我们将远程分析。</li></ol>",
  },
  {
    summary: "客户专享：现场动平衡服务的预约与准备事项",
    category: "现场服务",
    keywords: "现场动平衡, 预约, 上门, 停机窗口",
    visibility: "customers",
    status: "published",
    publishedAt: "2026-11-12T02:00:00Z",
    description: "<p>合约客户预约工程师上门做现场动平衡前需要准备什么。</p>",
    solution:
      "<p>请在用户专区提交“服务请求”，注明设备名称、转速和期望日期。现场需准备：停机窗口不少于 4 小时、220V 电源、登高作业许可（如需）。8x5 合约次工作日响应，24x7 合约 4 小时内到场。</p>",
  },
  {
    summary: "内部：传感器返厂检测流程与备件借用规则",
    category: "内部流程",
    keywords: "返厂, 备件, 借用, RMA",
    visibility: "internal",
    status: "published",
    publishedAt: "2026-10-01T02:00:00Z",
    description: "<p>客服处理传感器疑似损坏时的内部流程。</p>",
    solution:
      "<p>先在服务请求中记录序列号，开具 RMA 单；保修期内客户可先借用备件（押金豁免），旧件 10 个工作日内寄回。借用记录登记在备件台账。</p>",
  },
  {
    summary: "（草稿）新版平衡机软件 V5.2 升级说明",
    category: "软件与授权",
    keywords: "软件升级, V5.2, 授权",
    visibility: "customers",
    status: "draft",
    publishedAt: null,
    description: "<p>V5.2 即将发布，整理升级步骤。</p>",
    solution: "<p>待补充：备份标定参数、升级步骤、授权文件迁移。</p>",
  },
];

const DEMO_POLLS: ReadonlyArray<{
  companyNumber: number;
  question: string;
  options: string[];
  closed: boolean;
  votes: Array<[email: string, optionIndex: number]>;
}> = [
  {
    companyNumber: 1,
    question: "明年您最希望我们优先改进哪项服务？",
    options: ["远程诊断响应速度", "上门服务预约更灵活", "备件供应周期", "操作培训"],
    closed: false,
    votes: [["zone-a-admin@relay-demo.cn", 0]],
  },
  {
    companyNumber: 2,
    question: "年度巡检安排在哪个月份最合适？",
    options: ["3 月", "6 月", "9 月", "12 月"],
    closed: true,
    votes: [
      ["zone-b-admin@relay-demo.cn", 3],
      ["zone-b-user@relay-demo.cn", 3],
      ["zone-b-user2@relay-demo.cn", 1],
    ],
  },
];

export async function seedDemoKnowledge(db: Db): Promise<void> {
  const author = await db.staff.findUnique({ where: { email: "service@relay-demo.cn" }, select: { id: true } });
  for (const [index, spec] of DEMO_ARTICLES.entries()) {
    const number = recordNumber("knowledge", index + 1);
    const fields = {
      summary: spec.summary,
      descriptionHtml: spec.description,
      solutionHtml: spec.solution,
      category: spec.category,
      keywords: spec.keywords,
      visibility: spec.visibility,
      status: spec.status,
      publishedAt: spec.publishedAt ? new Date(spec.publishedAt) : null,
      authorId: author?.id ?? null,
    };
    await db.knowledgeArticle.upsert({ where: { number }, create: { number, ...fields }, update: fields });
  }

  for (const spec of DEMO_POLLS) {
    const zone = await db.zone.findFirst({
      where: { company: { number: recordNumber("company", spec.companyNumber) } },
      select: { id: true },
    });
    if (!zone) continue; // zones come from demo-zones.ts; without them there is nothing to poll
    let poll = await db.zonePoll.findFirst({
      where: { zoneId: zone.id, question: spec.question },
      include: { options: { orderBy: { position: "asc" } } },
    });
    if (!poll) {
      poll = await db.zonePoll.create({
        data: {
          zoneId: zone.id,
          question: spec.question,
          createdById: author?.id ?? null,
          options: { create: spec.options.map((label, position) => ({ label, position })) },
        },
        include: { options: { orderBy: { position: "asc" } } },
      });
    }
    for (const [email, optionIndex] of spec.votes) {
      const member = await db.member.findUnique({ where: { email }, select: { id: true } });
      const option = poll.options[optionIndex];
      if (!member || !option) continue;
      await db.zonePollVote.upsert({
        where: { pollId_memberId: { pollId: poll.id, memberId: member.id } },
        create: { pollId: poll.id, memberId: member.id, optionId: option.id },
        update: { optionId: option.id },
      });
    }
    if (spec.closed && !poll.closedAt) {
      await db.zonePoll.update({ where: { id: poll.id }, data: { closedAt: new Date("2026-11-15T10:00:00Z") } });
    }
  }
}
