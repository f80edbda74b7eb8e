import { registerMessages, translatorFor, type Messages, type Translate } from "./catalog.ts";
import { en } from "./messages/en/index.ts";
import { zhCN } from "./messages/zh-CN/index.ts";
import type { Locale } from "./locales.ts";

// Both dictionaries, for the server (loaders, actions, e-mails, jobs) and tests. Browser code must
// not import this module (it would ship both dictionaries): it uses catalog.ts and useI18n().

export { format, isMessageKey, type MessageKey, type Messages, type Translate, type TranslateVars } from "./catalog.ts";

export const DICTIONARIES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

registerMessages("zh-CN", zhCN);
registerMessages("en", en);

export function createTranslator(locale: Locale): Translate {
  return translatorFor(DICTIONARIES[locale]);
}
