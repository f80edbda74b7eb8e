import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { EmailTemplate } from "./define-template.ts";
import { colors, EmailLayout, FactTable, styles } from "./email-layout.tsx";

// The one shape of an e-mail that asks the reader to do something (activate, confirm, reset, sign
// in): heading, greeting, body, the facts, an optional explanation or warning, the button, the link
// spelled out for clients that break buttons, and closing notes. Each template supplies its words.

// Customers are always addressed as 您; e-mails between colleagues (`informal`) keep the back office's 你.
const greetings = {
  "zh-CN": {
    formal: { named: (name: string) => `${name}，您好：`, anonymous: "您好：" },
    informal: { named: (name: string) => `${name}，你好：`, anonymous: "你好：" },
  },
  en: {
    formal: { named: (name: string) => `Hello ${name},`, anonymous: "Hello," },
    informal: { named: (name: string) => `Hello ${name},`, anonymous: "Hello," },
  },
} satisfies Record<Locale, unknown>;

const linkFallbacks: Record<Locale, string> = {
  "zh-CN": "如果按钮无法打开，请复制以下链接到浏览器：",
  en: "If the button does not work, copy this link into your browser:",
};

export interface ActionEmailText {
  preview: string;
  heading: string;
  body: string;
  /** Why the reader got this e-mail (the layout's footer). */
  reason: string;
}

export interface ActionEmailProps {
  locale: Locale;
  /** The template's own words (its string table for the locale, or the computed parts of it). */
  text: ActionEmailText;
  /** Who is greeted ("王工，您好："); without a name a plain "您好：". */
  name?: string;
  /** A staff e-mail: greet as 你 like the rest of the back office (customers always get 您). */
  informal?: boolean;
  facts?: Array<[label: string, value: ReactNode]>;
  /** Paragraphs between the facts and the button (e.g. "if this was you…"). */
  lead?: ReactNode;
  /** A red box before the button (e.g. "if this was not you…"). */
  warning?: { title: string; body: string };
  action: { href: string; label: string };
  /** "If the button does not work, copy this link…" (true: the standard sentence), then the URL. */
  linkFallback?: boolean | string;
  /** Closing notes after the button (see <Note>). */
  children?: ReactNode;
}

export function ActionEmail(props: ActionEmailProps) {
  const { text, locale } = props;
  const g = greetings[locale][props.informal ? "informal" : "formal"];
  const greeting = props.name ? g.named(props.name) : g.anonymous;
  const fallback = props.linkFallback === true ? linkFallbacks[locale] : props.linkFallback;
  return (
    <EmailLayout locale={locale} preview={text.preview} reason={text.reason}>
      <EmailOpening heading={text.heading} greeting={greeting} />
      <Text style={styles.paragraph}>{text.body}</Text>
      {props.facts ? <FactTable rows={props.facts} /> : null}
      {props.lead}
      {props.warning ? (
        <Callout tone="warning">
          <strong>{props.warning.title}</strong>
          {props.warning.body}
        </Callout>
      ) : null}
      <ActionButton href={props.action.href} label={props.action.label} fallback={fallback || undefined} />
      {props.children}
    </EmailLayout>
  );
}

/** The call to action: the button, and under it the same URL spelled out for clients that break buttons. */
export function ActionButton({ href, label, fallback }: { href: string; label: string; fallback?: string }) {
  return (
    <>
      <Section style={{ margin: "4px 0 18px" }}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      {fallback ? <Note text={fallback} href={href} /> : null}
    </>
  );
}

const calloutTones = {
  /** Something the reader should look at (a quoted message, a hint about duplicates). */
  plain: { box: { backgroundColor: colors.page, border: `1px solid ${colors.border}` }, text: {} },
  /** A red box: "if this was not you…". */
  warning: {
    box: { backgroundColor: colors.warnBg, border: `1px solid ${colors.warnBorder}` },
    text: { color: colors.warnText },
  },
};

/** A boxed paragraph set apart from the body; `preLine` keeps the line breaks of quoted text. */
export function Callout(props: { tone?: keyof typeof calloutTones; preLine?: boolean; children: ReactNode }) {
  const tone = calloutTones[props.tone ?? "plain"];
  return (
    <Section style={{ ...tone.box, borderRadius: "8px", padding: "4px 14px", margin: "0 0 18px" }}>
      <Text
        style={{
          ...styles.paragraph,
          ...tone.text,
          margin: "10px 0",
          ...(props.preLine ? { whiteSpace: "pre-line" } : {}),
        }}
      >
        {props.children}
      </Text>
    </Section>
  );
}

/** A block of free text under a small label (a requirement, a description). */
export function LabelledBlock({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      <Text style={{ ...styles.muted, margin: "0 0 4px" }}>{label}</Text>
      {children}
    </Section>
  );
}

/** Free text that keeps the writer's line breaks. */
export function PreLineText({ children }: { children: ReactNode }) {
  return <Text style={{ ...styles.paragraph, whiteSpace: "pre-line" }}>{children}</Text>;
}

/** How every mail begins: the heading, then the reader greeted by name. */
export function EmailOpening({ heading, greeting }: { heading: string; greeting: string }) {
  return (
    <>
      <Heading as="h1" style={styles.heading}>
        {heading}
      </Heading>
      <Text style={styles.paragraph}>{greeting}</Text>
    </>
  );
}

/** A paragraph of the e-mail; `muted` for the small print. */
export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? styles.muted : styles.paragraph}>{children}</Text>;
}

/** Small print, optionally followed by a link spelled out on its own line. */
export function Note({ text, href, inline = false }: { text: string; href?: string; inline?: boolean }) {
  return (
    <Text style={styles.muted}>
      {text}
      {href ? (
        <>
          {inline ? null : <br />}
          <Link href={href} style={{ color: colors.brand, wordBreak: "break-all" }}>
            {href}
          </Link>
        </>
      ) : null}
    </Text>
  );
}

/** A template's words per locale; `body`/`reason` may instead come from `build` when they take values. */
type Words = Omit<ActionEmailText, "body" | "reason"> & { subject: string; body?: string; reason?: string };

/**
 * An action e-mail template from its props schema, its string table per locale and what it puts
 * into the frame: `build` returns the names, facts, button and notes (and may override the text).
 */
export function actionTemplate<S extends z.ZodType<object>, W extends Words>(
  schema: S,
  strings: Record<Locale, W>,
  build: (
    props: z.output<S>,
    s: W,
    locale: Locale,
  ) => Omit<ActionEmailProps, "locale" | "text"> & {
    text?: Partial<ActionEmailText>;
  },
): EmailTemplate<S> {
  return {
    schema,
    subject: (props) => strings[props.locale].subject,
    Component: (props) => {
      const s = strings[props.locale];
      const { text, ...rest } = build(props, s, props.locale);
      return <ActionEmail locale={props.locale} text={{ body: "", reason: "", ...s, ...text }} {...rest} />;
    },
  };
}
