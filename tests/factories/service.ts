import type { Db } from "#app/lib/db.server.ts";
import { createStaffRequest, createZoneRequest } from "#app/modules/service/service-requests.server.ts";
import { createTestAsset, createTestContract, createTestZone, createZoneMember } from "./zones.ts";

// Service-request scenarios: two customer zones (each with its CSR, an appointed admin and a
// colleague), an asset under contract in zone A, and helpers that create requests through the
// real service functions.

export async function createServiceScenario(
  db: Db,
  options: {
    responseMode?: "h8x5" | "h8x7" | "h24x7";
    responseTime?: "remote_immediate" | "next_business_day" | "onsite_4h";
  } = {},
) {
  const a = await createTestZone(db, { companyName: `服务测试甲${Date.now()}${Math.floor(Math.random() * 1e6)}` });
  const b = await createTestZone(db, { companyName: `服务测试乙${Date.now()}${Math.floor(Math.random() * 1e6)}` });
  const colleague = await createZoneMember(db, a.company.id, { zoneId: a.zone.id });
  const asset = await createTestAsset(db, a.company.id, { name: "核心交换机" });
  const otherAsset = await createTestAsset(db, b.company.id, { name: "乙方服务器" });
  const contract = await createTestContract(db, a.company.id, {
    responseMode: options.responseMode ?? "h24x7",
    responseTime: options.responseTime ?? "onsite_4h",
    assetIds: [asset.id],
    startDate: new Date("2020-01-01T00:00:00Z"),
    endDate: new Date("2099-12-31T00:00:00Z"),
  });
  return { a, b, colleague, asset, otherAsset, contract };
}

export type ServiceScenario = Awaited<ReturnType<typeof createServiceScenario>>;

export function zoneCtx(
  member: { id: number; nickname: string },
  zone: { id: number; companyId: number },
): { member: { id: number; nickname: string }; zone: { id: number; companyId: number } } {
  return { member: { id: member.id, nickname: member.nickname }, zone: { id: zone.id, companyId: zone.companyId } };
}

/** A zone request by the scenario's zone-A admin member; throws when the service refuses. */
export async function createTestZoneRequest(
  db: Db,
  s: ServiceScenario,
  input: Partial<{ kind: string; subject: string; description: string; assetId: number | null; priority: string }> = {},
) {
  const result = await createZoneRequest(db, zoneCtx(s.a.admin.member, s.a.zone), {
    kind: input.kind ?? "fault",
    subject: input.subject ?? "交换机端口闪断",
    description: input.description ?? "<p>24 口交换机的 3 号端口每隔几分钟闪断一次。</p>",
    assetId: input.assetId === undefined ? s.asset.id : (input.assetId ?? ""),
    priority: input.priority ?? "high",
  });
  if (!result.ok) throw new Error(`createZoneRequest failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export async function createTestPhoneRequest(
  db: Db,
  staff: { id: number; name: string },
  input: Record<string, unknown>,
) {
  const result = await createStaffRequest(db, staff, {
    kind: "question",
    subject: "电话咨询",
    description: "客户来电咨询保修范围",
    channel: "phone",
    ...input,
  });
  if (!result.ok) throw new Error(`createStaffRequest failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}
