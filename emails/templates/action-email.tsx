import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { colors, EmailLayout, FactTable, styles } from "./email-layout.tsx";

// The one shape of an e-mail that asks the reader to do something (activate, confirm, reset, sign
// in): heading, greeting, body, the facts, an optional explanation or warning, the button, the link
// spelled out for clients that break buttons, and closing notes. Each template supplies its words.

export interface ActionEmailProps {
  locale: Locale;
  preview: string;
  /** Why the reader got this e-mail (the layout's footer). */
  reason: string;
  heading: string;
  greeting: string;
  body: string;
  facts?: Array<[label: string, value: ReactNode]>;
  /** Paragraphs between the facts and the button (e.g. "if this was you…"). */
  lead?: ReactNode;
  /** A red box before the button (e.g. "if this was not you…"). */
  warning?: { title: string; body: string };
  action: { href: string; label: string };
  /** "If the button does not work, copy this link…": the action's URL is printed under it. */
  linkFallback?: string;
  /** Closing notes after the button (see <Note>). */
  children?: ReactNode;
}

export function ActionEmail(props: ActionEmailProps) {
  return (
    <EmailLayout locale={props.locale} preview={props.preview} reason={props.reason}>
      <Heading as="h1" style={styles.heading}>
        {props.heading}
      </Heading>
      <Text style={styles.paragraph}>{props.greeting}</Text>
      <Text style={styles.paragraph}>{props.body}</Text>
      {props.facts ? <FactTable rows={props.facts} /> : null}
      {props.lead}
      {props.warning ? (
        <Section
          style={{
            backgroundColor: colors.warnBg,
            border: `1px solid ${colors.warnBorder}`,
            borderRadius: "8px",
            padding: "4px 14px",
            margin: "0 0 18px",
          }}
        >
          <Text style={{ ...styles.paragraph, color: colors.warnText, margin: "10px 0" }}>
            <strong>{props.warning.title}</strong>
            {props.warning.body}
          </Text>
        </Section>
      ) : null}
      <Section style={{ margin: "4px 0 18px" }}>
        <Button href={props.action.href} style={styles.button}>
          {props.action.label}
        </Button>
      </Section>
      {props.linkFallback ? <Note text={props.linkFallback} href={props.action.href} /> : null}
      {props.children}
    </EmailLayout>
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
