import { defineConfig } from "prisma/config";

// The CLI only needs the URL for commands that talk to the database; `prisma generate` does not.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay",
  },
});
