import { z } from "zod";

// Reading the forum's small intent forms: ids (a bad one is refused, never a 500) and text fields.

export const FormId = z.coerce.number().int().positive().max(2_147_483_647);

export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The form's `postId`, or null when it is missing or not an id. */
export function formPostId(formData: FormData): number | null {
  const parsed = FormId.safeParse(formData.get("postId"));
  return parsed.success ? parsed.data : null;
}
