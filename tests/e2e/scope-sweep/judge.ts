import type { RecordType } from "./oracle.ts";
import type { SecretIndex } from "./secrets.ts";
import type { RecordRef } from "./urls.ts";

// The verdict on one response to one principal. Pure, so the sweep's positive control can feed it a
// response that does leak and see it reported.

export interface Reply {
  status: number;
  body: string;
}

/** What the checker knows about the principal: which records they may see, and the texts they may not. */
export interface PrincipalView {
  label: string;
  visible(type: RecordType, id: number): boolean;
  secrets: SecretIndex;
}

/**
 * Denied: 401/403/404, or a redirect (a page that sends an outsider elsewhere renders nothing of the
 * record; where it sends them is a URL of its own, checked on its own). A single-fetch `.data`
 * redirect answers 202 with nothing but the target.
 */
export function isDenied(reply: Reply): boolean {
  const { status } = reply;
  if (status === 401 || status === 403 || status === 404) return true;
  if (status >= 300 && status < 400) return true;
  return status === 202 && reply.body.length < 400 && reply.body.includes("redirect");
}

/**
 * Pages that by design say "a matching record exists, owned by X" for records outside scope: they may
 * show such a record's name, never its number, e-mail or phone (issue #15 item 5, decision 032).
 */
const EXISTENCE_NOTICES = [/^\/crm\/match(\.data)?(\?|$)/];

/** The problems with `reply` as an answer to `view` for `url` (empty when it is as the scope allows). */
export function judge(view: PrincipalView, url: string, refs: readonly RecordRef[], reply: Reply): string[] {
  const problems: string[] = [];
  const outside = refs.find((r) => r.via === "path" && !view.visible(r.type, r.id));
  if (outside && !isDenied(reply)) {
    problems.push(`${view.label} ${url}: ${reply.status} for ${outside.type} ${outside.id} outside their scope`);
  }
  // A text the principal typed into the URL comes back in the form: an echo, not a disclosure.
  const asked = safeDecode(url);
  const namesAllowed = EXISTENCE_NOTICES.some((re) => re.test(url));
  const shown = view.secrets
    .find(reply.body)
    .filter((s) => !asked.includes(s.text) && !(namesAllowed && s.isName))
    .map((s) => `${s.text} (${s.record})`);
  if (shown.length > 0) {
    problems.push(`${view.label} ${url} (${reply.status}) shows ${shown.slice(0, 5).join(", ")}`);
  }
  return problems;
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url.replaceAll("+", " "));
  } catch {
    return url;
  }
}
