import { z } from "zod";
import { MATCH_QUERY_MAX } from "./match-limits.ts";

// The "find this person" query string, shared by the page and the JSON endpoint. Error messages
// are i18n keys, translated by the caller.
export const contactMatchQuerySchema = z.object({
  q: z
    .string({ error: "matching.error.empty" })
    .trim()
    .min(1, { error: "matching.error.empty" })
    .max(MATCH_QUERY_MAX, { error: "matching.error.tooLong" }),
});
