import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { loadMessages } from "./lib/i18n/catalog.ts";
import { DEFAULT_LOCALE, isLocale } from "./lib/i18n/locales.ts";

// React Router's default client entry, plus one step: fetch the active locale's dictionary (the
// root layout prints it as <html lang>) before hydrating, so the first render in the browser has
// the same strings as the server's HTML and the other locale is never downloaded (decision 008).
const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
}

// If the dictionary cannot be fetched, hydrate anyway: the provider retries the import and suspends.
loadMessages(locale).then(hydrate, hydrate);
