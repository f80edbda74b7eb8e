import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { IdParam, msg } from "#app/lib/schemas.ts";
import { fail, respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createOrderFromOpportunity, type CreatedOrder } from "./order-create.server.ts";
import { advanceOrder, deliverOrder } from "./order-fulfilment.server.ts";
import { AdvanceSchema, DeliverySchema } from "./order-input.ts";
import { createOrderFromContract, createOrderFromQuote } from "./order-sources.server.ts";
import { orderPath } from "./order-paths.ts";
import { ADVANCE_STEPS, ORDER_SOURCES, type AdvanceStep } from "./order-status.ts";

// The order pages' form intents, one named function each: read the form, call the service, answer
// (redirect with a flash, or the failure with its status).

export interface OrderIntentArgs {
  actor: StaffActor;
  form: FormData;
  ipAddress: string;
  /** The order (detail pages); null on the list's "create". */
  id: number | null;
  to: string;
}

const CreateSchema = z.object({
  source: z.enum(ORDER_SOURCES, msg("validation.choose")),
  sourceId: IdParam,
});

const CREATE = {
  opportunity: createOrderFromOpportunity,
  quote: createOrderFromQuote,
  contract: createOrderFromContract,
} as const;

function landOn(order: CreatedOrder) {
  return orderPath(order.id);
}

/** "Create sales order" from an opportunity, an accepted quote or a contract (posted to the list). */
async function create(args: OrderIntentArgs) {
  const parsed = await parseForm(args.form, CreateSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await CREATE[parsed.value.source](db, args.actor, parsed.value.sourceId, {
    ipAddress: args.ipAddress,
  });
  return respond(result, {
    successTo: landOn,
    flash: (order) => (order.created ? "flash.orders.created" : "flash.info.orders.exists"),
  });
}

/** One step, named by the button's intent (`to-shipped` …): the form carries the version and notes. */
function advance(to: AdvanceStep) {
  return async (args: OrderIntentArgs) => {
    if (args.id === null) return fail({ status: "not-found", message: "form.notFound" });
    args.form.set("to", to);
    const parsed = await parseForm(args.form, AdvanceSchema);
    if (parsed.status !== "ok") return fail(parsed);
    return respond(await advanceOrder(db, args.actor, args.id, parsed.value, { ipAddress: args.ipAddress }), {
      successTo: args.to,
      flash: "flash.saved",
    });
  };
}

async function deliver(args: OrderIntentArgs) {
  if (args.id === null) return fail({ status: "not-found", message: "form.notFound" });
  const parsed = await parseForm(args.form, DeliverySchema);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await deliverOrder(db, args.actor, args.id, parsed.value, { ipAddress: args.ipAddress }), {
    successTo: args.to,
    flash: "flash.orders.delivered",
    flashVars: (value) => ({ count: value.assets.length }),
  });
}

export const listIntents = { create };
export const fulfilmentIntents = {
  ...Object.fromEntries(ADVANCE_STEPS.map((step) => [`to-${step}`, advance(step)])),
  deliver,
};
