import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { loader } from "#backoffice/routes/knowledge-new.tsx";
import { createTestCompany } from "#tests/factories/member-admin.ts";
import { createTestServiceRequest } from "#tests/factories/knowledge.ts";
import { get, outcome, signedInStaff, type Grant } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";

// Issue #13, bypass 1: /crm/knowledge/new?fromRequest=<id> prefilled the form from ANY service request
// (only service × browse was checked, not the request's scope), so a CSR limited to their own requests
// read everyone's subject, description and answers by counting ids.

const CSR_OWN: Grant[] = [
  { module: "knowledge", action: "add", scope: "all" },
  { module: "service", action: "browse", scope: "own" },
];

describe("solution from a service request: the request's scope applies", () => {
  beforeEach(() => resetDatabase());

  it("prefills from a request the CSR may see, and answers 404 for another CSR's request", async () => {
    const company = await createTestCompany(db);
    const csr = await signedInStaff({ grants: CSR_OWN });
    const other = await signedInStaff({ grants: CSR_OWN });
    const mine = await createTestServiceRequest(db, {
      companyId: company.id,
      assigneeId: csr.staffId,
      subject: "我的请求：主轴异响",
    });
    const theirs = await createTestServiceRequest(db, {
      companyId: company.id,
      assigneeId: other.staffId,
      subject: "别人的请求：机密报价",
      descriptionHtml: "<p>机密描述</p>",
    });

    const allowed = await outcome(() => loader(get(`/crm/knowledge/new?fromRequest=${mine.id}`, csr.cookie)));
    expect(allowed.status).toBe(200);
    expect(JSON.stringify(allowed.body)).toContain("主轴异响");

    const refused = await outcome(() => loader(get(`/crm/knowledge/new?fromRequest=${theirs.id}`, csr.cookie)));
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body ?? null)).not.toContain("机密");
  });

  it("lets a CSR with service scope 'all' prefill from any request (positive control)", async () => {
    const company = await createTestCompany(db);
    const lead = await signedInStaff({
      grants: [
        { module: "knowledge", action: "add", scope: "all" },
        { module: "service", action: "browse", scope: "all" },
      ],
    });
    const other = await signedInStaff({ grants: CSR_OWN });
    const theirs = await createTestServiceRequest(db, { companyId: company.id, assigneeId: other.staffId });
    const result = await outcome(() => loader(get(`/crm/knowledge/new?fromRequest=${theirs.id}`, lead.cookie)));
    expect(result.status).toBe(200);
  });
});
