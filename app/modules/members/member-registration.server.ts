import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { hitRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import { auditAnonymousRequest, hitAnonymousRequestLimits } from "./anonymous-account-request.server.ts";
import { parseSessionToken, secretMatches } from "#app/modules/auth/session-token.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { isWriteConflict } from "#app/lib/db-errors.server.ts";
import { MemberPasswordSchema, PASSWORD_MISMATCH, passwordsMatch } from "./member-password-policy.ts";
import { consumeMemberToken, issueMemberToken, TOKEN_TTL_MS } from "./member-tokens.server.ts";

// Registration (注册) and activation (激活) of portal members, seed 000 §2.A:
// - e-mail real-looking and unique, nickname unique (the only name public areas show);
// - no account enumeration: a taken e-mail gets exactly the answer a new one gets, and its owner is
//   told by mail instead; a taken nickname is reported, because nicknames are public anyway;
// - the account is usable only after the e-mailed single-use activation link has been followed.

/** The version of the privacy policy and terms a new member agrees to (see portal/routes/policy.tsx). */
export const POLICY_VERSION = "2026-12";

export const REGISTER_PER_IP: RateLimitRule = { scope: "member-register:ip", limit: 10, windowMs: 60 * 60_000 };
export const RESEND_PER_IP: RateLimitRule = { scope: "member-activation-resend:ip", limit: 10, windowMs: 60 * 60_000 };
export const RESEND_PER_ADDRESS: RateLimitRule = {
  scope: "member-activation-resend:address",
  limit: 3,
  windowMs: 60 * 60_000,
};

export interface RequestMeta {
  ipAddress: string;
  userAgent?: string | null;
  /** The UI language of the request: mails caused by it are written in this language. */
  locale: Locale;
}

// ─────────────────────────────── input ───────────────────────────────

/** Field-error messages are i18n keys; the password policy's bare keys live in our area. */
export function messageKey(message: string): MessageKey {
  // Every key produced by our schemas exists in the dictionaries (checked by the tests).
  return (message.includes(".") ? message : `members.validation.${message}`) as MessageKey;
}

// Reserved by RFC 2606/6761 or plainly not a mailbox anyone reads: a registration there can never be activated.
const RESERVED_TLDS = new Set(["test", "example", "invalid", "localhost", "local", "internal", "lan", "home"]);
const RESERVED_DOMAINS = new Set(["example.com", "example.net", "example.org", "example.cn"]);

/** A syntactically valid address whose domain could exist on the public internet. */
export function looksDeliverable(email: string): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1 || at > 64) return false;
  const domain = email.slice(at + 1);
  const labels = domain.split(".");
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  const tld = labels[labels.length - 1]!;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/.test(tld)) return false;
  return !RESERVED_TLDS.has(tld) && !RESERVED_DOMAINS.has(domain);
}

/** E-mail as members type it: trimmed, lower-cased (full-width folded), a real-looking address. */
export const MemberEmailSchema = z
  .string()
  .transform((v) => v.normalize("NFKC").trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "validation.required")
      .max(191, "validation.tooLong")
      .pipe(z.email("validation.invalidEmail"))
      .refine(looksDeliverable, "members.validation.emailNotReal"),
  );

/** For looking an address up (sign-in, resend, forgot password): format only, no deliverability opinion. */
export const MemberEmailLookupSchema = z
  .string()
  .transform((v) => v.normalize("NFKC").trim().toLowerCase())
  .pipe(
    z.string().min(1, "validation.required").max(191, "validation.tooLong").pipe(z.email("validation.invalidEmail")),
  );

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
// Names that would let a member pass for the organisation in public areas (forum, zones).
const RESERVED_NICKNAMES = new Set(
  [
    "admin",
    "administrator",
    "root",
    "system",
    "staff",
    "support",
    "moderator",
    "relay",
    "管理员",
    "系统",
    "客服",
    "官方",
    "版主",
    "接力",
  ].map((n) => n.toLowerCase()),
);

const codePoints = (v: string) => [...v].length;

