import { en } from "./messages/en/index.ts";
import { zhCN, type MessageKey } from "./messages/zh-CN/index.ts";
import type { Locale } from "./locales.ts";

export type { MessageKey };
export type Messages = Record<MessageKey, string>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

export const DICTIONARIES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

/** Replaces `{name}` placeholders; unknown placeholders stay visible so mistakes are noticed. */
export function format(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function createTranslator(locale: Locale): Translate {
  const messages = DICTIONARIES[locale];
  return (key, vars) => format(messages[key], vars);
}
