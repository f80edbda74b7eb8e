import { z } from "zod";
import type { LeadStatus, MemberLevel, MemberStatus, Prisma, RegistrationKind } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { hashPassword, verifyPassword } from "#app/modules/auth/password.server.ts";
import {
  hitRateLimit,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "#app/modules/auth/rate-limit.server.ts";
import {
  generateSecureRandomString,
  parseSessionToken,
  secretMatches,
} from "#app/modules/auth/session-token.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { MemberPasswordSchema } from "./member-password-policy.ts";
import { NicknameSchema, uniqueViolation } from "./member-registration.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { consumeMemberToken, issueMemberToken, TOKEN_TTL_MS } from "./member-tokens.server.ts";

// The member's self-service account (自助维护帐户, seed 000 §2.A): the limited profile a member may
// edit, password and e-mail changes, sessions, their submissions, and deregistration (注销帐户).
// Schema messages are i18n keys (`account.validation.*` or the shared `validation.*`), so routes
// only look them up.

// ---------------------------------------------------------------------------------------------
// Validation

/** Deregistered accounts are renamed `已注销用户<id>`; nobody may take such a name beforehand. */
export const DEREGISTERED_NICKNAME_PREFIX = "已注销用户";

/** Registration's nickname rule, plus the prefix deregistration uses. */
export const ProfileNicknameSchema = NicknameSchema.refine(
  (v) => !v.startsWith(DEREGISTERED_NICKNAME_PREFIX),
  "account.validation.nicknameReserved",
);

/** An optional text field: blank (or missing) becomes null so "cleared" and "never set" look the same. */
function optionalText(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .trim()
      .max(max, "validation.tooLong")
      .transform((v) => (v === "" ? null : v)),
  );
}

/** A checkbox posts "on" when ticked and nothing when not. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const PhoneSchema = z
  .string()
  .trim()
  .max(30, "validation.tooLong")
  .refine((v) => v === "" || phoneKey(v) !== null, "account.validation.phoneInvalid")
  .transform((v) => (v === "" ? null : v));

export const ProfileSchema = z.object({
  nickname: ProfileNicknameSchema,
  phone: z.preprocess((v) => v ?? "", PhoneSchema),
  title: optionalText(100),
  province: optionalText(50),
  city: optionalText(50),
  address: optionalText(255),
  /** Editable only until staff verify the real name (实名认证); ignored afterwards. */
  realName: optionalText(50),
  companyName: optionalText(200),
  notifyByEmail: checkbox,
  notifyNewsletter: checkbox,
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

const CurrentPassword = z.string().min(1, "validation.required").max(1024, "validation.tooLong");

export const PasswordChangeSchema = z
  .object({
    currentPassword: CurrentPassword,
    newPassword: z.string().min(1, "validation.required").pipe(MemberPasswordSchema),
    confirmPassword: z.string().min(1, "validation.required"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "account.validation.passwordMismatch",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "account.validation.passwordUnchanged",
  });
export type PasswordChangeInput = z.infer<typeof PasswordChangeSchema>;

export const EmailChangeSchema = z.object({
  currentPassword: CurrentPassword,
  newEmail: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(191, "validation.tooLong")
    .pipe(z.email("validation.invalidEmail"))
    .transform((v) => v.toLowerCase()),
});
export type EmailChangeInput = z.infer<typeof EmailChangeSchema>;

/** What the member types to confirm deregistration; either language's word is accepted. */
export const DEREGISTER_CONFIRM_WORDS: Record<Locale, string> = { "zh-CN": "注销", en: "DEREGISTER" };

export const DeregisterSchema = z.object({
  password: CurrentPassword,
  confirmation: z
    .string()
    .trim()
    .min(1, "validation.required")
    .refine(
      (v) => Object.values(DEREGISTER_CONFIRM_WORDS).some((word) => word.toLowerCase() === v.toLowerCase()),
      "account.validation.confirmationMismatch",
    ),
});
export type DeregisterInput = z.infer<typeof DeregisterSchema>;

/** A schema message as an i18n key: full keys stay, the password policy's bare codes are ours. */
export function issueMessageKey(message: string): MessageKey {
  // Every key the schemas above can produce exists in the dictionaries (member-account.test.ts checks).
  return (message.includes(".") ? message : `account.validation.${message}`) as MessageKey;
}

export type FieldErrors<F extends string> = Partial<Record<F, MessageKey>>;

/** Parses form input: the data, or the first problem of each field as an i18n key. */
export function parseAccountForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors<string> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors<string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issueMessageKey(issue.message);
  }
  return { ok: false, fieldErrors };
}

