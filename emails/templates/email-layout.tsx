import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Locale } from "#app/lib/i18n/locales.ts";

// The frame every transactional e-mail shares: brand header, white card, and a footer that tells the
// reader why the message reached them. Inline styles only: mail clients ignore stylesheets. No slogan
// under the brand: customers get these too, and the internal one spoke of leads (#14 item 9).

const layoutStrings = {
  "zh-CN": {
    brand: "接力 CRM",
    automated: "这是一封系统自动发送的邮件，请勿直接回复。",
    whyLabel: "为什么收到这封邮件：",
  },
  en: {
    brand: "接力 CRM",
    automated: "This message was sent automatically; replies to it are not read.",
    whyLabel: "Why you got this e-mail: ",
  },
} satisfies Record<Locale, Record<string, string>>;

export const colors = {
  brand: "#2563eb",
  text: "#0f172a",
  muted: "#475569",
  faint: "#94a3b8",
  border: "#e2e8f0",
  page: "#f8fafc",
  warnBg: "#fef2f2",
  warnBorder: "#fecaca",
  warnText: "#991b1b",
};

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Helvetica, Arial, sans-serif';

export const styles = {
  heading: { fontSize: "20px", lineHeight: "28px", fontWeight: 600, color: colors.text, margin: "0 0 16px" },
  paragraph: { fontSize: "15px", lineHeight: "24px", color: colors.text, margin: "0 0 14px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: colors.muted, margin: "0 0 12px" },
  button: {
    backgroundColor: colors.brand,
    color: "#ffffff",
    borderRadius: "8px",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 22px",
    textDecoration: "none",
    display: "inline-block",
  },
  factLabel: {
    fontSize: "13px",
    color: colors.muted,
    margin: "0",
    width: "35%",
    verticalAlign: "top",
    padding: "6px 0",
  },
  factValue: {
    fontSize: "14px",
    color: colors.text,
    margin: "0",
    fontWeight: 600,
    verticalAlign: "top",
    padding: "6px 0",
  },
} satisfies Record<string, CSSProperties>;

export function EmailLayout(props: { locale: Locale; preview: string; reason: string; children: ReactNode }) {
  const s = layoutStrings[props.locale];
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 12px" }}>
          <Section style={{ padding: "8px 4px 16px" }}>
            <Text style={{ fontSize: "20px", fontWeight: 700, color: colors.brand, margin: 0 }}>{s.brand}</Text>
          </Section>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: `1px solid ${colors.border}`,
              borderRadius: "8px",
              padding: "28px 28px 16px",
            }}
          >
            {props.children}
          </Section>
          <Section style={{ padding: "16px 4px" }}>
            <Text style={{ ...styles.muted, color: colors.faint, fontSize: "12px" }}>
              {s.whyLabel}
              {props.reason}
            </Text>
            <Hr style={{ borderColor: colors.border, margin: "8px 0" }} />
            <Text style={{ ...styles.muted, color: colors.faint, fontSize: "12px" }}>{s.automated}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** A two-column list of facts (label → value), rendered as a table so every mail client keeps it aligned. */
export function FactTable(props: { rows: Array<[label: string, value: ReactNode]> }) {
  return (
    <table
      role="presentation"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      style={{ margin: "4px 0 18px", borderCollapse: "collapse" }}
    >
      <tbody>
        {props.rows.map(([label, value]) => (
          <tr key={label} style={{ borderBottom: `1px solid ${colors.border}` }}>
            <td style={styles.factLabel}>{label}</td>
            <td style={styles.factValue}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
