import type { MemberStatus } from "#app/generated/prisma/enums.ts";
import type { Db } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { getMemberDetail, listMemberAudit } from "./member-directory.server.ts";
import { searchContacts, suggestLinks } from "./member-linking.server.ts";

// The member detail page's view model: the member and what the actor may do with them, derived here
// once for the layout and every tab. Members are site-wide (no owner), so "in scope" is the members
// module's browse right; a member that does not exist is null.

export interface MemberCapabilities {
  /** Any change at all (the members module's modify right). */
  canModify: boolean;
  /** Link to / unlink from CRM records: closed only for deregistered (anonymised) accounts. */
  canLink: boolean;
  /** Verify, set the level, suspend or lift, terminate: only while the account is open. */
  canModerate: boolean;
  /** Real-name verification needs an activated account. */
  canVerify: boolean;
  canSuspend: boolean;
  canLift: boolean;
  canTerminate: boolean;
}

const CLOSED: readonly MemberStatus[] = ["terminated", "deregistered"];

export function memberCapabilities(actor: StaffActor, status: MemberStatus): MemberCapabilities {
  const canModify = can(actor, "members", "modify");
  const canModerate = canModify && !CLOSED.includes(status);
  return {
    canModify,
    canLink: canModify && status !== "deregistered",
    canModerate,
    canVerify: canModerate && status !== "pending",
    canSuspend: canModerate && status !== "suspended",
    canLift: canModerate && status === "suspended",
    canTerminate: canModerate,
  };
}

/** The layout's data: the member's record (due suspensions lifted first) and the actor's capabilities. */
export async function getMemberWorkspace(db: Db, actor: StaffActor, memberId: number, now = new Date()) {
  if (!can(actor, "members", "browse")) return null;
  const member = await getMemberDetail(db, memberId, now);
  if (!member) return null;
  return { member, capabilities: memberCapabilities(actor, member.status) };
}

export type MemberWorkspace = NonNullable<Awaited<ReturnType<typeof getMemberWorkspace>>>;

/**
 * The links tab: suggested contacts and companies and, for a search, the matching contacts. Only for
 * actors who may link this member (the others get nulls); null when the member does not exist. The
 * member's record itself comes from the layout.
 */
export async function getMemberLinkOptions(db: Db, actor: StaffActor, memberId: number, contactQuery: string) {
  if (!can(actor, "members", "browse")) return null;
  const member = await db.member.findUnique({ where: { id: memberId }, select: { status: true } });
  if (!member) return null;
  const query = contactQuery.trim().slice(0, 100);
  if (!memberCapabilities(actor, member.status).canLink) return { query, suggestions: null, searchResults: null };
  const [suggestions, searchResults] = await Promise.all([
    suggestLinks(db, memberId),
    query ? searchContacts(db, query) : null,
  ]);
  return { query, suggestions, searchResults };
}

/** The audit tab: the member's trail, newest first; null when the member does not exist. */
export async function getMemberAuditTrail(db: Db, actor: StaffActor, memberId: number) {
  if (!can(actor, "members", "browse")) return null;
  const exists = await db.member.findUnique({ where: { id: memberId }, select: { id: true } });
  if (!exists) return null;
  return listMemberAudit(db, memberId);
}