/** 2–20 letters (any script, CJK included), digits, "_" or "-"; full-width forms folded so ＡＢＣ and ABC are one name. */
export const NicknameSchema = z
  .string()
  .transform((v) => v.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .min(1, "validation.required")
      .refine((v) => codePoints(v) >= NICKNAME_MIN, "members.validation.nicknameTooShort")
      .refine((v) => codePoints(v) <= NICKNAME_MAX, "members.validation.nicknameTooLong")
      .refine((v) => /^[\p{L}\p{N}_-]+$/u.test(v), "members.validation.nicknameChars")
      .refine((v) => !RESERVED_NICKNAMES.has(v.toLowerCase()), "members.validation.nicknameReserved"),
  );

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

export const RegistrationSchema = z.object({
  email: MemberEmailSchema,
  nickname: NicknameSchema,
  password: z.string().min(1, "validation.required").pipe(MemberPasswordSchema),
  passwordConfirm: z.string().min(1, "validation.required").max(1024, "validation.tooLong"),
  realName: optionalText(50),
  phone: optionalText(30).refine((v) => v === null || phoneKey(v) !== null, "members.validation.phoneInvalid"),
  companyName: optionalText(200),
  province: optionalText(50),
  city: optionalText(50),
  /** The consent box: personal information is processed only with explicit consent (PIPL art. 13/14). */
  consent: z.literal("on", { error: "members.validation.consentRequired" }),
  /** Honeypot: hidden from people, filled by form-spamming bots. */
  website: z.string().max(1024).optional(),
});
export type RegistrationInput = z.output<typeof RegistrationSchema>;

/** The registration form as `parseForm` reads it: the fields plus the password confirmation. */
export const RegistrationFormSchema = RegistrationSchema.refine(passwordsMatch, PASSWORD_MISMATCH);
export type RegistrationField = Exclude<keyof RegistrationInput, "website">;
export type FieldErrors<F extends string> = Partial<Record<F, MessageKey>>;

export type Parsed<T, F extends string> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors<F> };

/** Parses a zod schema into data or one localisable message per field (the first problem wins). */
export function parseForm<S extends z.ZodType, F extends string>(
  schema: S,
  input: unknown,
  fields: readonly F[],
): Parsed<z.output<S>, F> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors<F> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as F;
    if (fields.includes(field) && !fieldErrors[field]) {
      // A missing field (undefined) is simply "required".
      fieldErrors[field] = issue.code === "invalid_type" ? "validation.required" : messageKey(issue.message);
    }
  }
  return { ok: false, fieldErrors };
}

export const REGISTRATION_FIELDS: readonly RegistrationField[] = [
  "email",
  "nickname",
  "password",
  "passwordConfirm",
  "realName",
  "phone",
  "companyName",
  "province",
  "city",
  "consent",
];

export function parseRegistration(input: unknown): Parsed<RegistrationInput, RegistrationField> {
  const parsed = parseForm(RegistrationSchema, input, REGISTRATION_FIELDS);
  const raw = (input ?? {}) as Record<string, unknown>;
  // The confirmation is compared even when other fields fail, so the form shows every problem at once.
  const mismatch = typeof raw.password === "string" && raw.password !== raw.passwordConfirm;
  if (parsed.ok && !mismatch) return parsed;
  const fieldErrors = parsed.ok ? {} : parsed.fieldErrors;
  if (mismatch && !fieldErrors.passwordConfirm) fieldErrors.passwordConfirm = "members.validation.passwordMismatch";
  // An unticked box sends nothing at all: say what is missing, not just "required".
  if (fieldErrors.consent) fieldErrors.consent = "members.validation.consentRequired";
  return { ok: false, fieldErrors };
}

// ─────────────────────────────── helpers ───────────────────────────────

/** An absolute link into the portal for e-mails. */
export function portalUrl(path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Which unique index a failed insert/update hit, if it was a unique violation (Prisma P2002). */
export function uniqueViolation(error: unknown): "email" | "nickname" | "other" | null {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return null;
  // The driver adapter reports the index name; classic engines report `target`. Only these are
  // looked at: the error message quotes the whole call, data included.
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { index?: string; fields?: string[] } } })?.cause;
  const names = [cause?.constraint?.index, ...(cause?.constraint?.fields ?? []), meta.target].flat().map(String);
  if (names.some((n) => /nickname/i.test(n))) return "nickname";
  if (names.some((n) => /email/i.test(n))) return "email";
  return "other";
}

