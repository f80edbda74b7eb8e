// Who may use the access-request pages: anyone who works with companies or contacts at all. What
// each request reveals or allows is decided by access-requests.server.ts per record.
export const ACCESS_REQUEST_POLICY = {
  anyOf: [
    { module: "contacts", action: "browse" },
    { module: "companies", action: "browse" },
  ],
} as const;
