import { createContext, use, useContext, useMemo, type ReactNode } from "react";
import { loadedMessages, loadMessages, translatorFor, type Messages, type Translate } from "./catalog.ts";
import type { Locale } from "./locales.ts";

interface I18nValue {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/**
 * Provides `t` for `locale`. The dictionary is normally already loaded (the server registers both,
 * the browser loads the active one before hydrating); after a language switch in the browser the
 * other one is fetched and the navigation waits for it (`use` suspends inside the transition).
 */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  /** Only for callers that hold a dictionary themselves (tests, e-mail previews). */
  messages?: Messages;
  children: ReactNode;
}) {
  const dictionary = messages ?? loadedMessages(locale) ?? use(loadMessages(locale));
  const value = useMemo(() => ({ locale, t: translatorFor(dictionary) }), [locale, dictionary]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
