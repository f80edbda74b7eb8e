// The answer when the database cannot serve (issue #12 item 2): 503 with Retry-After in the shape the
// client reads — JSON for APIs, a small self-contained page for browsers (the app's own error page
// needs the database for the session and locale), and React Router's data requests keep their body
// so the client router shows its error boundary.

export const RETRY_AFTER_SECONDS = 5;

const API_PATH = /^\/(crm\/)?api\//;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function unavailablePage(requestId: string): string {
  const id = escapeHtml(requestId);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>服务暂时不可用 · Service temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0;padding:24px}main{max-width:28rem;background:#fff;border:1px solid #e2e8f0;border-radius:16px;padding:40px;text-align:center}p{color:#475569;line-height:1.7}code{font-size:12px;color:#64748b}</style>
</head><body><main>
<h1>服务暂时不可用</h1>
<p>系统正在恢复，请您稍候片刻再刷新页面。您提交的内容未被保存，请稍后重试。</p>
<h2 lang="en">Service temporarily unavailable</h2>
<p lang="en">We are recovering. Please refresh in a moment; nothing you submitted was saved.</p>
<p><code>请求编号 / Request ID: ${id}</code></p>
</main></body></html>`;
}

/** The 503 that replaces a failed answer; `original` is the response the app produced (discarded). */
export async function unavailableResponse(request: Request, original: Response, requestId: string): Promise<Response> {
  const url = new URL(request.url);
  const headers = {
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
    "X-Request-Id": requestId,
  };
  if (url.pathname.endsWith(".data")) {
    const response = new Response(original.body, original);
    for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
    return response;
  }
  await original.body?.cancel();
  const accept = request.headers.get("Accept") ?? "";
  if (API_PATH.test(url.pathname) || (accept.includes("application/json") && !accept.includes("text/html"))) {
    return Response.json(
      { error: "service_unavailable", message: "The service is temporarily unavailable; retry later.", requestId },
      { status: 503, headers },
    );
  }
  return new Response(unavailablePage(requestId), {
    status: 503,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      // No scripts, one inline style sheet.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
