import { describe, expect, it } from "vitest";
import { isRichTextEmpty, normaliseRichTextInput, richTextToPlain, sanitizeRichText } from "./rich-text.server.ts";

// XSS corpus: none of these may leave anything executable in the sanitised output.
const CORPUS = [
  `<script>alert(1)</script>`,
  `<p>x<script src="https://evil.example/x.js"></script></p>`,
  `<SCRIPT>alert(1)</SCRIPT>`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
  `<img src=x onerror=alert(1)>`,
  `<p onclick="alert(1)" onmouseover=alert(1)>click</p>`,
  `<a href="https://ok.example" onclick="alert(1)">ok</a>`,
  `<body onload=alert(1)>`,
  `<a href="javascript:alert(1)">x</a>`,
  `<a href="JaVaScRiPt:alert(1)">x</a>`,
  `<a href=" javascript:alert(1)">x</a>`,
  `<a href="java\tscript:alert(1)">x</a>`,
  `<a href="jav&#x09;ascript:alert(1)">x</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>`,
  `<a href="&#x6A;avascript&colon;alert(1)">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<a href="//evil.example/">protocol-relative</a>`,
  `<svg onload=alert(1)><circle r="1"/></svg>`,
  `<svg><script>alert(1)</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<p style="background:url(javascript:alert(1))">s</p>`,
  `<p style="width: expression(alert(1))">s</p>`,
  `<style>p{background:url("javascript:alert(1)")}</style>`,
  `<div style="behavior: url(x.htc)">b</div>`,
  `<iframe src="https://evil.example"></iframe>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<object data="x.swf"></object>`,
  `<embed src="x.swf">`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<form action="javascript:alert(1)"><button>go</button></form>`,
  `<input autofocus onfocus=alert(1)>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="javascript:alert(1)//">`,
  `<link rel="stylesheet" href="javascript:alert(1)">`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror=alert(1)></video>`,
  `<p><!--<img src=x onerror=alert(1)>--></p>`,
  `<a href="https://ok.example" style="color:red" class="x" id="y" data-x="1">attrs</a>`,
  `"><script>alert(1)</script>`,
  `<template><script>alert(1)</script></template>`,
];

const DANGER = [
  /<script/i,
  /<\/script/i,
  /\son\w+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /<svg/i,
  /<math/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<img/i,
  /<form/i,
  /<input/i,
  /<meta/i,
  /<base/i,
  /<link/i,
  /<style/i,
  /style=/i,
  /expression\(/i,
  /href="\/\//i,
  /class=|id=|data-x/i,
];

describe("sanitizeRichText", () => {
  it.each(CORPUS)("neutralises %s", (payload) => {
    const out = sanitizeRichText(payload);
    for (const pattern of DANGER) expect(out, `${pattern} in ${out}`).not.toMatch(pattern);
    // Idempotent: sanitising the output again changes nothing.
    expect(sanitizeRichText(out)).toBe(out);
  });

  it("keeps what the Tiptap StarterKit + Link produce", () => {
    const html =
      "<h2>标题</h2><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s> <code>c</code><br>line</p>" +
      "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><blockquote><p>q</p></blockquote>" +
      '<pre><code>x &lt; y</code></pre><hr><h3>小</h3><p><a target="_blank" href="https://relay.example/a?b=1&amp;c=2">link</a> ' +
      '<a href="mailto:csr@relay.example">mail</a></p>';
    const out = sanitizeRichText(html);
    expect(out).toContain("<h2>标题</h2>");
    expect(out).toContain("<strong>b</strong> <em>i</em> <u>u</u> <s>s</s> <code>c</code><br />line");
    expect(out).toContain("<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol>");
    expect(out).toContain("<blockquote><p>q</p></blockquote><pre><code>x &lt; y</code></pre><hr /><h3>小</h3>");
    expect(out).toContain(
      '<a rel="noopener noreferrer nofollow" href="https://relay.example/a?b=1&amp;c=2" target="_blank">link</a>',
    );
    expect(out).toContain('<a rel="noopener noreferrer nofollow" href="mailto:csr@relay.example">mail</a>');
  });

  it("maps near-equivalents onto the allow-list and drops unknown wrappers but keeps their text", () => {
    expect(sanitizeRichText("<h1>T</h1><b>B</b><i>I</i><span>S</span>")).toBe(
      "<h2>T</h2><strong>B</strong><em>I</em>S",
    );
  });
});

describe("plain text helpers", () => {
  it("richTextToPlain decodes entities, breaks blocks and drops scripts", () => {
    expect(richTextToPlain("<p>a &lt;b&gt; &amp; c</p><ul><li>one</li><li>two</li></ul><script>x()</script>")).toBe(
      "a <b> & c\none\ntwo",
    );
  });

  it("isRichTextEmpty sees Tiptap's empty paragraph as empty", () => {
    expect(isRichTextEmpty("<p></p>")).toBe(true);
    expect(isRichTextEmpty("<p><br></p>")).toBe(true);
    expect(isRichTextEmpty("<p>x</p>")).toBe(false);
  });

  it("normaliseRichTextInput escapes plain text from the no-JS textarea and sanitises editor HTML", () => {
    expect(normaliseRichTextInput("a <script>\nb\n\nc")).toBe("<p>a &lt;script&gt;<br />b</p><p>c</p>");
    expect(normaliseRichTextInput('<p onclick="x">hi</p>')).toBe("<p>hi</p>");
    expect(normaliseRichTextInput("   ")).toBe("");
  });
});