// ---------------------------------------------------------------------------------------------
// Shared bits

export interface AccountActor {
  memberId: number;
  /** The session making the request: kept when other sessions are signed out. */
  sessionId: string;
  ipAddress: string | null;
}

/** Wrong current passwords on this account's pages: a stolen session cannot guess the password. */
export const REAUTH_FAILURES: RateLimitRule = { scope: "member-reauth", limit: 5, windowMs: 15 * 60_000 };
/** Verification mails for e-mail changes: enough for typos, not enough to mail-bomb an address. */
export const EMAIL_CHANGE_REQUESTS: RateLimitRule = { scope: "member-email-change", limit: 5, windowMs: 60 * 60_000 };

type Reauth = { ok: true } | { ok: false; kind: "wrong-password" | "rate-limited"; retryAfterSeconds: number };

async function reauthenticate(db: Db, memberId: number, passwordHash: string, password: string): Promise<Reauth> {
  const subject = String(memberId);
  const before = await peekRateLimit(db, REAUTH_FAILURES, subject);
  if (before.limited) return { ok: false, kind: "rate-limited", retryAfterSeconds: before.retryAfterSeconds };
  if (await verifyPassword(passwordHash, password)) {
    if (before.count > 0) await resetRateLimit(db, REAUTH_FAILURES, subject);
    return { ok: true };
  }
  const after = await hitRateLimit(db, REAUTH_FAILURES, subject);
  return { ok: false, kind: "wrong-password", retryAfterSeconds: after.retryAfterSeconds };
}

const ACCOUNT_STATUSES: readonly MemberStatus[] = ["active", "verified"];

async function loadActiveMember(db: DbOrTx, memberId: number) {
  const member = await db.member.findUnique({ where: { id: memberId } });
  return member && ACCOUNT_STATUSES.includes(member.status) ? member : null;
}

function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

// ---------------------------------------------------------------------------------------------
// Overview and submissions

export interface AccountSummary {
  id: number;
  nickname: string;
  email: string;
  level: MemberLevel;
  status: MemberStatus;
  createdAt: Date;
  realNameVerifiedAt: Date | null;
  companyName: string | null;
  linkedCompanyName: string | null;
}

export async function getAccountSummary(db: DbOrTx, memberId: number): Promise<AccountSummary | null> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: {
      id: true,
      nickname: true,
      email: true,
      level: true,
      status: true,
      createdAt: true,
      realNameVerifiedAt: true,
      companyName: true,
      company: { select: { name: true } },
    },
  });
  if (!member) return null;
  const { company, ...rest } = member;
  return { ...rest, linkedCompanyName: company?.name ?? null };
}

export interface SubmissionRow {
  id: number;
  number: string;
  categoryName: string | null;
  kind: RegistrationKind | null;
  status: LeadStatus;
  createdAt: Date;
  itemCount: number;
}

export interface SubmissionPage {
  items: SubmissionRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The member's own leads (需求/订单登记), newest first. `kind: "order"` keeps order leads only. */
export async function listMemberSubmissions(
  db: DbOrTx,
  memberId: number,
  options: { kind?: RegistrationKind; page?: number; pageSize?: number } = {},
): Promise<SubmissionPage> {
  const pageSize = options.pageSize ?? 10;
  const where: Prisma.LeadWhereInput = { memberId, ...(options.kind ? { category: { kind: options.kind } } : {}) };
  const total = await db.lead.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await db.lead.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      category: { select: { name: true, kind: true } },
      _count: { select: { items: true } },
    },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      categoryName: row.category?.name ?? null,
      kind: row.category?.kind ?? null,
      status: row.status,
      createdAt: row.createdAt,
      itemCount: row._count.items,
    })),
    total,
    page,
    pageCount,
  };
}

