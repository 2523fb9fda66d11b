import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src-main/host/db/schema.ts', './src-main/host/areas/*/schema.ts'],
  out: './src-main/host/db/migrations',
});
