import { Check, ShieldCheck, UserMinus, UserPlus, Users, X } from "lucide-react";
import {
  data,
  Form,
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
import { isoDay } from "#app/modules/service/service-dates.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import {
  confirmMembership,
  declineMembership,
  inviteToZone,
  leaveZone,
  listInvitableMembers,
  listZoneMembers,
  removeMembership,
  ZoneError,
} from "#app/modules/zones/zones.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { membershipStatusKey } from "#app/ui/service/labels.tsx";
import { ZoneErrorBoundary, ZoneShell } from "#portal/components/zone-ui.tsx";

// 专区成员: everyone sees the zone's confirmed members (nicknames only). The customer's appointed
// admins also see pending entries and confirm, decline, invite colleagues and remove members; entry
// still needs customer service's confirmation too (decision 018).

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const admin = context.membership.isCustomerAdmin;
  const [members, invitable] = await Promise.all([
    listZoneMembers(db, context.zone.id, { includePending: admin }),
    admin ? listInvitableMembers(db, context.zone.id) : Promise.resolve([]),
  ]);
  return {
    zone: { name: context.zone.name },
    me: { memberId: context.member.id, isCustomerAdmin: admin },
    members: members.map((m) => ({
      id: m.id,
      status: m.status,
      isCustomerAdmin: m.isCustomerAdmin,
      initiatedBy: m.initiatedBy,
      since: isoDay(m.createdAt),
      customerConfirmed: m.customerConfirmedAt !== null,
      staffConfirmed: m.staffConfirmedAt !== null,
      memberId: m.member.id,
      nickname: m.member.nickname,
      // real names and titles are for the customer's admins, who know their colleagues
      realName: admin ? m.member.realName : null,
      title: admin ? m.member.title : null,
    })),
    invitable: invitable.map((m) => ({ id: m.id, label: `${m.nickname}${m.realName ? `（${m.realName}）` : ""}` })),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), membershipId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("decline"), membershipId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("remove"), membershipId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("invite"), memberId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("leave") }),
]);

const ERROR_KEYS: Partial<Record<ZoneError["code"], MessageKey>> = {
  forbidden: "zones.members.error.forbidden",
  "invalid-state": "zones.members.error.state",
  "already-member": "zones.members.error.already",
  "already-pending": "zones.members.error.already",
  "wrong-company": "zones.members.error.company",
};

export async function action({ request }: ActionFunctionArgs) {
  const context = await requireZoneAccess(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ ok: false as const, message: "zones.members.error.generic" as MessageKey }, { status: 400 });
  const input = parsed.data;
  const actor = { type: "customer_admin" as const, memberId: context.member.id };
  try {
    if (input.intent === "leave") {
      await leaveZone(db, { memberId: context.member.id });
      return data({ ok: true as const, message: "zones.members.done.left" as MessageKey });
    }
    if (!context.membership.isCustomerAdmin) throw new ZoneError("forbidden");
    // the services look membership ids up inside this zone only: another zone's id is "not found"
    if (input.intent === "confirm") {
      const { status } = await confirmMembership(db, { zoneId: context.zone.id, membershipId: input.membershipId, actor });
      return data({
        ok: true as const,
        message: (status === "active" ? "zones.members.done.active" : "zones.members.done.confirmed") as MessageKey,
      });
    }
    if (input.intent === "decline") await declineMembership(db, { zoneId: context.zone.id, membershipId: input.membershipId, actor });
    if (input.intent === "remove") await removeMembership(db, { zoneId: context.zone.id, membershipId: input.membershipId, actor });
    if (input.intent === "invite") await inviteToZone(db, { zoneId: context.zone.id, memberId: input.memberId, actor });
    return data({ ok: true as const, message: `zones.members.done.${input.intent}` as MessageKey });
  } catch (error) {
    if (error instanceof ZoneError) {
      // a membership of another zone is reported as not found, never confirmed
      const status = error.code === "forbidden" ? 403 : error.code === "not-found" ? 404 : 409;
      return data(
        { ok: false as const, message: ERROR_KEYS[error.code] ?? ("zones.members.error.generic" as MessageKey) },
        { status },
      );
    }
    throw error;
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "zones.members.title");

