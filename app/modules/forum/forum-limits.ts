import { z } from "zod";

// The admin's forum limits (Setting "forum.limits", decision 041) and the link detector used for
// members below the trust threshold. Pure: shared by the services, the settings page and the tests.

export const ForumLimitsSchema = z.object({
  /** A member's first N posts wait for a moderator (待审核); 0 turns holding off. */
  heldPosts: z.number().int().min(0).max(50),
  /** Approved posts a member needs before they may post links; 0 lets everyone post links. */
  linkMinPosts: z.number().int().min(0).max(100),
  /** New threads per member per hour; 0 = no limit. */
  threadsPerHour: z.number().int().min(0).max(1000),
  /** Replies per member per minute; 0 = no limit. */
  repliesPerMinute: z.number().int().min(0).max(1000),
  /** Replies per member per hour; 0 = no limit. */
  repliesPerHour: z.number().int().min(0).max(10000),
});
export type ForumLimits = z.infer<typeof ForumLimitsSchema>;

export const FORUM_LIMIT_DEFAULTS: ForumLimits = {
  heldPosts: 2,
  linkMinPosts: 3,
  threadsPerHour: 5,
  repliesPerMinute: 3,
  repliesPerHour: 30,
};

export const FORUM_LIMIT_FIELDS = Object.keys(FORUM_LIMIT_DEFAULTS) as Array<keyof ForumLimits>;

// Schemes, "www." and bare host names under common top-level domains; full-width dots and letters
// fold first (NFKC), so "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ" is a link too.
const LINK =
  /(?:\b[a-z][a-z0-9+.-]{1,15}:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|io|co|top|xyz|info|biz|me|cc|tv|vip|shop|site|online|app|dev|ai|hk|tw|us|uk|de|jp|ru|link|club|ly|gl|to)\b)/i;

/** Whether a title, plain body or sanitised HTML carries a link (an <a href> or a written address). */
export function containsLink(text: string): boolean {
  if (/<a\b[^>]*\bhref\s*=/i.test(text)) return true;
  const folded = text.normalize("NFKC").replace(/[。｡]/g, ".");
  return LINK.test(folded);
}
