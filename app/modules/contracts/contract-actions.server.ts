import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { schemaIntents } from "#app/lib/forms.server.ts";
import { choice } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { APPROVAL_INTENTS, decideFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  addLine,
  recordReceipt,
  removeLine,
  removePart,
  saveEvenPlan,
  savePart,
  savePlan,
} from "./contract-edit.server.ts";
import {
  ContractEditSchema,
  EvenPlanSchema,
  ImplementationSchema,
  LineAddSchema,
  LineRemoveSchema,
  PartRefSchema,
  PartSchema,
  PlanSchema,
  ReceiptSchema,
  TerminateSchema,
} from "./contract-form.ts";
import { CONTRACT_TRANSITIONS } from "./contract-model.ts";
import { setImplementation, setPublished, transitionContract, updateContract } from "./contracts.server.ts";

// The contract pages' form intents, one named function each: read the form against its schema, call
// the service, answer (redirect with a flash to `to`, or the failure with its status).

export interface ContractIntentArgs {
  actor: StaffActor;
  id: number;
  form: FormData;
  ipAddress: string;
  to: string;
}

const intent = schemaIntents<ContractIntentArgs>((a) => a.to);

const meta = (a: ContractIntentArgs) => ({ ipAddress: a.ipAddress });

async function decideIntent(a: ContractIntentArgs) {
  return respond(await decideFromForm(db, a.actor, a.form), { successTo: a.to, flash: "flash.saved" });
}

const TransitionSchema = z.object({ transition: choice(CONTRACT_TRANSITIONS) });
const PublishSchema = z.object({ published: choice(["yes", "no"] as const) });

export const overviewIntents = {
  edit: intent(ContractEditSchema, (a, v) => updateContract(db, a.actor, a.id, v, meta(a))),
  transition: intent(TransitionSchema, (a, v) => transitionContract(db, a.actor, a.id, v.transition, {}, meta(a))),
  terminate: intent(TerminateSchema, (a, v) =>
    transitionContract(db, a.actor, a.id, "terminate", { reason: v.reason }, meta(a)),
  ),
  implementation: intent(ImplementationSchema, (a, v) => setImplementation(db, a.actor, a.id, v, meta(a))),
  publish: intent(PublishSchema, (a, v) => setPublished(db, a.actor, a.id, v.published === "yes", meta(a))),
  // The approval panel's votes (an approval flow's approvers; rights are the approval's own).
  [APPROVAL_INTENTS.approve]: decideIntent,
  [APPROVAL_INTENTS.reject]: decideIntent,
};

export const lineIntents = {
  "line-add": intent(LineAddSchema, (a, v) => addLine(db, a.actor, a.id, v, meta(a)), "flash.created"),
  "line-remove": intent(LineRemoveSchema, (a, v) => removeLine(db, a.actor, a.id, v, meta(a)), "flash.deleted"),
};

/** The plan editor posts a few spare rows: rows left wholly empty are dropped and the rest renumbered. */
export function withoutEmptyRows(form: FormData, max = 40): FormData {
  const out = new FormData();
  for (const [key, value] of form) if (!key.startsWith("instalments[")) out.append(key, value);
  let next = 0;
  for (let i = 0; i < max; i++) {
    const cell = (name: string) => String(form.get(`instalments[${i}].${name}`) ?? "").trim();
    const row = { label: cell("label"), dueDate: cell("dueDate"), amount: cell("amount") };
    if (!row.label && !row.dueDate && !row.amount) continue;
    for (const [name, value] of Object.entries(row)) out.append(`instalments[${next}].${name}`, value);
    next++;
  }
  return out;
}

const savePlanIntent = intent(PlanSchema, (a, v) => savePlan(db, a.actor, a.id, v, meta(a)));

export const planIntents = {
  plan: (a: ContractIntentArgs) => savePlanIntent({ ...a, form: withoutEmptyRows(a.form) }),
  "plan-even": intent(EvenPlanSchema, (a, v) => saveEvenPlan(db, a.actor, a.id, v, meta(a))),
  receipt: intent(ReceiptSchema, (a, v) => recordReceipt(db, a.actor, a.id, v, meta(a)), "flash.created"),
};

export const documentIntents = {
  part: intent(PartSchema, (a, v) => savePart(db, a.actor, a.id, v, meta(a))),
  "part-remove": intent(PartRefSchema, (a, v) => removePart(db, a.actor, a.id, v, meta(a)), "flash.deleted"),
};
