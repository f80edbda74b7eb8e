import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AssetError } from "./assets.server.ts";
import { asResult, checkRecordForm, recordResult } from "./service-results.ts";

describe("service results for pages", () => {
  it("keeps each refused field's message and names the intent that was sent", () => {
    expect(asResult({ ok: true, value: { changed: 2 } }, "assign")).toEqual({ status: "ok", value: { changed: 2 } });
    expect(
      asResult({ ok: false, errors: { status: ["service.error.transition"], junk: ["no.such.key"] } }, "status"),
    ).toEqual({
      status: "invalid",
      fieldErrors: { status: ["service.error.transition"] },
      formErrors: ["service.error.transition"],
      values: { intent: "status" },
    });
  });

  it("checks a record form against the service's schema", () => {
    const schema = z.object({ name: z.string().min(1), quantity: z.coerce.number().int() });
    expect(checkRecordForm(schema, { name: "平衡机", quantity: "2" }).status).toBe("ok");
    expect(checkRecordForm(schema, { name: "", quantity: "x" })).toEqual({
      status: "invalid",
      fieldErrors: { name: ["zones.bo.error.field"], quantity: ["zones.bo.error.field"] },
      formErrors: ["zones.bo.error.form"],
      values: { name: "", quantity: "x" },
    });
  });

  it("turns the services' refusals into forbidden or a field error, and lets other errors through", async () => {
    const messages = {
      forbidden: "zones.bo.asset.error.company",
      fields: { parentId: "zones.bo.asset.error.parent" },
    } as const;
    expect(await recordResult(Promise.reject(new AssetError("forbidden")), messages, {})).toEqual({
      status: "forbidden",
      message: "zones.bo.asset.error.company",
    });
    expect(await recordResult(Promise.reject(new AssetError("bad-parent")), messages, { parentId: "9" })).toMatchObject(
      {
        status: "invalid",
        fieldErrors: { parentId: ["zones.bo.asset.error.parent"] },
      },
    );
    await expect(recordResult(Promise.reject(new Error("boom")), messages, {})).rejects.toThrow("boom");
  });
});
