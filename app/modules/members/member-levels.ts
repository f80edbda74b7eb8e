// Who sees what on the portal. A visitor is not signed in; members are prospects until staff make
// them customers (成交用户) or channel partners (渠道伙伴). Shared by guards and navigation.

export const MEMBER_LEVELS = ["prospect", "customer", "partner"] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];
export type Audience = "visitor" | MemberLevel;

export function isMemberLevel(value: unknown): value is MemberLevel {
  return typeof value === "string" && (MEMBER_LEVELS as readonly string[]).includes(value);
}

/** Customer-only resources (用户专区 and its service pages) are for customers and partners. */
export const CUSTOMER_LEVELS: readonly MemberLevel[] = ["customer", "partner"];

export function audienceAllows(audience: Audience, allowed: readonly Audience[]): boolean {
  return allowed.includes(audience);
}
