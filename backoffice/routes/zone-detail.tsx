import {
  ArrowLeft,
  Check,
  FileSignature,
  Headset,
  Megaphone,
  Package,
  ShieldCheck,
  Trash2,
  UserPlus,
  Users,
  X,
} from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { isoDay } from "#app/modules/service/service-dates.ts";
import { serviceActor } from "#app/modules/zones/service-scope.server.ts";
import {
  addZoneManager,
  confirmMembership,
  declineMembership,
  deleteAnnouncement,
  getZoneForStaff,
  inviteToZone,
  listInvitableMembers,
  postAnnouncement,
  removeMembership,
  removeZoneManager,
  setCustomerAdmin,
  staffCanManageZone,
  ZoneError,
} from "#app/modules/zones/zones.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { membershipStatusKey } from "#app/ui/service-labels.tsx";
import {
  Field,
  Flash,
  Select,
  ServiceErrorBoundary,
  TextInput,
  inputClass,
} from "#backoffice/components/zone-admin-ui.tsx";

// One zone in the back office: its CSRs, its members (pending entries first, highlighted: the CSR's
// confirmation is the second key of the double confirmation), customer admins, and announcements.

const Params = z.object({ zoneId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "service", "browse");
  const viewer = serviceActor(principal, "browse")!;
  const parsed = Params.safeParse(params);
  if (!parsed.success || !(await staffCanManageZone(db, viewer, parsed.data.zoneId))) throw data(null, { status: 404 });
  const zone = await getZoneForStaff(db, parsed.data.zoneId);
  if (!zone) throw data(null, { status: 404 });
  const modifier = serviceActor(principal, "modify");
  const canModify = modifier !== null && (await staffCanManageZone(db, modifier, zone.id));
  const [invitable, staff, assetCount, contractCount] = await Promise.all([
    canModify ? listInvitableMembers(db, zone.id) : Promise.resolve([]),
    canModify
      ? db.staff.findMany({
          where: { status: { not: "inactive" }, id: { notIn: zone.managers.map((m) => m.staff.id) } },
          orderBy: { name: "asc" },
          take: 200,
          select: { id: true, name: true, email: true },
        })
      : Promise.resolve([]),
    db.asset.count({ where: { companyId: zone.company.id } }),
    db.serviceContract.count({ where: { companyId: zone.company.id } }),
  ]);
  const pendingStatuses = new Set(["requested", "customer_confirmed", "staff_confirmed"]);
  return {
    canModify,
    zone: {
      id: zone.id,
      name: zone.name,
      createdAt: isoDay(zone.createdAt),
      company: zone.company,
      managers: zone.managers.map((m) => ({ ...m.staff, addedAt: isoDay(m.addedAt) })),
      pending: zone.memberships
        .filter((m) => pendingStatuses.has(m.status))
        .map((m) => ({
          id: m.id,
          status: m.status,
          initiatedBy: m.initiatedBy,
          createdAt: isoDay(m.createdAt),
          customerConfirmed: m.customerConfirmedAt !== null,
          staffConfirmed: m.staffConfirmedAt !== null,
          member: m.member,
        })),
      active: zone.memberships
        .filter((m) => m.status === "active")
        .map((m) => ({ id: m.id, isCustomerAdmin: m.isCustomerAdmin, member: m.member })),
      announcements: zone.announcements.map((a) => ({
        id: a.id,
        title: a.title,
        body: a.body,
        createdAt: isoDay(a.createdAt),
      })),
    },
    invitable,
    staff,
    assetCount,
    contractCount,
  };
}

const id = z.coerce.number().int().positive().max(2_147_483_647);
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), membershipId: id }),
  z.object({ intent: z.literal("decline"), membershipId: id }),
  z.object({ intent: z.literal("remove"), membershipId: id }),
  z.object({ intent: z.literal("invite"), memberId: id }),
  z.object({ intent: z.literal("appoint"), memberId: id }),
  z.object({ intent: z.literal("revoke"), memberId: id }),
  z.object({ intent: z.literal("addManager"), staffId: id }),
  z.object({ intent: z.literal("removeManager"), staffId: id }),
  z.object({ intent: z.literal("announce"), title: z.string(), body: z.string() }),
  z.object({ intent: z.literal("deleteAnnouncement"), announcementId: id }),
]);

