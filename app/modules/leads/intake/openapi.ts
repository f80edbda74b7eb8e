import { z } from "zod";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { LeadSubmissionSchema } from "./lead-submission.ts";

// The OpenAPI 3.1 description of the public intake API, served at GET /api/v1/openapi.json. The
// request body schema is generated from the same zod schema the server validates with, so the
// document cannot drift from the behaviour; responses are described by small zod schemas here.

type JsonSchema = Record<string, unknown>;

/** Examples show the real English messages. */
const en = createTranslator("en");

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), minus the `$schema` marker a component does not need. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ jsonSchema: node }) => {
      // `.int()` adds the safe-integer range, which says nothing to an API reader.
      if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
      if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    },
  }) as JsonSchema;
  const { $schema: _dialect, ...rest } = generated;
  return rest;
}

type Node = { properties?: Record<string, Node>; items?: Node; [key: string]: unknown };

/**
 * The request schema as generated, plus what zod cannot express in JSON Schema: the e-mail format
 * (checked after trimming, inside a preprocess), the 联系人@单位 rule and human descriptions.
 */
function leadSubmissionSchema(): JsonSchema {
  const schema = jsonSchema(LeadSubmissionSchema, "input") as Node;
  const props = schema.properties ?? {};
  const contact = props.contact?.properties ?? {};
  if (contact.email) contact.email.format = "email";
  if (props.memberEmail) props.memberEmail.format = "email";
  if (props.contact) props.contact.description = "The person (联系人). Blank strings and null count as not given.";
  if (props.company) props.company.description = "The organisation (单位).";
  if (contact.phone) contact.phone.description = "As people write it: +86 10 6234 5678 转 801; at least 5 digits.";
  if (props.requirement) props.requirement.description = "What the visitor needs (需求), free text.";
  if (props.items) {
    props.items.description = "Order lines (产品订购): product SKUs known to the CRM and quantities.";
  }
  if (props.memberEmail) {
    props.memberEmail.description = "E-mail of the portal member who submitted, to link the lead to the member.";
  }
  return {
    ...schema,
    description:
      "A web lead. At least a contact (name, e-mail, phone or mobile) or a company name must be given (联系人@单位).",
    anyOf: [{ required: ["contact"] }, { required: ["company"] }],
  };
}

const LeadAcceptedSchema = z
  .object({
    id: z.number().int().describe("The lead's id in the CRM (quote it when you contact us about this lead)."),
    status: z
      .enum(["created", "replayed"])
      .describe(
        "`created` (201) for a new lead; `replayed` (200) when a repeated Idempotency-Key or an identical resubmission within 10 minutes returns the original lead.",
      ),
  })
  .describe(
    "The lead that was created (201) or, for a repeated Idempotency-Key, the original lead (200). Routing and matches against existing customers are deliberately not disclosed: channel keys may sit in public web pages.",
  );

const ValidationErrorsSchema = z
  .object({
    errors: z
      .record(z.string(), z.array(z.string()))
      .describe(
        "Messages per field path (e.g. `contact.email`), in the language chosen by Accept-Language (Chinese for zh*, otherwise English).",
      ),
  })
  .describe("The body did not pass validation; nothing was stored.");

const ErrorSchema = z
  .object({
    error: z.string().describe("A stable machine-readable code."),
    message: z.string().describe("A human-readable explanation in the negotiated language."),
    retryAfter: z.number().int().optional().describe("Seconds until the rate limit resets (429 only)."),
  })
  .describe("An error that is not about a particular field.");

function errorResponse(description: string, example: { error: string; message: string }, headers?: JsonSchema) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example } },
  };
}

const leadAcceptedContent = { "application/json": { schema: { $ref: "#/components/schemas/LeadAccepted" } } };

export interface OpenApiOptions {
  /** Public base URL of this deployment (APP_URL). */
  serverUrl: string;
}