/** The company staff linked the member to, for the customer zone header. */
export async function getLinkedCompanyName(db: DbOrTx, companyId: number | null): Promise<string | null> {
  if (companyId === null) return null;
  const company = await db.company.findUnique({ where: { id: companyId }, select: { name: true } });
  return company?.name ?? null;
}

// ---------------------------------------------------------------------------------------------
// Profile

export interface ProfileView {
  nickname: string;
  email: string;
  phone: string | null;
  title: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  realName: string | null;
  companyName: string | null;
  notifyByEmail: boolean;
  notifyNewsletter: boolean;
  /** Real name and company name are fixed once staff verified them. */
  identityLocked: boolean;
}

export async function getProfile(db: DbOrTx, memberId: number): Promise<ProfileView | null> {
  const m = await db.member.findUnique({ where: { id: memberId } });
  if (!m) return null;
  return {
    nickname: m.nickname,
    email: m.email,
    phone: m.phone,
    title: m.title,
    province: m.province,
    city: m.city,
    address: m.address,
    realName: m.realName,
    companyName: m.companyName,
    notifyByEmail: m.notifyByEmail,
    notifyNewsletter: m.notifyNewsletter,
    identityLocked: m.realNameVerifiedAt !== null,
  };
}

export type UpdateProfileResult =
  { kind: "ok"; changed: string[] } | { kind: "nickname-taken" } | { kind: "not-found" };

const PROFILE_FIELDS = [
  "nickname",
  "phone",
  "title",
  "province",
  "city",
  "address",
  "realName",
  "companyName",
  "notifyByEmail",
  "notifyNewsletter",
] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