const ERRORS: Partial<Record<ZoneError["code"], MessageKey>> = {
  forbidden: "zones.bo.zone.error.forbidden",
  "invalid-state": "zones.bo.zone.error.state",
  "already-member": "zones.bo.zone.error.already",
  "already-pending": "zones.bo.zone.error.already",
  "wrong-company": "zones.bo.zone.error.company",
  "invalid-input": "zones.bo.zone.error.input",
  "not-found": "zones.bo.zone.error.state",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "service", "modify");
  const staff = serviceActor(principal, "modify")!;
  const zoneId = Params.parse(params).zoneId;
  if (!(await staffCanManageZone(db, staff, zoneId))) throw data(null, { status: 404 });
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false, message: "zones.bo.zone.error.input" as MessageKey }, { status: 400 });
  const input = parsed.data;
  const actor = { type: "staff" as const, staff };
  // a membership id must belong to this zone: the service checks the actor against the row's own zone
  const ownMembership = async (membershipId: number) =>
    (await db.zoneMembership.count({ where: { id: membershipId, zoneId } })) === 1;
  try {
    let message: MessageKey = "zones.bo.zone.done.saved";
    switch (input.intent) {
      case "confirm": {
        if (!(await ownMembership(input.membershipId))) throw new ZoneError("not-found");
        const { status } = await confirmMembership(db, { membershipId: input.membershipId, actor });
        message = status === "active" ? "zones.bo.zone.done.active" : "zones.bo.zone.done.confirmed";
        break;
      }
      case "decline":
        if (!(await ownMembership(input.membershipId))) throw new ZoneError("not-found");
        await declineMembership(db, { membershipId: input.membershipId, actor });
        break;
      case "remove":
        if (!(await ownMembership(input.membershipId))) throw new ZoneError("not-found");
        await removeMembership(db, { membershipId: input.membershipId, actor });
        break;
      case "invite":
        await inviteToZone(db, { zoneId, memberId: input.memberId, actor });
        message = "zones.bo.zone.done.invited";
        break;
      case "appoint":
      case "revoke":
        await setCustomerAdmin(db, {
          zoneId,
          memberId: input.memberId,
          appoint: input.intent === "appoint",
          actor: staff,
        });
        break;
      case "addManager":
        await addZoneManager(db, { zoneId, staffId: input.staffId, actor: staff });
        break;
      case "removeManager":
        await removeZoneManager(db, { zoneId, staffId: input.staffId, actor: staff });
        break;
      case "announce":
        await postAnnouncement(db, { zoneId, title: input.title, body: input.body, actor: staff });
        message = "zones.bo.zone.done.announced";
        break;
      case "deleteAnnouncement": {
        const own = await db.zoneAnnouncement.count({ where: { id: input.announcementId, zoneId } });
        if (own !== 1) throw new ZoneError("not-found");
        await deleteAnnouncement(db, { announcementId: input.announcementId, actor: staff });
        break;
      }
    }
    return data({ ok: true, message });
  } catch (error) {
    if (error instanceof ZoneError) {
      return data(
        { ok: false, message: ERRORS[error.code] ?? ("zones.bo.zone.error.input" as MessageKey) },
        { status: 409 },
      );
    }
    throw error;
  }
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const name = d && typeof d === "object" && "zone" in d ? (d as { zone: { name: string } }).zone.name : "";
  return pageTitle(matches, "zones.bo.zone.pageTitle", { name });
};

function Hidden({ intent, name, value }: { intent: string; name?: string; value?: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {name ? <input type="hidden" name={name} value={value} /> : null}
    </>
  );
}

