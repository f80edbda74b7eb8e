import { data } from "react-router";
import { env, type Env } from "./env.server.ts";

// The dev inbox shows every outgoing mail, password-reset links included (issue #13): in production
// it exists only where someone switched it on explicitly (DEV_MAIL_INBOX=1: the demo, e2e).

export function devInboxEnabled(config: Pick<Env, "NODE_ENV" | "DEV_MAIL_INBOX"> = env): boolean {
  return config.NODE_ENV !== "production" || config.DEV_MAIL_INBOX === "1";
}

/** Throws 404 where the dev inbox is off (a loader calls it before anything else). */
export function requireDevInbox(config: Pick<Env, "NODE_ENV" | "DEV_MAIL_INBOX"> = env): void {
  if (!devInboxEnabled(config)) throw data(null, { status: 404 });
}