export function buildOpenApiDocument({ serverUrl }: OpenApiOptions) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Relay CRM Web-to-CRM intake API",
      version: "1.0.0",
      summary: "Push guest registrations, requirements and orders from any website into Relay CRM as leads.",
      description: [
        "Each registration category (登记分类) has its own channel keys. A lead submitted with a key is",
        "routed to a staff owner by the category's rules (token group in turn, else the campaign owner,",
        "else the designated person) and matched against existing contacts and companies; the answer",
        "carries only the lead's id and status (who got it and what it matched stay inside the CRM).",
        "",
        "A lead must carry at least a contact or a company (the “联系人@单位” rule).",
        "",
        "Browsers: only origins listed in a category's allowed origins receive CORS headers. The",
        "preflight (which carries no key) is answered for the union of the allowed origins of all active",
        "categories; the POST itself is then checked against the key's own category (403 otherwise).",
        "",
        "Rate limits: 600 requests per minute per channel key and 120 per minute per client IP; a 429",
        "response carries Retry-After.",
      ].join("\n"),
    },
    servers: [{ url: serverUrl.replace(/\/+$/, "") }],
    security: [{ channelKey: [] }],
    tags: [{ name: "Leads", description: "Web-to-CRM lead intake" }],
    paths: {
      "/api/v1/leads": {
        post: {
          tags: ["Leads"],
          operationId: "submitLead",
          summary: "Submit a lead",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "Any unique string (1–191 printable ASCII characters) per submission. Repeating the same body with the same key returns the original lead with 200 instead of creating another; a different body under a used key is refused with 422 `idempotency_key_reused`.",
              schema: { type: "string", minLength: 1, maxLength: 191, pattern: "^[\\x20-\\x7E]+$" },
            },
            {
              name: "Accept-Language",
              in: "header",
              required: false,
              description: "zh, zh-CN … for Chinese messages; anything else for English.",
              schema: { type: "string" },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/LeadSubmission" },
                example: {
                  contact: { name: "王伟", title: "采购经理", email: "wang.wei@example.cn", mobile: "13800138000" },
                  company: { name: "华信科技有限公司", province: "北京市", city: "北京" },
                  requirement: "需要 20 套设备，下月到货。",
                  items: [{ sku: "RELAY-STD", quantity: 20 }],
                },
              },
            },
          },
          responses: {
            "201": {
              description: "The lead was created and routed.",
              content: leadAcceptedContent,
            },
            "200": {
              description: "The Idempotency-Key was used before: the original lead, nothing new was stored.",
              content: leadAcceptedContent,
            },
            "400": errorResponse("The body is not valid JSON, or the Idempotency-Key header is invalid.", {
              error: "malformed_json",
              message: en("intake.api.malformedJson"),
            }),
            "401": errorResponse(
              "Missing, unknown or revoked channel key, or the key's category is inactive.",
              { error: "invalid_channel_key", message: en("intake.api.invalidChannelKey") },
              { "WWW-Authenticate": { schema: { type: "string" }, description: "Always `Bearer …`." } },
            ),
            "403": errorResponse("The browser's Origin is not allowed for the key's category.", {
              error: "origin_not_allowed",
              message: en("intake.api.originNotAllowed"),
            }),
            "413": errorResponse("The body is larger than 64 KiB.", {
              error: "payload_too_large",
              message: en("intake.api.payloadTooLarge", { kb: 64 }),
            }),
            "415": errorResponse("The body is not `application/json`.", {
              error: "unsupported_media_type",
              message: en("intake.api.unsupportedMediaType"),
            }),
            "422": {
              description:
                'Validation failed, or the Idempotency-Key was already used for a different body (`{error: "idempotency_key_reused", message}`); nothing was stored.',
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/ValidationErrors" },
                  example: {
                    errors: {
                      contact: [en("leads.error.contactOrCompany")],
                      company: [en("leads.error.contactOrCompany")],
                    },
                  },
                },
              },
            },
            "429": errorResponse(
              "Too many requests for this key or from this address.",
              { error: "rate_limited", message: en("intake.api.rateLimited", { seconds: 42 }) },
              {
                "Retry-After": {
                  schema: { type: "integer", minimum: 1 },
                  description: "Seconds to wait before retrying.",
                },
              },
            ),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        channelKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "rk_<prefix>_<secret>",
          description:
            "A channel key of a registration category, created (and shown once) in the back office under 营销规则 → 登记分类.",
        },
      },
      schemas: {
        LeadSubmission: leadSubmissionSchema(),
        LeadAccepted: jsonSchema(LeadAcceptedSchema, "output"),
        ValidationErrors: jsonSchema(ValidationErrorsSchema, "output"),
        Error: jsonSchema(ErrorSchema, "output"),
      },
    },
  };
}