export default function ZoneDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useI18n();
  const z = d.zone;
  return (
    <div className="space-y-6">
      <div>
        <Link to="/crm/zones" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
          <ArrowLeft aria-hidden className="size-4" />
          {t("zones.bo.zone.back")}
        </Link>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <p className="text-sm font-medium text-blue-600">{t("zones.bo.eyebrow")}</p>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{z.name}</h1>
            <p className="mt-1 text-sm text-slate-500">
              {z.company.number} · {z.company.name}
              {z.company.city ? ` · ${z.company.city}` : ""} · {t("zones.bo.zone.since", { date: z.createdAt })}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <ButtonLink to={`/crm/assets?companyId=${z.company.id}`} variant="secondary" size="sm">
              <Package aria-hidden className="size-4" />
              {t("zones.bo.zone.assets", { count: d.assetCount })}
            </ButtonLink>
            <ButtonLink to={`/crm/service-contracts?companyId=${z.company.id}`} variant="secondary" size="sm">
              <FileSignature aria-hidden className="size-4" />
              {t("zones.bo.zone.contracts", { count: d.contractCount })}
            </ButtonLink>
          </div>
        </div>
      </div>

      <Flash result={result} />

      <Card className={cn(z.pending.length > 0 && "border-amber-300 ring-1 ring-amber-200")}>
        <CardHeader
          icon={<ShieldCheck aria-hidden className="size-4" />}
          title={t("zones.bo.zone.pending", { count: z.pending.length })}
          description={t("zones.bo.zone.pendingHint")}
        />
        {z.pending.length === 0 ? (
          <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.bo.zone.pendingEmpty")}</p>
        ) : (
          <ul className="divide-y divide-amber-100 bg-amber-50/30">
            {z.pending.map((m) => (
              <li key={m.id} className="flex flex-col gap-3 px-5 py-3.5 lg:flex-row lg:items-center">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    <Link to={`/crm/members/${m.member.id}`} className="hover:text-blue-700">
                      {m.member.nickname}
                    </Link>
                    <span className="ml-2 text-sm font-normal text-slate-500">
                      {[m.member.realName, m.member.title, m.member.email].filter(Boolean).join(" · ")}
                    </span>
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <span>
                      {t(
                        `zones.bo.zone.initiated.${m.initiatedBy === "member" ? "member" : m.initiatedBy === "staff" ? "staff" : "customer"}`,
                        { date: m.createdAt },
                      )}
                    </span>
                    <Badge tone={m.customerConfirmed ? "green" : "slate"}>
                      {m.customerConfirmed ? t("zones.bo.zone.customerYes") : t("zones.bo.zone.customerNo")}
                    </Badge>
                    <Badge tone={m.staffConfirmed ? "green" : "amber"}>
                      {m.staffConfirmed ? t("zones.bo.zone.staffYes") : t("zones.bo.zone.staffNo")}
                    </Badge>
                  </p>
                </div>
                {d.canModify ? (
                  <div className="flex gap-2">
                    {!m.staffConfirmed ? (
                      <Form method="post">
                        <Hidden intent="confirm" name="membershipId" value={m.id} />
                        <Button
                          type="submit"
                          size="sm"
                          disabled={busy}
                          aria-label={t("zones.bo.zone.confirmFor", { name: m.member.nickname })}
                        >
                          <Check aria-hidden className="size-4" />
                          {t("zones.bo.zone.confirm")}
                        </Button>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <Hidden intent="decline" name="membershipId" value={m.id} />
                      <Button
                        type="submit"
                        size="sm"
                        variant="secondary"
                        disabled={busy}
                        aria-label={t("zones.bo.zone.declineFor", { name: m.member.nickname })}
                      >
                        <X aria-hidden className="size-4" />
                        {t("zones.bo.zone.decline")}
                      </Button>
                    </Form>
                  </div>
                ) : (
                  <Badge tone="slate">{t(membershipStatusKey(m.status))}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader
            icon={<Users aria-hidden className="size-4" />}
            title={t("zones.bo.zone.members", { count: z.active.length })}
          />
          {z.active.length === 0 ? (
            <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.bo.zone.membersEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {z.active.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
                  <div className="min-w-0 flex-1">
                    <Link to={`/crm/members/${m.member.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                      {m.member.nickname}
                    </Link>
                    <p className="truncate text-xs text-slate-500">
                      {[m.member.realName, m.member.title, m.member.email].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                  {m.isCustomerAdmin ? <Badge tone="violet">{t("zones.members.customerAdmin")}</Badge> : null}
                  {d.canModify ? (
                    <div className="flex gap-1">
                      <Form method="post">
                        <Hidden intent={m.isCustomerAdmin ? "revoke" : "appoint"} name="memberId" value={m.member.id} />
                        <Button type="submit" size="sm" variant="ghost" disabled={busy}>
                          {m.isCustomerAdmin ? t("zones.bo.zone.revoke") : t("zones.bo.zone.appoint")}
                        </Button>
                      </Form>
                      <Form method="post">
                        <Hidden intent="remove" name="membershipId" value={m.id} />
                        <Button
                          type="submit"
                          size="sm"
                          variant="ghost"
                          disabled={busy}
                          aria-label={t("zones.bo.zone.removeFor", { name: m.member.nickname })}
                        >
                          {t("zones.bo.zone.remove")}
                        </Button>
                      </Form>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {d.canModify ? (
            <Form
              method="post"
              className="flex flex-col gap-2 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-end"
            >
              <input type="hidden" name="intent" value="invite" />
              <Field label={t("zones.bo.zone.invite")} className="flex-1">
                <Select name="memberId" required disabled={d.invitable.length === 0}>
                  {d.invitable.length === 0 ? <option value="">{t("zones.bo.zone.inviteNone")}</option> : null}
                  {d.invitable.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.nickname}
                      {m.realName ? `（${m.realName}）` : ""} · {m.email}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" variant="secondary" disabled={busy || d.invitable.length === 0}>
                <UserPlus aria-hidden className="size-4" />
                {t("zones.bo.zone.inviteSubmit")}
              </Button>
            </Form>
          ) : null}
        </Card>

        <Card>
          <CardHeader
            icon={<Headset aria-hidden className="size-4" />}
            title={t("zones.bo.zone.csrs")}
            description={t("zones.bo.zone.csrsHint")}
          />
          <ul className="divide-y divide-slate-100">
            {z.managers.map((m) => (
              <li key={m.id} className="flex items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">{m.name}</p>
                  <p className="truncate text-xs text-slate-500">{m.email}</p>
                </div>
                {d.canModify && z.managers.length > 1 ? (
                  <Form method="post">
                    <Hidden intent="removeManager" name="staffId" value={m.id} />
                    <Button
                      type="submit"
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      aria-label={t("zones.bo.zone.removeFor", { name: m.name })}
                    >
                      {t("zones.bo.zone.remove")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {d.canModify ? (
            <Form
              method="post"
              className="flex flex-col gap-2 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-end"
            >
              <input type="hidden" name="intent" value="addManager" />
              <Field label={t("zones.bo.zone.addCsr")} className="flex-1">
                <Select name="staffId" required defaultValue="">
                  <option value="" disabled>
                    {t("zones.bo.choose")}
                  </option>
                  {d.staff.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} · {s.email}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("zones.bo.zone.addCsrSubmit")}
              </Button>
            </Form>
          ) : null}
        </Card>
      </div>

      <Card>
        <CardHeader
          icon={<Megaphone aria-hidden className="size-4" />}
          title={t("zones.bo.zone.announcements")}
          description={t("zones.bo.zone.announcementsHint")}
        />
        {z.announcements.length === 0 ? (
          <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.bo.zone.announcementsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {z.announcements.map((a) => (
              <li key={a.id} className="flex gap-3 px-5 py-3.5">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {a.title} <time className="ml-2 text-xs font-normal text-slate-500">{a.createdAt}</time>
                  </p>
                  <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{a.body}</p>
                </div>
                {d.canModify ? (
                  <Form method="post">
                    <Hidden intent="deleteAnnouncement" name="announcementId" value={a.id} />
                    <Button
                      type="submit"
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      aria-label={t("zones.bo.zone.deleteAnnouncement", { title: a.title })}
                    >
                      <Trash2 aria-hidden className="size-4" />
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {d.canModify ? (
          <Form method="post" className="grid gap-3 border-t border-slate-100 px-5 py-4">
            <input type="hidden" name="intent" value="announce" />
            <Field label={t("zones.bo.zone.announceTitle")}>
              <TextInput name="title" required maxLength={200} />
            </Field>
            <Field label={t("zones.bo.zone.announceBody")}>
              <textarea name="body" required maxLength={5000} rows={3} className={cn(inputClass, "h-auto py-2")} />
            </Field>
            <div>
              <Button type="submit" disabled={busy}>
                <Megaphone aria-hidden className="size-4" />
                {t("zones.bo.zone.announceSubmit")}
              </Button>
            </div>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <ServiceErrorBoundary error={error} back="/crm/zones" backLabel="zones.bo.zone.back" />;
}
