// Which addresses get the "this mailbox may not receive our mail" hint on the registration page.

// Free mailboxes that often bounce, delay or spam-folder automated mail in China. A soft warning
// only (seed 000 L202: "otherwise you won't receive the mail"): members may still use them.
const FREE_MAIL_DOMAINS = new Set([
  "qq.com",
  "vip.qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "vip.163.com",
  "vip.126.com",
  "188.com",
  "sina.com",
  "sina.cn",
  "vip.sina.com",
  "sohu.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "aliyun.com",
  "tom.com",
  "21cn.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "gmail.com",
  "yahoo.com",
]);

/** The free-mail domain of an address, if it is one of the list above. */
export function freeMailDomain(email: string): string | null {
  const domain = email.trim().toLowerCase().split("@")[1];
  return domain && FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}