function hourStamp(now: Date): string {
  return now.toISOString().slice(0, 13);
}

async function sendActivationMail(
  tx: DbOrTx,
  member: { id: number; email: string; nickname: string },
  locale: Locale,
  now: Date,
): Promise<void> {
  const token = await issueMemberToken(tx, member.id, "activation", { now });
  await sendEmail(tx, {
    to: member.email,
    template: "member-activation",
    locale,
    props: {
      nickname: member.nickname,
      accountEmail: member.email,
      activationUrl: portalUrl("/activate", { token }),
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.activation),
      resendUrl: portalUrl("/activate/resend"),
    },
  });
}

// ─────────────────────────────── registration ───────────────────────────────

export type RegistrationResult =
  /** The same answer for a new account, a taken e-mail and a bot: "check your inbox". */
  { kind: "accepted" } | { kind: "nickname-taken" } | { kind: "rate-limited"; retryAfterSeconds: number };

export async function registerMember(
  db: Db,
  input: RegistrationInput,
  meta: RequestMeta,
  options: { perIp?: RateLimitRule; now?: Date } = {},
): Promise<RegistrationResult> {
  const perIp = options.perIp ?? REGISTER_PER_IP;
  const limit = await hitRateLimit(db, perIp, meta.ipAddress);
  if (limit.count > perIp.limit) return { kind: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  // A filled honeypot is a bot: it sees the success page, nothing is stored or sent.
  if (input.website && input.website.trim() !== "") return { kind: "accepted" };

  // Hashed before looking anything up, so a taken e-mail costs the same time as a new one.
  const passwordHash = await hashPassword(input.password);

  // Two attempts: a concurrent registration of the same e-mail that commits first turns our insert
  // into a unique violation; the second pass then takes the "already registered" branch.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const now = options.now ?? new Date();
        const nicknameOwner = await tx.member.findUnique({ where: { nickname: input.nickname }, select: { id: true } });
        if (nicknameOwner) return { kind: "nickname-taken" } as const;

        const existing = await tx.member.findUnique({
          where: { email: input.email },
          select: { id: true, email: true, status: true },
        });
        if (existing) {
          await notifyExistingOwner(tx, existing, meta, now);
          return { kind: "accepted" } as const;
        }

        const member = await tx.member.create({
          data: {
            email: input.email,
            nickname: input.nickname,
            passwordHash,
            realName: input.realName,
            phone: input.phone,
            phoneKey: phoneKey(input.phone),
            companyName: input.companyName,
            province: input.province,
            city: input.city,
            consentAt: now,
            consentVersion: POLICY_VERSION,
            status: "pending",
            createdAt: now,
          },
          select: { id: true, email: true, nickname: true },
        });
        await sendActivationMail(tx, member, meta.locale, now);
        await recordAudit(tx, {
          actor: { type: "member", id: member.id },
          action: "member.registered",
          entityType: "Member",
          entityId: member.id,
          after: { email: member.email, nickname: member.nickname, consentVersion: POLICY_VERSION },
          ipAddress: meta.ipAddress,
        });
        return { kind: "accepted" } as const;
      });
    } catch (error) {
      const clash = uniqueViolation(error);
      if (clash === "nickname") return { kind: "nickname-taken" };
      if ((clash === "email" || isWriteConflict(error)) && attempt < 3) continue;
      throw error;
    }
  }
}

