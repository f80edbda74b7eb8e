import { EditorContent, useEditor, useEditorState, type ChainedCommands, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import {
  Bold,
  Code,
  Heading2,
  Heading3,
  Italic,
  Link2,
  List,
  ListOrdered,
  Quote,
  Redo2,
  Strikethrough,
  Underline,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import { useRef, useState } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "./cn.ts";

/**
 * Typography for sanitised rich text (editor content and read-only rendering). Tailwind has no
 * typography plugin here, so the element styles are arbitrary variants.
 */
export const RICH_TEXT_CLASS = cn(
  "text-sm leading-relaxed text-slate-800 break-words",
  "[&_p]:my-2 [&_p:first-child]:mt-0 [&_p:last-child]:mb-0",
  "[&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-xs [&_pre]:text-slate-100",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_a]:text-blue-700 [&_a]:underline [&_hr]:my-4 [&_hr]:border-slate-200",
);

/** Renders HTML that went through `sanitizeRichText` on the server. Never pass unsanitised HTML. */
export function RichTextView({ html, className }: { html: string; className?: string }) {
  // The HTML was sanitised server-side with an allow-list (app/lib/rich-text.server.ts).
  return <div className={cn(RICH_TEXT_CLASS, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What was typed into the fallback textarea, as editor content: HTML stays, plain text becomes paragraphs. */
function textToHtml(value: string): string {
  const v = value.trim();
  if (v === "" || /^<(p|h2|h3|ul|ol|blockquote|pre|hr)[\s>]/i.test(v)) return v;
  return v
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

export interface RichTextEditorProps {
  /** Form field name; the HTML goes into a hidden input (or the fallback textarea) with this name. */
  name: string;
  /** Accessible name of the editing area. */
  label: string;
  id?: string;
  defaultValue?: string;
  invalid?: boolean;
  describedBy?: string;
  /** Minimum height of the editing area in rem. */
  minRows?: number;
  onChange?: (html: string) => void;
}

/**
 * Tiptap 3 editor (StarterKit incl. Link and Underline) that works inside a plain `<Form>`: the HTML is
 * mirrored into a hidden input. Before hydration (and without JS) a textarea with the same name is
 * rendered, so forms still submit; the server sanitises and accepts plain text or HTML.
 */
export function RichTextEditor({
  name,
  label,
  id,
  defaultValue = "",
  invalid,
  describedBy,
  minRows = 6,
  onChange,
}: RichTextEditorProps) {
  const { t } = useI18n();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [html, setHtml] = useState(defaultValue);
  const minHeight = `${minRows * 1.5}rem`;

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          protocols: ["http", "https", "mailto"],
          HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
        },
      }),
    ],
    content: defaultValue,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        ...(id ? { id } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: cn(RICH_TEXT_CLASS, "px-3 py-2 outline-none"),
        style: `min-height: ${minHeight}`,
      },
    },
    onCreate: ({ editor: created }) => {
      // Keep whatever was typed into the fallback textarea before hydration.
      const typed = textareaRef.current?.value ?? "";
      if (typed.trim() !== "" && typed !== defaultValue) created.commands.setContent(textToHtml(typed));
      setHtml(created.isEmpty ? "" : created.getHTML());
    },
    onUpdate: ({ editor: updated }) => {
      const next = updated.isEmpty ? "" : updated.getHTML();
      setHtml(next);
      onChange?.(next);
    },
  });

  const frame = cn(
    "rounded-lg border bg-white shadow-sm focus-within:ring-2 focus-within:ring-blue-600/30",
    invalid ? "border-red-400" : "border-slate-300",
  );

  if (!editor) {
    return (
      <div className={frame}>
        <textarea
          ref={textareaRef}
          id={id}
          name={name}
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          defaultValue={defaultValue}
          rows={minRows}
          className="block w-full resize-y rounded-lg px-3 py-2 text-sm outline-none"
        />
      </div>
    );
  }

  return (
    <div className={frame}>
      <Toolbar editor={editor} t={t} />
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={html} />
    </div>
  );
}

