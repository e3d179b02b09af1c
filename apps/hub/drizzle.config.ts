import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations (`npm run db:generate -w apps/hub -- --name <name>`); the hub
// applies them from code at startup on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts'],
  out: './migrations',
});
