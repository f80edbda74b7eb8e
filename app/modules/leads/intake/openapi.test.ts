import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { env } from "#app/lib/env.server.ts";
import { loader } from "#app/routes/api-v1-openapi.ts";
import { LeadSubmissionSchema } from "./lead-submission.ts";
import { buildOpenApiDocument } from "./openapi.ts";

// The document must validate against the OpenAPI 3.1 specification (schema + extra rules of
// @readme/openapi-parser) and describe the contract in DESIGN.md "External contracts" §1.

type Doc = ReturnType<typeof buildOpenApiDocument>;
type Json = Record<string, unknown>;

const doc = buildOpenApiDocument({ serverUrl: "https://crm.example.cn/" });

describe("OpenAPI document of the intake API", () => {
  it("validates as OpenAPI 3.1", async () => {
    // validate() dereferences in place, so hand it a copy.
    const result = await validate(structuredClone(doc) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.specification).toBe("OpenAPI");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("fails validation when the document is broken (the check has teeth)", async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, { post: { responses: Json } }> };
    const post = broken.paths["/api/v1/leads"]!.post;
    post.responses["201"] = { content: {} }; // a response without its required description
    const result = await validate(broken as unknown as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it("is served at /api/v1/openapi.json with servers from APP_URL", async () => {
    const response = loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    const served = (await response.json()) as Doc;
    expect(served.servers).toEqual([{ url: env.APP_URL.replace(/\/+$/, "") }]);
    expect(served.info.title).toMatch(/intake/i);
  });

  it("describes bearer channel keys, the Idempotency-Key header and every contract response", () => {
    expect(doc.servers).toEqual([{ url: "https://crm.example.cn" }]);
    expect(doc.components.securitySchemes.channelKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ channelKey: [] }]);
    const post = doc.paths["/api/v1/leads"].post;
    expect(post.parameters.find((p) => p.name === "Idempotency-Key")).toMatchObject({
      in: "header",
      required: false,
      schema: { maxLength: 191 },
    });
    for (const status of ["201", "200", "401", "422", "429"]) expect(post.responses).toHaveProperty(status);
    expect(post.responses["429"].headers).toHaveProperty("Retry-After");
    expect(post.responses["401"].headers).toHaveProperty("WWW-Authenticate");
  });

  it("takes the request body schema from the zod schema the server validates with", () => {
    const schema = doc.components.schemas.LeadSubmission as Json;
    expect(schema.type).toBe("object");
    const properties = schema.properties as Record<string, Json>;
    expect(Object.keys(properties).sort()).toEqual(["company", "contact", "items", "memberEmail", "requirement"]);
    const contact = properties.contact as Json;
    expect(JSON.stringify(contact)).toContain('"email"');
    expect(JSON.stringify(properties.items)).toContain('"quantity"');
    expect(JSON.stringify(properties.company)).toContain('"province"');

    const accepted = doc.components.schemas.LeadAccepted as Json;
    expect((accepted.required as string[]).sort()).toEqual(["id", "status"]);
  });

  it("shows a request example that the server's schema accepts", () => {
    const example = doc.paths["/api/v1/leads"].post.requestBody.content["application/json"].example;
    expect(LeadSubmissionSchema.safeParse(example).success).toBe(true);
  });
});
