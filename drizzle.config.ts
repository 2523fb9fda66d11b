import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  // Every table is declared in its area's schema.ts; db/schema.ts only composes them for the client.
  schema: './src-main/host/areas/*/schema.ts',
  out: './src-main/host/db/migrations',
});
