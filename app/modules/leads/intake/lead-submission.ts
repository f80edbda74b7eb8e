import { z } from "zod";
import type { MessageKey } from "#app/lib/i18n/translate.ts";

// The one shape of a lead submission, shared by the intake API, the portal forms and staff entry
// (client and server). Every message is an i18n key of the `leads` area, so `fieldErrors` hands
// callers keys they translate, and the API returns the same keys in its 422 body.

export type LeadErrorKey = Extract<MessageKey, `leads.error.${string}`>;

export const REQUIREMENT_MAX = 5000;
export const ITEMS_MAX = 50;
export const QUANTITY_MAX = 100_000;

/** Trimmed text; blank strings and null count as "not given" (forms post empty inputs, APIs send null). */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  return value;
}

const typeError = (iss: { input: unknown }): LeadErrorKey =>
  iss.input === undefined ? "leads.error.required" : "leads.error.invalid";

function text(max: number, tooLong: LeadErrorKey = "leads.error.tooLong") {
  return z.preprocess(blankToUndefined, z.string({ error: typeError }).max(max, { error: tooLong }).optional());
}

function email() {
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return typeof v === "string" ? v.normalize("NFKC").toLowerCase() : v;
    },
    z
      .string({ error: typeError })
      .max(191, { error: "leads.error.tooLong" })
      .pipe(z.email({ error: "leads.error.invalidEmail" }))
      .optional(),
  );
}

// Phone numbers as people write them: +86 138-0013-8000, (010) 6234 5678 转 801, 021-5555 1234 ext. 12.
const PHONE_CHARS = /^[+0-9０-９\s\-－–—()（）.,、#*/转分机xXeEtT:：]+$/u;
function phone() {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: typeError })
      .max(50, { error: "leads.error.tooLong" })
      .refine((v) => PHONE_CHARS.test(v) && (v.normalize("NFKC").match(/\d/g)?.length ?? 0) >= 5, {
        error: "leads.error.invalidPhone",
      })
      .optional(),
  );
}

const ContactSchema = z.object(
  {
    name: text(100),
    title: text(100),
    email: email(),
    phone: phone(),
    mobile: phone(),
    fax: phone(),
  },
  { error: "leads.error.invalid" },
);

const CompanySchema = z.object(
  {
    name: text(200),
    province: text(50),
    city: text(50),
    address: text(255),
    phone: phone(),
    fax: phone(),
  },
  { error: "leads.error.invalid" },
);

const ItemSchema = z.object(
  {
    sku: z.preprocess(blankToUndefined, z.string({ error: typeError }).max(64, { error: "leads.error.tooLong" })),
    quantity: z.preprocess(
      // Forms post "3"; the API sends 3.
      (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
      z
        .number({ error: (iss) => (iss.input === undefined ? "leads.error.required" : "leads.error.quantity") })
        .int({ error: "leads.error.quantity" })
        .min(1, { error: "leads.error.quantity" })
        .max(QUANTITY_MAX, { error: "leads.error.quantity" }),
    ),
  },
  { error: "leads.error.invalid" },
);

type Loose = Record<string, unknown> | undefined;

function given(value: unknown): boolean {
  return typeof blankToUndefined(value) === "string";
}

/** The 联系人@单位 rule on the raw input, so it is reported together with other field errors. */
function hasContactOrCompany(input: unknown): boolean {
  if (typeof input !== "object" || input === null) return false;
  const { contact, company } = input as { contact?: unknown; company?: unknown };
  const c = (typeof contact === "object" && contact !== null ? contact : undefined) as Loose;
  const k = (typeof company === "object" && company !== null ? company : undefined) as Loose;
  return Boolean((c && (given(c.name) || given(c.email) || given(c.phone) || given(c.mobile))) || (k && given(k.name)));
}

function withoutEmpty<T extends object>(value: T | undefined): T | undefined {
  if (!value) return undefined;
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

const BaseSchema = z.object(
  {
    contact: z.preprocess(blankToUndefined, ContactSchema.optional()),
    company: z.preprocess(blankToUndefined, CompanySchema.optional()),
    requirement: text(REQUIREMENT_MAX, "leads.error.requirementTooLong"),
    items: z.preprocess(
      (value) => (Array.isArray(value) && value.length === 0 ? undefined : blankToUndefined(value)),
      z
        .array(ItemSchema, { error: "leads.error.invalid" })
        .max(ITEMS_MAX, { error: "leads.error.tooManyItems" })
        .optional(),
    ),
    memberEmail: email(),
  },
  { error: "leads.error.invalid" },
);

export const LeadSubmissionSchema = BaseSchema.superRefine((value, ctx) => {
  // Zod runs this only when the fields parsed; parseLeadSubmission adds it for inputs with other errors.
  if (!hasContactOrCompany(value)) addContactOrCompanyIssues(ctx);
}).transform(({ contact, company, ...rest }): z.output<typeof BaseSchema> => {
  const c = withoutEmpty(contact);
  const k = withoutEmpty(company);
  return { ...rest, ...(c ? { contact: c } : {}), ...(k ? { company: k } : {}) };
});

function addContactOrCompanyIssues(ctx: z.RefinementCtx): void {
  for (const path of ["contact", "company"]) {
    ctx.addIssue({ code: "custom", path: [path], message: "leads.error.contactOrCompany" });
  }
}

export type LeadSubmission = z.infer<typeof LeadSubmissionSchema>;
export type LeadSubmissionInput = z.input<typeof BaseSchema>;

const KNOWN_KEYS = new Set<string>([
  "leads.error.contactOrCompany",
  "leads.error.required",
  "leads.error.invalid",
  "leads.error.tooLong",
  "leads.error.invalidEmail",
  "leads.error.invalidPhone",
  "leads.error.requirementTooLong",
  "leads.error.quantity",
  "leads.error.tooManyItems",
  "leads.error.unknownSku",
  "leads.error.categoryUnavailable",
  "leads.error.ownerNotFound",
] satisfies LeadErrorKey[]);

/** Field path ("contact.email", "items.2.sku"; "form" for the whole body) → message keys. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    const message = KNOWN_KEYS.has(issue.message) ? issue.message : "leads.error.invalid";
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/**
 * Parses a submission. Unlike a bare `safeParse`, it also reports the 联系人@单位 rule when other
 * fields are wrong, so a form shows every problem at once.
 */
export function parseLeadSubmission(
  input: unknown,
): { success: true; data: LeadSubmission } | { success: false; errors: Record<string, string[]> } {
  const parsed = LeadSubmissionSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const errors = fieldErrors(parsed.error);
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  if (isObject && !hasContactOrCompany(input)) {
    for (const path of ["contact", "company"]) {
      const list = (errors[path] ??= []);
      if (!list.includes("leads.error.contactOrCompany")) list.push("leads.error.contactOrCompany");
    }
  }
  return { success: false, errors };
}
