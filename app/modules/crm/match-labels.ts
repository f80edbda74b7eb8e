import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { matching } from "#app/lib/i18n/messages/zh-CN/matching.ts";

// i18n keys for matcher output (evidence codes come from search/fuzzy/scorer.ts).

export function evidenceLabelKey(code: string): MessageKey {
  const key = `matching.evidence.${code}`;
  return key in matching ? (key as MessageKey) : "matching.evidence.unknown";
}

export function verdictLabelKey(verdict: "same" | "possible" | "none"): MessageKey {
  return `matching.verdict.${verdict}`;
}

export type MatchErrorKey = "matching.error.empty" | "matching.error.tooLong";

export function matchErrorKey(message: string | undefined): MatchErrorKey {
  return message === "matching.error.tooLong" ? "matching.error.tooLong" : "matching.error.empty";
}
