// The scratch database of the search-feed benchmarks: the demo organisation plus generated contacts.
import mysql from "mysql2/promise";

/** DATABASE_URL pointed at the scratch database `name` (a relay_* name: it gets dropped). */
export function scratchUrl(name: string): string {
  if (!/^relay_[a-z0-9_]+$/.test(name)) throw new Error("--database must be a relay_* scratch database");
  const url = new URL(process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay");
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates the database with the demo data and `contacts` generated contacts; returns ms. */
export async function createScratchDatabase(databaseUrl: string, contacts: number): Promise<number> {
  const { ensureDatabase, migrate } = await import("#prisma/migrator.server.ts");
  const { seedDemo } = await import("#prisma/seed/demo.ts");
  const { generateScaleData } = await import("#prisma/seed/scale.ts");
  const started = Date.now();
  const server = new URL(databaseUrl);
  const name = server.pathname.slice(1);
  server.pathname = "/";
  const conn = await mysql.createConnection(server.toString());
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.end();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  await seedDemo(databaseUrl);
  await generateScaleData({ databaseUrl, contacts, companies: Math.ceil(contacts / 4), seed: 42 });
  return Date.now() - started;
}

/** Contacts in the scratch database, or null when it does not exist yet. */
export async function scratchContacts(databaseUrl: string): Promise<number | null> {
  const conn = await mysql.createConnection(databaseUrl).catch(() => null);
  if (!conn) return null;
  try {
    const [rows] = (await conn.query("SELECT COUNT(*) AS n FROM Contact")) as unknown as [Array<{ n: number }>];
    return Number(rows[0]?.n ?? 0);
  } catch {
    return null;
  } finally {
    await conn.end();
  }
}