export default function ZoneMembers() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const busy = useNavigation().state !== "idle";
  const active = d.members.filter((m) => m.status === "active");
  const pending = d.members.filter((m) => m.status !== "active");

  return (
    <ZoneShell zoneName={d.zone.name}>
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("zones.members.title")}</h1>
          <p className="mt-1.5 max-w-2xl text-[15px] text-slate-500">
            {d.me.isCustomerAdmin ? t("zones.members.adminHint") : t("zones.members.hint")}
          </p>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="leave" />
          <Button type="submit" variant="ghost" size="sm" disabled={busy}>
            <UserMinus aria-hidden className="size-4" />
            {t("zones.members.leave")}
          </Button>
        </Form>
      </header>

      {result ? (
        <p
          role={result.ok ? "status" : "alert"}
          className={
            result.ok
              ? "rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
              : "rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700"
          }
        >
          {t(result.message)}
        </p>
      ) : null}

      {d.me.isCustomerAdmin ? (
        <Card className={pending.length > 0 ? "border-amber-200" : undefined}>
          <CardHeader
            icon={<ShieldCheck aria-hidden className="size-4" />}
            title={t("zones.members.pending")}
            description={t("zones.members.pendingHint")}
          />
          {pending.length === 0 ? (
            <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.members.pendingEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {pending.map((m) => (
                <li key={m.id} className="flex flex-col gap-3 px-5 py-3.5 sm:flex-row sm:items-center">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">
                      {m.nickname}
                      {m.realName ? (
                        <span className="ml-2 text-sm font-normal text-slate-500">{m.realName}</span>
                      ) : null}
                    </p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      {t(m.initiatedBy === "member" ? "zones.members.asked" : "zones.members.invited", {
                        date: m.since,
                      })}
                      {" · "}
                      {t(membershipStatusKey(m.status))}
                    </p>
                  </div>
                  <div className="flex gap-2">
                    {m.customerConfirmed ? (
                      <Badge tone="green">{t("zones.members.youConfirmed")}</Badge>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="confirm" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <Button
                          type="submit"
                          size="sm"
                          disabled={busy}
                          aria-label={t("zones.members.confirmFor", { name: m.nickname })}
                        >
                          <Check aria-hidden className="size-4" />
                          {t("zones.members.confirm")}
                        </Button>
                      </Form>
                    )}
                    <Form method="post">
                      <input type="hidden" name="intent" value="decline" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <Button
                        type="submit"
                        size="sm"
                        variant="secondary"
                        disabled={busy}
                        aria-label={t("zones.members.declineFor", { name: m.nickname })}
                      >
                        <X aria-hidden className="size-4" />
                        {t("zones.members.decline")}
                      </Button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Form
            method="post"
            className="flex flex-col gap-2 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-end"
          >
            <input type="hidden" name="intent" value="invite" />
            <label className="flex-1 text-sm">
              <span className="font-medium text-slate-700">{t("zones.members.invite")}</span>
              <select
                name="memberId"
                required
                disabled={d.invitable.length === 0}
                className="mt-1 block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm disabled:bg-slate-50"
              >
                {d.invitable.length === 0 ? <option value="">{t("zones.members.inviteNone")}</option> : null}
                {d.invitable.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary" disabled={busy || d.invitable.length === 0}>
              <UserPlus aria-hidden className="size-4" />
              {t("zones.members.inviteSubmit")}
            </Button>
          </Form>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          icon={<Users aria-hidden className="size-4" />}
          title={t("zones.members.active", { count: active.length })}
        />
        {active.length === 0 ? (
          <EmptyState title={t("zones.members.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {active.map((m) => (
              <li key={m.id} className="flex items-center gap-3 px-5 py-3">
                <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-blue-50 text-sm font-semibold text-blue-700">
                  {m.nickname.slice(0, 1)}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-slate-900">
                    {m.nickname}
                    {m.memberId === d.me.memberId ? (
                      <span className="ml-1 text-sm text-slate-500">{t("zones.members.you")}</span>
                    ) : null}
                  </p>
                  {m.realName || m.title ? (
                    <p className="truncate text-xs text-slate-500">
                      {[m.realName, m.title].filter(Boolean).join(" · ")}
                    </p>
                  ) : null}
                </div>
                {m.isCustomerAdmin ? <Badge tone="violet">{t("zones.members.customerAdmin")}</Badge> : null}
                {d.me.isCustomerAdmin && !m.isCustomerAdmin && m.memberId !== d.me.memberId ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="membershipId" value={m.id} />
                    <Button
                      type="submit"
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      aria-label={t("zones.members.removeFor", { name: m.nickname })}
                    >
                      {t("zones.members.remove")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </ZoneShell>
  );
}

export const ErrorBoundary = ZoneErrorBoundary;
