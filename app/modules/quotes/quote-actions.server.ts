import { db } from "#app/lib/db.server.ts";
import { schemaIntents } from "#app/lib/forms.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { decideFromForm, withdrawFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  QuoteClauseSchema,
  QuoteEmailSchema,
  QuoteHeaderEditSchema,
  QuoteLineAddSchema,
  QuoteLineEditSchema,
  QuoteLineRemoveSchema,
  QuoteTemplateSchema,
  QuoteVersionOnly,
} from "./quote-input.ts";
import { saveQuoteClause, saveQuoteTemplate } from "./quote-library.server.ts";
import { addQuoteLine, editQuoteLine, removeQuoteLine } from "./quote-lines.server.ts";
import { emailQuote, publishQuote } from "./quote-send.server.ts";
import { reviseQuote, submitQuote, updateQuoteHeader } from "./quotes.server.ts";

// The quote editor's form intents, one named function each: read the form against its schema, call
// the service, answer (redirect with a flash, or the failure with its status). The route dispatches
// with runIntent.

export interface QuoteIntentArgs {
  actor: StaffActor;
  id: number;
  form: FormData;
  ipAddress: string;
}

const here = (id: number) => `/crm/quotes/${id}`;

const intent = schemaIntents<QuoteIntentArgs>((a) => here(a.id));

const meta = (a: QuoteIntentArgs) => ({ ipAddress: a.ipAddress });

export const quoteIntents = {
  header: intent(QuoteHeaderEditSchema, (a, v) => updateQuoteHeader(db, a.actor, a.id, v, meta(a))),
  "line-add": intent(QuoteLineAddSchema, (a, v) => addQuoteLine(db, a.actor, a.id, v, meta(a))),
  "line-edit": intent(QuoteLineEditSchema, (a, v) => editQuoteLine(db, a.actor, a.id, v, meta(a))),
  "line-remove": intent(
    QuoteLineRemoveSchema,
    (a, v) => removeQuoteLine(db, a.actor, a.id, v, meta(a)),
    "flash.deleted",
  ),
  submit: intent(QuoteVersionOnly, (a, v) => submitQuote(db, a.actor, a.id, v, meta(a)), "flash.quotes.submitted"),
  revise: intent(
    QuoteVersionOnly,
    (a, v) => reviseQuote(db, a.actor, a.id, v, meta(a)),
    "flash.quotes.revised",
    (_a, v) => here(v.id),
  ),
  publish: intent(QuoteVersionOnly, (a, v) => publishQuote(db, a.actor, a.id, v, meta(a)), "flash.quotes.published"),
  email: intent(QuoteEmailSchema, (a, v) => emailQuote(db, a.actor, a.id, v, meta(a)), "flash.sent"),
  "approval-approve": async (a: QuoteIntentArgs) =>
    respond(await decideFromForm(db, a.actor, a.form), { successTo: here(a.id), flash: "flash.saved" }),
  "approval-reject": async (a: QuoteIntentArgs) =>
    respond(await decideFromForm(db, a.actor, a.form), { successTo: here(a.id), flash: "flash.saved" }),
  "approval-withdraw": async (a: QuoteIntentArgs) =>
    respond(await withdrawFromForm(db, a.actor, a.form), { successTo: here(a.id), flash: "flash.saved" }),
};

export const quoteLibraryIntents = {
  template: intent(
    QuoteTemplateSchema,
    (a, v) => saveQuoteTemplate(db, a.actor, v),
    "flash.saved",
    () => "/crm/quotes/library",
  ),
  clause: intent(
    QuoteClauseSchema,
    (a, v) => saveQuoteClause(db, a.actor, v),
    "flash.saved",
    () => "/crm/quotes/library",
  ),
};
