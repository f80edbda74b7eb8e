import { readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";

/**
 * Reads a new-request form with attachments: its text fields (missing ones as "") and the files,
 * stored, or the reasons they were refused.
 */
export async function readRequestSubmission(request: Request, fields: readonly string[]) {
  const form = await readUploadForm(request);
  const values = Object.fromEntries(fields.map((key) => [key, String(form.get(key) ?? "")]));
  return { values, files: await storeFormFiles(form) };
}
