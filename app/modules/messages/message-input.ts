import { z } from "zod";

// Input rules for site messages, shared by the service and the forms (which show the limits).
// No server code here: route components import it.

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

// Issue messages are the i18n keys routes show (validation.* lives in the auth area).
const bodyField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(BODY_MAX, "messages.validation.bodyTooLong");

export const NewThreadSchema = z.object({
  subject: z
    .string({ error: "validation.required" })
    // One line: a pasted newline would only break list layouts and e-mail subjects.
    .transform((s) => s.replace(/\s+/g, " "))
    .pipe(z.string().trim().min(1, "validation.required").max(SUBJECT_MAX, "messages.validation.subjectTooLong")),
  body: bodyField,
});
export type NewThreadInput = z.infer<typeof NewThreadSchema>;

export const ReplySchema = z.object({ body: bodyField });
export type ReplyInput = z.infer<typeof ReplySchema>;

export const STAFF_FILTERS = ["all", "unassigned", "mine"] as const;
export type StaffFilter = (typeof STAFF_FILTERS)[number];