export async function updateProfile(db: Db, actor: AccountActor, input: ProfileInput): Promise<UpdateProfileResult> {
  try {
    return await db.$transaction(async (tx) => {
      const member = await loadActiveMember(tx, actor.memberId);
      if (!member) return { kind: "not-found" } as const;
      const locked = member.realNameVerifiedAt !== null;
      const before: Record<string, string | boolean | null> = {};
      const after: Record<string, string | boolean | null> = {};
      for (const field of PROFILE_FIELDS) {
        if (locked && (field === "realName" || field === "companyName")) continue;
        const next = input[field as ProfileField];
        if (member[field] !== next) {
          before[field] = member[field];
          after[field] = next;
        }
      }
      const changed = Object.keys(after);
      if (changed.length === 0) return { kind: "ok", changed } as const;

      if ("nickname" in after) {
        // The column collation compares case-insensitively, as the unique index does.
        const clash = await tx.member.findFirst({
          where: { nickname: input.nickname, id: { not: member.id } },
          select: { id: true },
        });
        if (clash) return { kind: "nickname-taken" } as const;
      }
      // `after` holds only PROFILE_FIELDS keys with values of the input's (column-compatible) types.
      const data = { ...after } as Prisma.MemberUpdateInput;
      if ("phone" in after) data.phoneKey = phoneKey(input.phone);
      await tx.member.update({ where: { id: member.id }, data });
      await recordAudit(tx, {
        actor: { type: "member", id: member.id },
        action: "member.profile_updated",
        entityType: "Member",
        entityId: member.id,
        before,
        after,
        ipAddress: actor.ipAddress,
      });
      return { kind: "ok", changed } as const;
    });
  } catch (error) {
    // Two members racing for the same free nickname: the unique index lets one through.
    if (uniqueViolation(error) === "nickname") return { kind: "nickname-taken" };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Password

export type ChangePasswordResult =
  | { kind: "ok"; signedOutSessions: number }
  | { kind: "wrong-password" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "not-found" };

/** Changes the password and signs out every other session (ASVS 7.4.3); this one stays. */
export async function changeMemberPassword(
  db: Db,
  actor: AccountActor,
  input: PasswordChangeInput,
): Promise<ChangePasswordResult> {
  const member = await loadActiveMember(db, actor.memberId);
  if (!member) return { kind: "not-found" };
  const auth = await reauthenticate(db, member.id, member.passwordHash, input.currentPassword);
  if (!auth.ok) {
    return auth.kind === "rate-limited"
      ? { kind: "rate-limited", retryAfterSeconds: auth.retryAfterSeconds }
      : { kind: "wrong-password" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
    const signedOutSessions = await memberSessions.invalidateAll(tx, member.id, actor.sessionId);
    // A reset link still in someone's mailbox must not undo the change.
    await tx.memberToken.deleteMany({ where: { memberId: member.id, purpose: "password_reset", usedAt: null } });
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.password_changed",
      entityType: "Member",
      entityId: member.id,
      after: { signedOutSessions },
      ipAddress: actor.ipAddress,
    });
    return { kind: "ok", signedOutSessions } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// E-mail change

export type RequestEmailChangeResult =
  | { kind: "sent"; newEmail: string }
  | { kind: "unchanged" }
  | { kind: "wrong-password" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "not-found" };

/**
 * Re-authenticates, then mails a 24-hour link to the NEW address. An address that belongs to another
 * member gets the very same answer but no mail, so the form cannot be used to find out who is a member.
 */
export async function requestEmailChange(
  db: Db,
  actor: AccountActor,
  input: EmailChangeInput,
  options: { locale: Locale; now?: Date },
): Promise<RequestEmailChangeResult> {
  const member = await loadActiveMember(db, actor.memberId);
  if (!member) return { kind: "not-found" };
  const auth = await reauthenticate(db, member.id, member.passwordHash, input.currentPassword);
  if (!auth.ok) {
    return auth.kind === "rate-limited"
      ? { kind: "rate-limited", retryAfterSeconds: auth.retryAfterSeconds }
      : { kind: "wrong-password" };
  }
  if (input.newEmail === member.email.toLowerCase()) return { kind: "unchanged" };
  const quota = await hitRateLimit(db, EMAIL_CHANGE_REQUESTS, String(member.id));
  if (quota.count > EMAIL_CHANGE_REQUESTS.limit) {
    return { kind: "rate-limited", retryAfterSeconds: quota.retryAfterSeconds };
  }

  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const owner = await tx.member.findUnique({ where: { email: input.newEmail }, select: { id: true } });
    const free = owner === null;
    if (free) {
      const token = await issueMemberToken(tx, member.id, "email_change", { newEmail: input.newEmail, now });
      await sendEmail(tx, {
        to: input.newEmail,
        template: "member-email-change",
        locale: options.locale,
        props: {
          nickname: member.nickname,
          newEmail: input.newEmail,
          confirmUrl: absoluteUrl(`/account/email/confirm?token=${encodeURIComponent(token)}`),
          expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.email_change),
        },
      });
    }
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.email_change_requested",
      entityType: "Member",
      entityId: member.id,
      // Staff may see that the address was taken; the member never does.
      after: { newEmail: input.newEmail, verificationSent: free },
      ipAddress: actor.ipAddress,
    });
  });
  return { kind: "sent", newEmail: input.newEmail };
}

export type EmailTokenState =
  { ok: true; newEmail: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" | "used" };

/** What an e-mail change link would do, without using it (for the confirmation page). */
export async function inspectEmailChangeToken(
  db: DbOrTx,
  memberId: number,
  token: string,
  now = new Date(),
): Promise<EmailTokenState> {
  const parsed = parseSessionToken(token);
  if (!parsed) return { ok: false, reason: "invalid" };
  const row = await db.memberToken.findUnique({ where: { id: parsed.id } });
  // A link for another account is "invalid" for this one: it never reveals whose it is.
  if (
    !row ||
    row.purpose !== "email_change" ||
    row.memberId !== memberId ||
    !row.newEmail ||
    !secretMatches(parsed.secret, row.secretHash)
  ) {
    return { ok: false, reason: "invalid" };
  }
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, newEmail: row.newEmail, expiresAt: row.expiresAt };
}

export type ConfirmEmailChangeResult =
  { kind: "ok"; newEmail: string } | { kind: "invalid" | "expired" | "used" | "taken" };

/**
 * Applies an e-mail change link for the signed-in member: burns the token, re-checks that the address
 * is still free, switches it, and tells the OLD address (so a hijacked account is noticed).
 */