interface ToolButton {
  key: MessageKey;
  icon: LucideIcon;
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  disabled?: (e: Editor) => boolean;
}

/** A button that toggles a mark or node (`name`, with `attributes`), pressed while the selection has it. */
function toggle(
  key: MessageKey,
  icon: LucideIcon,
  name: string,
  command: (chain: ChainedCommands) => ChainedCommands,
  attributes?: Record<string, unknown>,
): ToolButton {
  return {
    key,
    icon,
    active: (e) => e.isActive(name, attributes),
    run: (e) => command(e.chain().focus()).run(),
  };
}

function Toolbar({ editor, t }: { editor: Editor; t: (key: MessageKey) => string }) {
  const buttons: Array<ToolButton | "sep"> = [
    toggle("service.editor.bold", Bold, "bold", (c) => c.toggleBold()),
    toggle("service.editor.italic", Italic, "italic", (c) => c.toggleItalic()),
    toggle("service.editor.underline", Underline, "underline", (c) => c.toggleUnderline()),
    toggle("service.editor.strike", Strikethrough, "strike", (c) => c.toggleStrike()),
    "sep",
    toggle("service.editor.h2", Heading2, "heading", (c) => c.toggleHeading({ level: 2 }), { level: 2 }),
    toggle("service.editor.h3", Heading3, "heading", (c) => c.toggleHeading({ level: 3 }), { level: 3 }),
    toggle("service.editor.bulletList", List, "bulletList", (c) => c.toggleBulletList()),
    toggle("service.editor.orderedList", ListOrdered, "orderedList", (c) => c.toggleOrderedList()),
    toggle("service.editor.blockquote", Quote, "blockquote", (c) => c.toggleBlockquote()),
    toggle("service.editor.codeBlock", Code, "codeBlock", (c) => c.toggleCodeBlock()),
    {
      key: "service.editor.link",
      icon: Link2,
      active: (e) => e.isActive("link"),
      run: (e) => {
        if (e.isActive("link")) {
          e.chain().focus().unsetLink().run();
          return;
        }
        const href = window.prompt(t("service.editor.linkPrompt"), "https://");
        if (!href || !/^(https?:\/\/|mailto:)/i.test(href.trim())) return;
        e.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
      },
    },
    "sep",
    {
      key: "service.editor.undo",
      icon: Undo2,
      run: (e) => e.chain().focus().undo().run(),
      disabled: (e) => !e.can().undo(),
    },
    {
      key: "service.editor.redo",
      icon: Redo2,
      run: (e) => e.chain().focus().redo().run(),
      disabled: (e) => !e.can().redo(),
    },
  ];

  // Re-render the toolbar only when an active/disabled state changes, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      buttons.map((b) => (b === "sep" ? "" : `${b.active?.(e) ? 1 : 0}${b.disabled?.(e) ? 1 : 0}`)).join(","),
  });
  const flags = state.split(",");

  return (
    <div
      role="toolbar"
      aria-label={t("service.editor.toolbar")}
      className="flex flex-wrap items-center gap-0.5 border-b border-slate-200 px-1.5 py-1"
    >
      {buttons.map((b, i) => {
        if (b === "sep") return <span key={`sep-${i}`} aria-hidden className="mx-1 h-5 w-px bg-slate-200" />;
        const Icon = b.icon;
        const active = flags[i]?.[0] === "1";
        const disabled = flags[i]?.[1] === "1";
        return (
          <button
            key={b.key}
            type="button"
            title={t(b.key)}
            aria-label={t(b.key)}
            aria-pressed={b.active ? active : undefined}
            disabled={disabled}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => b.run(editor)}
            className={cn(
              "inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-40",
              active && "bg-blue-50 text-blue-700",
            )}
          >
            <Icon className="size-4" aria-hidden />
          </button>
        );
      })}
    </div>
  );
}
