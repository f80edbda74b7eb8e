// `tsx tests/setup/recreate-database.ts <url>`: drop and create the database named in the URL
// (e2e starts from a clean, freshly migrated database each run).
import mysql from "mysql2/promise";

const target = process.argv[2];
if (!target) throw new Error("usage: recreate-database.ts <database url>");
const url = new URL(target);
const name = url.pathname.replace(/^\//, "");
if (!/^relay_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to recreate ${name}: only relay_* scratch databases`);
url.pathname = "/";
const conn = await mysql.createConnection(url.toString());
await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await conn.end();