/** Someone registered with an address that already has an account: tell its owner, not the requester. */
async function notifyExistingOwner(
  tx: DbOrTx,
  existing: { id: number; email: string; status: string },
  meta: RequestMeta,
  now: Date,
): Promise<void> {
  await sendEmail(tx, {
    to: existing.email,
    template: "member-already-registered",
    locale: meta.locale,
    props: {
      accountEmail: existing.email,
      pending: existing.status === "pending",
      attemptedAt: now,
      signInUrl: portalUrl("/login"),
      resetUrl: portalUrl("/forgot-password"),
      resendUrl: portalUrl("/activate/resend"),
    },
    // At most one such notice per account per hour, however often someone retries.
    idempotencyKey: `member-already-registered/member-${existing.id}/${hourStamp(now)}`,
  });
  await auditAnonymousRequest(tx, "member.registration_duplicate_email", existing.id, meta.ipAddress);
}

// ─────────────────────────────── activation ───────────────────────────────

export type TokenState = "valid" | "invalid" | "expired" | "used";

/**
 * What a link's token is, without burning it: the activation page first shows a button (so mail
 * scanners that fetch links do not activate accounts) and explains a dead link precisely.
 */
export async function inspectMemberToken(
  db: DbOrTx,
  token: string | null | undefined,
  purpose: "activation" | "password_reset",
  now = new Date(),
): Promise<TokenState> {
  const parsed = parseSessionToken(token);
  if (!parsed) return "invalid";
  const row = await db.memberToken.findUnique({ where: { id: parsed.id } });
  if (!row || row.purpose !== purpose || !secretMatches(parsed.secret, row.secretHash)) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export type ActivationResult =
  { kind: "activated"; memberId: number; email: string } | { kind: "failed"; reason: "invalid" | "expired" | "used" };

export async function activateMember(
  db: Db,
  token: string,
  meta: { ipAddress: string },
  now = new Date(),
): Promise<ActivationResult> {
  return db.$transaction(async (tx) => {
    const consumed = await consumeMemberToken(tx, token, "activation", now);
    if (!consumed.ok) return { kind: "failed", reason: consumed.reason } as const;
    const member = await tx.member.findUnique({
      where: { id: consumed.memberId },
      select: { id: true, email: true, status: true },
    });
    if (!member) return { kind: "failed", reason: "invalid" } as const;
    if (member.status !== "pending") {
      // Activated meanwhile (a second tab) is fine; a closed account must not come back this way.
      if (member.status === "active" || member.status === "verified") {
        return { kind: "activated", memberId: member.id, email: member.email } as const;
      }
      return { kind: "failed", reason: "invalid" } as const;
    }
    const updated = await tx.member.updateMany({
      where: { id: member.id, status: "pending" },
      data: { status: "active", activatedAt: now },
    });
    if (updated.count !== 1) return { kind: "failed", reason: "used" } as const;
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.activated",
      entityType: "Member",
      entityId: member.id,
      before: { status: "pending" },
      after: { status: "active" },
      ipAddress: meta.ipAddress,
    });
    return { kind: "activated", memberId: member.id, email: member.email } as const;
  });
}

export type ResendResult = { kind: "sent" } | { kind: "rate-limited"; retryAfterSeconds: number };

/**
 * "Resend activation mail": the same answer whatever the address; only a pending account gets a
 * fresh link, and issuing it voids the previous one.
 */
export async function resendActivation(
  db: Db,
  email: string,
  meta: RequestMeta,
  options: { perIp?: RateLimitRule; perAddress?: RateLimitRule; now?: Date } = {},
): Promise<ResendResult> {
  const limits = { perIp: options.perIp ?? RESEND_PER_IP, perAddress: options.perAddress ?? RESEND_PER_ADDRESS };
  const retryAfterSeconds = await hitAnonymousRequestLimits(db, limits, { ipAddress: meta.ipAddress, email });
  if (retryAfterSeconds !== null) return { kind: "rate-limited", retryAfterSeconds };
  await db.$transaction(async (tx) => {
    const now = options.now ?? new Date();
    const member = await tx.member.findUnique({
      where: { email },
      select: { id: true, email: true, nickname: true, status: true },
    });
    if (!member || member.status !== "pending") return;
    await sendActivationMail(tx, member, meta.locale, now);
    await auditAnonymousRequest(tx, "member.activation_resent", member.id, meta.ipAddress);
  });
  return { kind: "sent" };
}