export async function confirmEmailChange(
  db: Db,
  actor: Pick<AccountActor, "memberId" | "ipAddress">,
  token: string,
  options: { locale: Locale; now?: Date },
): Promise<ConfirmEmailChangeResult> {
  const now = options.now ?? new Date();
  const state = await inspectEmailChangeToken(db, actor.memberId, token, now);
  if (!state.ok) return { kind: state.reason };
  try {
    return await db.$transaction(async (tx) => {
      const member = await loadActiveMember(tx, actor.memberId);
      if (!member) return { kind: "invalid" } as const;
      const consumed = await consumeMemberToken(tx, token, "email_change", now);
      if (!consumed.ok) return { kind: consumed.reason } as const;
      const newEmail = consumed.newEmail ?? state.newEmail;
      const owner = await tx.member.findUnique({ where: { email: newEmail }, select: { id: true } });
      if (owner && owner.id !== member.id) return { kind: "taken" } as const;
      const oldEmail = member.email;
      await tx.member.update({ where: { id: member.id }, data: { email: newEmail } });
      // Reset links went to the old mailbox; they must not outlive the change.
      await tx.memberToken.deleteMany({ where: { memberId: member.id, purpose: "password_reset", usedAt: null } });
      await sendEmail(tx, {
        to: oldEmail,
        template: "member-email-changed",
        locale: options.locale,
        props: { nickname: member.nickname, oldEmail, newEmail, changedAt: now, helpUrl: absoluteUrl("/login") },
      });
      await recordAudit(tx, {
        actor: { type: "member", id: member.id },
        action: "member.email_changed",
        entityType: "Member",
        entityId: member.id,
        before: { email: oldEmail },
        after: { email: newEmail },
        ipAddress: actor.ipAddress,
      });
      return { kind: "ok", newEmail } as const;
    });
  } catch (error) {
    // The address was taken between our check and the update; the token stays burned (the
    // transaction rolled back, so burn it again outside to keep "single use" true).
    if (uniqueViolation(error) === "email") {
      await consumeMemberToken(db, token, "email_change", now);
      return { kind: "taken" };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  ipAddress: string | null;
  device: { browser: string | null; os: string | null };
  current: boolean;
}

/** A rough "Chrome on Windows" from a User-Agent, enough for a member to recognise a device. */
export function describeUserAgent(userAgent: string | null): { browser: string | null; os: string | null } {
  if (!userAgent) return { browser: null, os: null };
  const ua = userAgent;
  const browser = /MicroMessenger/i.test(ua)
    ? "WeChat"
    : /Edg\//.test(ua)
      ? "Edge"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /(Chrome|Chromium|CriOS)\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : null;
  const os = /Windows/.test(ua)
    ? "Windows"
    : /(iPhone|iPad|iPod)/.test(ua)
      ? "iOS"
      : /Android/.test(ua)
        ? "Android"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /HarmonyOS/.test(ua)
            ? "HarmonyOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return { browser, os };
}

export async function listMemberSessions(
  db: DbOrTx,
  memberId: number,
  currentSessionId: string,
  now = new Date(),
): Promise<SessionRow[]> {
  const rows = await db.memberSession.findMany({
    where: { memberId, expiresAt: { gt: now } },
    orderBy: [{ lastVerifiedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastVerifiedAt: true, ipAddress: true, userAgent: true },
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    lastVerifiedAt: row.lastVerifiedAt,
    ipAddress: row.ipAddress,
    device: describeUserAgent(row.userAgent),
    current: row.id === currentSessionId,
  }));
  // This device first.
  return sessions.sort((a, b) => Number(b.current) - Number(a.current));
}

/** "Sign out other devices": every session but the current one. */
export async function signOutOtherSessions(db: Db, actor: AccountActor): Promise<number> {
  return db.$transaction(async (tx) => {
    const count = await memberSessions.invalidateAll(tx, actor.memberId, actor.sessionId);
    await recordAudit(tx, {
      actor: { type: "member", id: actor.memberId },
      action: "member.sessions_revoked",
      entityType: "Member",
      entityId: actor.memberId,
      after: { signedOutSessions: count },
      ipAddress: actor.ipAddress,
    });
    return count;
  });
}

/** Signs out one other device of this member (never someone else's session, never this one). */
export async function signOutSession(db: Db, actor: AccountActor, sessionId: string): Promise<boolean> {
  if (sessionId === actor.sessionId) return false;
  return db.$transaction(async (tx) => {
    const result = await tx.memberSession.deleteMany({ where: { id: sessionId, memberId: actor.memberId } });
    if (result.count === 0) return false;
    await recordAudit(tx, {
      actor: { type: "member", id: actor.memberId },
      action: "member.session_revoked",
      entityType: "MemberSession",
      entityId: sessionId,
      ipAddress: actor.ipAddress,
    });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Deregistration (注销)

export function deregisteredEmail(memberId: number): string {
  return `deregistered+${memberId}@invalid.relay-crm`;
}

export function deregisteredNickname(memberId: number): string {
  return `${DEREGISTERED_NICKNAME_PREFIX}${memberId}`;
}

/** Fields holding personal data; their values are wiped from the member's own audit rows too. */
const PERSONAL_FIELDS = [
  "email",
  "newEmail",
  "nickname",
  "realName",
  "phone",
  "title",
  "companyName",
  "province",
  "city",
  "address",
];
const REDACTED = "[redacted]";

function redact(value: Prisma.JsonValue | null): Prisma.InputJsonValue | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = PERSONAL_FIELDS.includes(key) && v !== null ? REDACTED : (v as Prisma.InputJsonValue | null);
  }
  return out;
}

export type DeregisterResult =
  | { kind: "ok" }
  | { kind: "wrong-password" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "not-found" };

/**
 * Self-service deregistration: the person's data is anonymised, every session and link dies, and the
 * row stays (status `deregistered`) so leads and messages keep their history for the CRM.
 */
export async function deregisterMember(
  db: Db,
  actor: AccountActor,
  input: DeregisterInput,
  now = new Date(),
): Promise<DeregisterResult> {
  const member = await loadActiveMember(db, actor.memberId);
  if (!member) return { kind: "not-found" };
  const auth = await reauthenticate(db, member.id, member.passwordHash, input.password);
  if (!auth.ok) {
    return auth.kind === "rate-limited"
      ? { kind: "rate-limited", retryAfterSeconds: auth.retryAfterSeconds }
      : { kind: "wrong-password" };
  }
  // Nobody can sign in with this: a hash of a random secret nobody ever sees.
  const passwordHash = await hashPassword(generateSecureRandomString() + generateSecureRandomString());
  await db.$transaction(async (tx) => {
    const taken = await tx.member.findFirst({
      where: { nickname: deregisteredNickname(member.id), id: { not: member.id } },
      select: { id: true },
    });
    const nickname = taken
      ? `${deregisteredNickname(member.id)}-${generateSecureRandomString().slice(0, 6)}`
      : deregisteredNickname(member.id);
    await tx.member.update({
      where: { id: member.id },
      data: {
        email: deregisteredEmail(member.id),
        nickname,
        passwordHash,
        realName: null,
        phone: null,
        phoneKey: null,
        title: null,
        companyName: null,
        province: null,
        city: null,
        address: null,
        notifyByEmail: false,
        notifyNewsletter: false,
        status: "deregistered",
        resumeStatus: null,
        suspendedUntil: null,
        suspensionReason: null,
        deregisteredAt: now,
      },
    });
    await tx.memberSession.deleteMany({ where: { memberId: member.id } });
    await tx.memberToken.deleteMany({ where: { memberId: member.id } });
    // Earlier audit rows about this member would otherwise keep the data we just removed.
    const history = await tx.auditLog.findMany({
      where: { entityType: "Member", entityId: String(member.id) },
      select: { id: true, before: true, after: true },
    });
    for (const row of history) {
      await tx.auditLog.update({
        where: { id: row.id },
        data: { before: redact(row.before), after: redact(row.after) },
      });
    }
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.deregistered",
      entityType: "Member",
      entityId: member.id,
      before: { status: member.status },
      after: { status: "deregistered" },
      ipAddress: actor.ipAddress,
    });
  });
  return { kind: "ok" };
}
