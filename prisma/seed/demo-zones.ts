import { Prisma, type AssetStatus, type MaintenanceMethod, type MemberStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { DEMO_MEMBER_PASSWORD } from "./demo-members.ts";

// Demo customer zones with members, CSRs, assets and service contracts. Idempotent: re-running
// updates in place. member@relay-demo.cn and customer@relay-demo.cn stay OUT of every zone (other
// tests rely on that); customer@ belongs to zone A's company and may ask to join.

export const DEMO_ZONE_MEMBER_PASSWORD = DEMO_MEMBER_PASSWORD;

interface ZoneMemberSpec {
  email: string;
  nickname: string;
  realName: string;
  title: string;
  membership: "admin" | "active" | "requested";
}

interface AssetSpec {
  key: string;
  name: string;
  model?: string;
  serialNumber?: string;
  spec?: string;
  quantity?: number;
  customerAssetNo?: string;
  supplier?: string;
  status: AssetStatus;
  installedOn?: string;
  warranty?: [string, string, string];
  parent?: string;
  maintenance?: Array<[string, MaintenanceMethod, string]>;
}

interface ContractSpec {
  name: string;
  type: "direct" | "third_party";
  status: "drafting" | "in_force" | "completed";
  approvalState: "pending" | "approved" | "rejected";
  responseMode: "h8x5" | "h8x7" | "h24x7";
  responseTime: "remote_immediate" | "next_business_day" | "onsite_4h";
  start: string;
  end: string;
  owner: string;
  terms: string;
  covers: Array<[assetKey: string, net: string, total: string]>;
}

interface ZoneSpec {
  companyNumber: number;
  managers: string[];
  members: ZoneMemberSpec[];
  announcements: Array<[string, string, string]>;
  assets: AssetSpec[];
  contracts: ContractSpec[];
}

export const DEMO_ZONES: readonly ZoneSpec[] = [
  {
    companyNumber: 1,
    managers: ["service@relay-demo.cn", "sun.tao@relay-demo.cn"],
    members: [
      {
        email: "zone-a-admin@relay-demo.cn",
        nickname: "恒通设备科",
        realName: "郑海波",
        title: "设备科科长",
        membership: "admin",
      },
      {
        email: "zone-a-user@relay-demo.cn",
        nickname: "恒通车间小刘",
        realName: "刘晓峰",
        title: "车间工程师",
        membership: "active",
      },
      {
        email: "zone-a-pending@relay-demo.cn",
        nickname: "恒通新同事",
        realName: "高原",
        title: "采购专员",
        membership: "requested",
      },
    ],
    announcements: [
      [
        "2026-11-18T02:00:00Z",
        "年底设备巡检安排",
        "12 月 8 日至 12 日，客服工程师将到厂对 SY3240 平衡机进行年度巡检，请设备科提前安排停机窗口。",
      ],
    ],
    assets: [
      {
        key: "sy3240",
        name: "SY3240平衡机",
        model: "SY3240-6e",
        serialNumber: "20040201-5326-A33",
        spec: "六工位全自动平衡机，最大工件 40 kg",
        customerAssetNo: "HT-SB-0087",
        supplier: "申岩动平衡（上海）有限公司",
        status: "installed",
        installedOn: "2025-03-12",
        warranty: ["整机保修，易损件除外", "2025-03-12", "2027-03-11"],
        maintenance: [
          ["2025-03-12", "install", "现场安装、水平校准，试运行 48 小时通过验收。"],
          ["2025-09-20", "maintain", "半年保养：更换润滑油，检查皮带张紧度。"],
          ["2026-05-06", "upgrade", "控制软件升级至 6.2，新增不平衡量趋势报表。"],
        ],
      },
      {
        key: "sy3240-measure",
        parent: "sy3240",
        name: "测量单元",
        model: "MU-6e",
        serialNumber: "MU-20040201-01",
        status: "installed",
        installedOn: "2025-03-12",
        maintenance: [["2026-02-14", "configure", "重新标定测量通道，精度恢复到 0.1 g·mm。"]],
      },
      {
        key: "sy3240-drive",
        parent: "sy3240",
        name: "驱动单元",
        model: "DU-3.7kW",
        serialNumber: "DU-20040201-02",
        status: "repairing",
        installedOn: "2025-03-12",
      },
      {
        key: "sy3240-sensor",
        parent: "sy3240-measure",
        name: "压电传感器",
        model: "PS-200",
        serialNumber: "PS200-88321",
        quantity: 2,
        status: "installed",
        maintenance: [["2026-02-14", "replace", "左侧传感器信号漂移，更换新件。"]],
      },
      {
        key: "sy3240-motor",
        parent: "sy3240-drive",
        name: "主轴电机",
        model: "YVF2-100L",
        serialNumber: "YVF-7730451",
        status: "repairing",
        maintenance: [["2026-11-10", "repair", "电机轴承异响，已返厂维修，预计 11 月底装回。"]],
      },
    ],
    contracts: [
      {
        name: "2026 年度平衡机维保服务合约",
        type: "direct",
        status: "in_force",
        approvalState: "approved",
        responseMode: "h8x5",
        responseTime: "next_business_day",
        start: "2026-01-01",
        end: "2026-12-31",
        owner: "service@relay-demo.cn",
        terms: "1. 工作日 8:00–17:00 响应，次工作日到场。\n2. 每年两次预防性保养。\n3. 易损件按成本价提供。",
        covers: [
          ["sy3240", "186000.00", "268000.00"],
          ["sy3240-measure", "42000.00", "56000.00"],
        ],
      },
      {
        name: "2027 年度维保续约（草稿）",
        type: "direct",
        status: "drafting",
        approvalState: "pending",
        responseMode: "h8x5",
        responseTime: "next_business_day",
        start: "2027-01-01",
        end: "2027-12-31",
        owner: "service@relay-demo.cn",
        terms: "续约草稿：价格待商务确认。",
        covers: [["sy3240", "170000.00", "268000.00"]],
      },
    ],
  },
  {
    companyNumber: 2,
    managers: ["sun.tao@relay-demo.cn"],
    members: [
      {
        email: "zone-b-admin@relay-demo.cn",
        nickname: "星辰信息中心",
        realName: "韩雪",
        title: "信息中心主任",
        membership: "admin",
      },
      {
        email: "zone-b-user@relay-demo.cn",
        nickname: "星辰运维阿杰",
        realName: "周杰",
        title: "运维工程师",
        membership: "active",
      },
      {
        email: "zone-b-user2@relay-demo.cn",
        nickname: "星辰产线老陈",
        realName: "陈立新",
        title: "产线主管",
        membership: "active",
      },
    ],
    announcements: [
      [
        "2026-11-15T06:00:00Z",
        "服务热线升级",
        "即日起 7×24 小时服务热线 400-820-0000 支持远程诊断，请优先通过专区提交服务请求。",
      ],
    ],
    assets: [
      {
        key: "hx500",
        name: "HX-500 立式加工中心",
        model: "HX-500V",
        serialNumber: "HX500-2024-0719",
        spec: "三轴，工作台 1000×500 mm",
        customerAssetNo: "XC-JG-012",
        supplier: "本公司直供",
        status: "installed",
        installedOn: "2024-08-02",
        warranty: ["主机三年、数控系统两年", "2024-08-02", "2027-08-01"],
        maintenance: [
          ["2024-08-02", "install", "安装调试完成。"],
          ["2026-08-15", "maintain", "年度精度检测，定位精度合格。"],
        ],
      },
      {
        key: "hx500-cnc",
        parent: "hx500",
        name: "数控系统",
        model: "FANUC 0i-MF",
        serialNumber: "F0I-99120",
        status: "upgraded",
      },
      {
        key: "hx500-spindle",
        parent: "hx500",
        name: "主轴单元",
        model: "BT40-12000",
        serialNumber: "SP-12000-553",
        status: "installed",
      },
    ],
    contracts: [
      {
        name: "加工中心 7×24 第三方维保合约",
        type: "third_party",
        status: "in_force",
        approvalState: "approved",
        responseMode: "h24x7",
        responseTime: "onsite_4h",
        start: "2026-01-01",
        end: "2026-12-15",
        owner: "sun.tao@relay-demo.cn",
        terms: "7×24 小时响应，4 小时内工程师到场；备件由第三方维保商提供。",
        covers: [
          ["hx500", "320000.00", "450000.00"],
          ["hx500-cnc", "60000.00", "80000.00"],
        ],
      },
    ],
  },
];

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function seedDemoZones(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_ZONE_MEMBER_PASSWORD);
  const registeredAt = new Date("2026-11-02T02:00:00Z");
  const staffIds = new Map(
    (
      await db.staff.findMany({ where: { email: { endsWith: "@relay-demo.cn" } }, select: { id: true, email: true } })
    ).map((s) => [s.email, s.id]),
  );
  const staffId = (email: string) => {
    const id = staffIds.get(email);
    if (id === undefined) throw new Error(`demo staff ${email} missing`);
    return id;
  };

  for (const spec of DEMO_ZONES) {
    const company = await db.company.findUniqueOrThrow({
      where: { number: recordNumber("company", spec.companyNumber) },
    });
    const zone = await db.zone.upsert({
      where: { companyId: company.id },
      create: { companyId: company.id, name: `${company.name}用户专区` },
      update: { name: `${company.name}用户专区` },
    });
    await db.zoneManager.deleteMany({ where: { zoneId: zone.id } });
    await db.zoneManager.createMany({
      data: spec.managers.map((email) => ({ zoneId: zone.id, staffId: staffId(email) })),
    });
    const csrId = staffId(spec.managers[0]!);

    let adminMemberId: number | null = null;
    for (const [index, m] of spec.members.entries()) {
      const status: MemberStatus = "verified";
      const fields = {
        nickname: m.nickname,
        passwordHash,
        level: "customer" as const,
        status,
        realName: m.realName,
        title: m.title,
        companyName: company.name,
        companyId: company.id,
        realNameVerifiedAt: registeredAt,
        activatedAt: registeredAt,
        resumeStatus: null,
        suspendedUntil: null,
        suspensionReason: null,
      };
      const member = await db.member.upsert({
        where: { email: m.email },
        create: { ...fields, email: m.email, createdAt: new Date(registeredAt.getTime() + index * 60_000) },
        update: fields,
      });
      const confirmed = m.membership !== "requested";
      const membership = {
        isCustomerAdmin: m.membership === "admin",
        status: confirmed ? ("active" as const) : ("requested" as const),
        initiatedBy: m.membership === "admin" ? "staff" : "member",
        customerConfirmedById: confirmed && m.membership !== "admin" ? adminMemberId : null,
        customerConfirmedAt: confirmed ? registeredAt : null,
        staffConfirmedById: confirmed ? csrId : null,
        staffConfirmedAt: confirmed ? registeredAt : null,
      };
      await db.zoneMembership.upsert({
        where: { zoneId_memberId: { zoneId: zone.id, memberId: member.id } },
        create: { zoneId: zone.id, memberId: member.id, ...membership },
        update: membership,
      });
      if (m.membership === "admin") adminMemberId = member.id;
    }

    await db.zoneAnnouncement.deleteMany({ where: { zoneId: zone.id } });
    for (const [at, title, body] of spec.announcements) {
      await db.zoneAnnouncement.create({
        data: { zoneId: zone.id, title, body, authorStaffId: csrId, createdAt: new Date(at) },
      });
    }

    const assetIds = new Map<string, number>();
    for (const a of spec.assets) {
      const fields = {
        name: a.name,
        model: a.model ?? null,
        spec: a.spec ?? null,
        quantity: a.quantity ?? 1,
        customerAssetNo: a.customerAssetNo ?? null,
        supplier: a.supplier ?? null,
        status: a.status,
        installedOn: a.installedOn ? day(a.installedOn) : null,
        warrantyScope: a.warranty?.[0] ?? null,
        warrantyStart: a.warranty ? day(a.warranty[1]) : null,
        warrantyEnd: a.warranty ? day(a.warranty[2]) : null,
        parentId: a.parent ? (assetIds.get(a.parent) ?? null) : null,
      };
      const existing = await db.asset.findFirst({
        where: { companyId: company.id, serialNumber: a.serialNumber ?? null, name: a.name },
      });
      let id: number;
      if (existing) {
        id = (await db.asset.update({ where: { id: existing.id }, data: fields })).id;
      } else {
        const created = await db.asset.create({
          data: {
            ...fields,
            companyId: company.id,
            serialNumber: a.serialNumber ?? null,
            number: `TMPSEED${a.key}`.slice(0, 20),
          },
        });
        id = created.id;
        await db.asset.update({ where: { id }, data: { number: recordNumber("asset", id) } });
      }
      assetIds.set(a.key, id);
      await db.assetMaintenance.deleteMany({ where: { assetId: id } });
      for (const [performedOn, method, summary] of a.maintenance ?? []) {
        await db.assetMaintenance.create({
          data: { assetId: id, performedOn: day(performedOn), method, summary, staffId: csrId },
        });
      }
    }

    for (const c of spec.contracts) {
      const fields = {
        type: c.type,
        status: c.status,
        approvalState: c.approvalState,
        responseMode: c.responseMode,
        responseTime: c.responseTime,
        startDate: day(c.start),
        endDate: day(c.end),
        terms: c.terms,
        ownerId: staffId(c.owner),
      };
      const existing = await db.serviceContract.findFirst({ where: { companyId: company.id, name: c.name } });
      let id: number;
      if (existing) {
        id = (await db.serviceContract.update({ where: { id: existing.id }, data: fields })).id;
      } else {
        const created = await db.serviceContract.create({
          data: { ...fields, companyId: company.id, name: c.name, number: `TMPSEED${c.start}${c.type}`.slice(0, 20) },
        });
        id = created.id;
        await db.serviceContract.update({ where: { id }, data: { number: recordNumber("serviceContract", id) } });
      }
      await db.serviceContractAsset.deleteMany({ where: { contractId: id } });
      for (const [key, net, total] of c.covers) {
        await db.serviceContractAsset.create({
          data: {
            contractId: id,
            assetId: assetIds.get(key)!,
            netValue: new Prisma.Decimal(net),
            totalValue: new Prisma.Decimal(total),
          },
        });
      }
    }
  }
}
