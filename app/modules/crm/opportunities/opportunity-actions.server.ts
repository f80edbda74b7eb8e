import { db } from "#app/lib/db.server.ts";
import { schemaIntents } from "#app/lib/forms.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  CompetitorSchema,
  ItemAddSchema,
  ItemEditSchema,
  ItemRemoveSchema,
  MemberAddSchema,
  OpportunityEditSchema,
  OwnerChangeSchema,
  RowRemoveSchema,
  StageMoveSchema,
  SubProjectSchema,
} from "./opportunity-form.ts";
import { addOpportunityItem, editOpportunityItem, removeOpportunityItem } from "./opportunity-items.server.ts";
import {
  addOpportunityCompetitor,
  addOpportunityMember,
  removeOpportunityRow,
  saveOpportunitySubProject,
} from "./opportunity-related.server.ts";
import { moveOpportunityStage } from "./opportunity-stage.server.ts";
import { changeOpportunityOwner, editOpportunity } from "./opportunity-write.server.ts";

// The opportunity pages' form intents, one named function each: read the form against its schema,
// call the service, answer (redirect with a flash to `to`, or the failure with its status). Routes
// pick the intents their page has and dispatch with runIntent.

export interface IntentArgs {
  actor: StaffActor;
  id: number;
  form: FormData;
  ipAddress: string;
  /** Where to land after success (the page the form is on). */
  to: string;
}

const intent = schemaIntents<IntentArgs>((a) => a.to);

const meta = (a: IntentArgs) => ({ ipAddress: a.ipAddress });

const removeIntent = (kind: Parameters<typeof removeOpportunityRow>[3]) =>
  intent(RowRemoveSchema, (a, v) => removeOpportunityRow(db, a.actor, a.id, kind, v.rowId, meta(a)), "flash.deleted");

export const overviewIntents = {
  edit: intent(OpportunityEditSchema, (a, v) => editOpportunity(db, a.actor, a.id, v, meta(a))),
  move: intent(StageMoveSchema, (a, v) => moveOpportunityStage(db, a.actor, a.id, v, meta(a))),
  owner: intent(OwnerChangeSchema, (a, v) => changeOpportunityOwner(db, a.actor, a.id, v, meta(a))),
};

export const itemIntents = {
  "item-add": intent(ItemAddSchema, (a, v) => addOpportunityItem(db, a.actor, a.id, v, meta(a)), "flash.created"),
  "item-edit": intent(ItemEditSchema, (a, v) => editOpportunityItem(db, a.actor, a.id, v, meta(a))),
  "item-remove": intent(
    ItemRemoveSchema,
    (a, v) => removeOpportunityItem(db, a.actor, a.id, v, meta(a)),
    "flash.deleted",
  ),
};

export const teamIntents = {
  "member-add": intent(MemberAddSchema, (a, v) => addOpportunityMember(db, a.actor, a.id, v, meta(a))),
  "member-remove": removeIntent("member"),
};

export const competitorIntents = {
  "competitor-add": intent(
    CompetitorSchema,
    (a, v) => addOpportunityCompetitor(db, a.actor, a.id, v, meta(a)),
    "flash.created",
  ),
  "competitor-remove": removeIntent("competitor"),
};

export const subProjectIntents = {
  "sub-save": intent(SubProjectSchema, (a, v) => saveOpportunitySubProject(db, a.actor, a.id, v, meta(a))),
  "sub-remove": removeIntent("subProject"),
};

/** The board's move (drag, arrow keys or the move menu): the same service as the detail page. */
export const boardIntents = { move: overviewIntents.move };
