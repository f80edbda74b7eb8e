import { z } from "zod";
import { RIGHT_KEYS } from "../distribution/distribution-rules.server.ts";
import type { BatchRequest, BatchSelection } from "./lead-batches.server.ts";
import { inboxFilters, parseInboxQuery } from "./lead-inbox-filters.ts";

// What the inbox's batch toolbar posts, read into the batch service's terms: the selection (checked
// rows, or every lead the posted list query shows) and the operation with its parameters.

const LeadId = z.coerce.number().int().positive().max(2_147_483_647);
const MAX_SELECTED_IDS = 1_000;

export function idsOf(values: FormDataEntryValue[]): number[] {
  const ids: number[] = [];
  for (const v of values.slice(0, MAX_SELECTED_IDS)) {
    const parsed = LeadId.safeParse(v);
    if (parsed.success) ids.push(parsed.data);
  }
  return ids;
}

/** Checked rows, or every lead the (posted) inbox query lists; `managers`: the actor sees others' leads. */
export function batchSelectionFrom(form: FormData, managers: boolean): BatchSelection {
  if (form.get("selection") === "filter") {
    const query = parseInboxQuery(new URLSearchParams(String(form.get("filterQuery") ?? "")));
    const { tab, filters } = inboxFilters(query, managers);
    return { kind: "filter", tab, filters };
  }
  return { kind: "ids", ids: idsOf(form.getAll("leadId")) };
}

/** The operation, or null when the form does not name a complete one. */
export function batchRequestFrom(form: FormData): BatchRequest | null {
  switch (form.get("op")) {
    case "transfer": {
      const to = LeadId.safeParse(form.get("toStaffId"));
      return to.success ? { kind: "transfer", toStaffId: to.data } : null;
    }
    case "rules":
      return { kind: "distribute_rules", ruleIds: idsOf(form.getAll("ruleId")) };
    case "manual":
      return {
        kind: "distribute_manual",
        assignees: idsOf(form.getAll("assignee")).map((staffId) => ({
          staffId,
          ...(Object.fromEntries(RIGHT_KEYS.map((k) => [k, form.get(`${k}_${staffId}`) === "on"])) as Record<
            (typeof RIGHT_KEYS)[number],
            boolean
          >),
        })),
      };
    case "recall":
      return {
        kind: "recall",
        fromStaffIds: form.get("recallScope") === "some" ? idsOf(form.getAll("fromStaffId")) : "all",
      };
    default:
      return null;
  }
}
