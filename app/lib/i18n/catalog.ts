import type { Locale } from "./locales.ts";
import type { MessageKey } from "./messages/zh-CN/index.ts";

// The browser-safe half of i18n: types, placeholder formatting and the per-locale dictionaries,
// loaded on demand. Nothing here imports a dictionary statically, so a page ships only the active
// locale's strings (one chunk per locale, fetched by app/entry.client.tsx before hydration). The
// server registers both dictionaries up front (translate.ts), so rendering there never waits.
// Decision 008.

export type { MessageKey };
export type Messages = Record<MessageKey, string>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/** Replaces `{name}` placeholders; unknown placeholders stay visible so mistakes are noticed. */
export function format(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translatorFor(messages: Messages): Translate {
  return (key, vars) => format(messages[key], vars);
}

// Vite turns each import() into its own chunk; the English file only imports zh-CN's key type.
const IMPORTERS: Record<Locale, () => Promise<Messages>> = {
  "zh-CN": () => import("./messages/zh-CN/index.ts").then((m) => m.zhCN),
  en: () => import("./messages/en/index.ts").then((m) => m.en),
};

const loaded: Partial<Record<Locale, Messages>> = {};
const pending: Partial<Record<Locale, Promise<Messages>>> = {};

export function registerMessages(locale: Locale, messages: Messages): void {
  loaded[locale] = messages;
}

/** The dictionary if it is already here (always on the server; the active locale in the browser). */
export function loadedMessages(locale: Locale): Messages | undefined {
  return loaded[locale];
}

/** Loads a locale's dictionary once; the same promise is returned while it is on its way. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return Promise.resolve(ready);
  return (pending[locale] ??= IMPORTERS[locale]().then((messages) => {
    registerMessages(locale, messages);
    return messages;
  }));
}

/**
 * Whether `key` names a message (for keys built at run time, e.g. from an error code). Every locale
 * has the same keys (tsc and dictionaries.test.ts check it), so any loaded dictionary can answer.
 */
export function isMessageKey(key: string): key is MessageKey {
  const messages = loaded["zh-CN"] ?? loaded.en;
  if (!messages) throw new Error("isMessageKey: no dictionary loaded yet");
  return Object.hasOwn(messages, key);
}
