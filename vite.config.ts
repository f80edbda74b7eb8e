import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  server: { port: 3000, host: "127.0.0.1" },
  // The Prisma client and native modules stay external to the server bundle.
  ssr: { external: ["@node-rs/argon2", "@prisma/adapter-mariadb", "mariadb", "mysql2"] },
});
