import { fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import type { UploadErrorView } from "#app/ui/records/attachment-input.tsx";

// A new-request form (portal zone, back-office phone entry) posts text fields and attachments; its
// action answers a refused form, refused uploads with what was typed, or redirects.

type RequestAnswer =
  { status: string } | { uploadErrors: readonly UploadErrorView[]; values: Record<string, string> } | null | undefined;

/** What the form shows again after a refused submit: the failure, field and upload errors, typed values. */
export function requestFormState(answer: RequestAnswer) {
  const failure = answer && "status" in answer ? answer : null;
  const upload = answer && "uploadErrors" in answer ? answer : null;
  return {
    failure,
    errors: fieldErrors(failure),
    sent: upload?.values ?? submittedValues(failure),
    uploadErrors: upload?.uploadErrors ?? [],
  };
}
