import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import type { LeadEventView } from "./lead-queries.server.ts";

// A lead's history (LeadEvent rows) as sentences: who did what, and the routing steps of the intake
// (lead-routing.server.ts), distribution, claim and edit events (lead-distribution.server.ts and
// friends) as bullet lines. Pure, so the page renders it and a unit test pins every event shape.

export const LEAD_STATUS_NAMES = ["new", "assigned", "contacted", "qualified", "converted", "closed"] as const;
export type LeadStatusName = (typeof LEAD_STATUS_NAMES)[number];

export function leadStatusText(status: LeadStatusName, t: Translate): string {
  return t(`leads.status.${status}`);
}

/** portal / api / staff have labels; anything else (an old or foreign source) is shown as stored. */
export function leadSourceText(source: string, t: Translate): string {
  if (source === "portal" || source === "api" || source === "staff" || source === "forum")
    return t(`leads.source.${source}`);
  return source;
}

function str(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function staffName(event: LeadEventView, id: unknown, fallback: unknown): string {
  const byId = typeof id === "number" ? event.names.staff[String(id)] : undefined;
  return byId ?? (str(fallback) || "—");
}

/** One routing step of the intake as a sentence, or null for a step this version does not know. */
export function routingStep(step: Record<string, unknown>, event: LeadEventView, t: Translate): string | null {
  const name = staffName(event, step.staffId, step.name);
  const group = str(step.group) || event.names.tokenGroup || "—";
  const campaign = str(step.campaign) || "—";
  switch (step.code) {
    case "token-turn":
      return t("leads.routing.step.token-turn", {
        group,
        position: typeof step.position === "number" ? step.position + 1 : "—",
        name,
      });
    case "group-empty":
      return t("leads.routing.step.group-empty", { group });
    case "group-no-eligible":
      return t("leads.routing.step.group-no-eligible", { group });
    case "no-token-group":
      return t("leads.routing.step.no-token-group");
    case "campaign-owner":
      return t("leads.routing.step.campaign-owner", { campaign, name });
    case "campaign-owner-unavailable":
      return t("leads.routing.step.campaign-owner-unavailable", { campaign, name });
    case "no-campaign":
      return t("common.noCampaignBound");
    case "designated":
      return t("leads.routing.step.designated", { name });
    case "manual":
      return t("leads.routing.step.manual", { name });
    default:
      return null;
  }
}

const SKIP_REASONS = new Set(["member-inactive", "staff-away", "staff-inactive"]);
const WORK_EVENTS = new Set(["distributed", "recalled", "transferred", "claimed", "edited", "identified"]);
const GROUP_FLAGS = [
  ["need", "canEditNeed"],
  ["contact", "canEditContact"],
  ["company", "canEditCompany"],
  ["status", "canEditStatus"],
] as const;
const IDENT_KEYS = {
  identified: "common.identified",
  identificationLabel: "leadWork.identify.label",
  demandStatus: "leadWork.identify.demand",
} as const;

export interface LeadEventText {
  title: string;
  lines: string[];
  /** Status changes are drawn apart from routing and work events on the timeline. */
  kind: "status" | "other";
}

function actorText(event: LeadEventView, t: Translate): string {
  switch (event.actorType) {
    case "staff":
      return event.actorName ?? t("leadInbox.detail.history.someone");
    case "member":
      return t("leadInbox.detail.history.member");
    case "visitor":
      return t("leadInbox.detail.history.visitor");
    case "api":
      return t("leadInbox.detail.history.api");
    default:
      return t("leadInbox.detail.history.system");
  }
}

/** The title and detail lines of one history event. */
export function eventLines(event: LeadEventView, t: Translate): LeadEventText {
  const d = event.detail;
  const lines: string[] = [];
  if (Array.isArray(d.steps)) {
    for (const step of d.steps) {
      if (step && typeof step === "object") {
        const line = routingStep(step as Record<string, unknown>, event, t);
        if (line) lines.push(line);
      }
    }
  }
  if (Array.isArray(d.skipped)) {
    for (const raw of d.skipped) {
      if (!raw || typeof raw !== "object") continue;
      const s = raw as Record<string, unknown>;
      const reason = str(s.reason);
      lines.push(
        t("leads.routing.skipped", {
          name: staffName(event, s.staffId, s.name),
          reason: SKIP_REASONS.has(reason) ? t(`leads.routing.skip.${reason}` as MessageKey) : reason,
        }),
      );
    }
  }

  const actor = actorText(event, t);
  const kind = event.type === "status_changed" ? "status" : "other";
  let title: string;
  if (event.type === "status_changed") {
    const label = (s: string) =>
      (LEAD_STATUS_NAMES as readonly string[]).includes(s) ? leadStatusText(s as LeadStatusName, t) : s;
    title = t("leadInbox.detail.history.statusChanged", { actor, from: label(str(d.from)), to: label(str(d.to)) });
  } else if (event.type === "routed" || Array.isArray(d.steps)) {
    title = t("leadInbox.detail.history.routedTo", { actor, name: staffName(event, d.ownerId, d.ownerName) });
  } else if (event.type === "created") {
    title = t("leadInbox.detail.history.created", { actor });
    if (typeof d.source === "string") {
      lines.unshift(t("leadInbox.detail.history.via", { source: leadSourceText(d.source, t) }));
    }
  } else if (WORK_EVENTS.has(event.type)) {
    title = workEventTitle(event, actor, lines, t);
  } else {
    title = t("leadInbox.detail.history.other", { actor, type: event.type });
  }
  return { title, lines, kind };
}

/** Distribution, claim and edit events: the title, with their detail appended to `lines`. */
function workEventTitle(event: LeadEventView, actor: string, lines: string[], t: Translate): string {
  const d = event.detail;
  const name = (id: unknown) => staffName(event, id, null);
  if (typeof d.ruleId === "number") lines.push(t("leadWork.history.byRule", { id: d.ruleId }));
  if (typeof d.batchId === "number") lines.push(t("leadWork.history.batch", { id: d.batchId }));
  if (d.statusTo === "new") lines.push(t("leadWork.history.backToNew"));
  switch (event.type) {
    case "distributed": {
      const assignees = Array.isArray(d.assignees) ? (d.assignees as Array<Record<string, unknown>>) : [];
      for (const a of assignees) {
        const groups = GROUP_FLAGS.filter(([, flag]) => a[flag] === true).map(([g]) => t(`leadWork.group.${g}`));
        lines.push(
          t("leadWork.history.rights", {
            name: name(a.staffId),
            groups: groups.length ? groups.join("、") : t("leadWork.rights.readOnly"),
          }),
        );
      }
      const names = assignees.map((a) => name(a.staffId)).join("、");
      return assignees.every((a) => a.change === "rights")
        ? t("leadWork.history.rightsChanged", { actor, names })
        : t("leadWork.history.distributed", { actor, names });
    }
    case "recalled": {
      if (d.claimClearedStaffId !== undefined) {
        lines.push(t("leadWork.history.claimCleared", { name: name(d.claimClearedStaffId) }));
      }
      const from = Array.isArray(d.fromStaffIds) ? d.fromStaffIds.map(name).join("、") : "—";
      return t("leadWork.history.recalled", { actor, names: from });
    }
    case "transferred":
      return t("leadWork.history.transferred", { actor, from: name(d.fromOwnerId), to: name(d.toOwnerId) });
    case "claimed":
      return t("leadWork.history.claimed", { actor });
    default: {
      // "edited" and "identified": which fields changed.
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === "string") : [];
      if (fields.length) {
        const labels = fields.map((f) =>
          t(f in IDENT_KEYS ? IDENT_KEYS[f as keyof typeof IDENT_KEYS] : (`leadWork.field.${f}` as MessageKey)),
        );
        lines.push(t("leadWork.history.fields", { fields: labels.join("、") }));
      }
      if (event.type === "identified") return t("leadWork.history.identified", { actor });
      const group = d.group === "need" || d.group === "contact" || d.group === "company" ? d.group : "need";
      return t("leadWork.history.edited", { actor, group: t(`leadWork.group.${group}`) });
    }
  }
}
