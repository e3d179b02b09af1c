import { defineConfig } from 'drizzle-kit';

// drizzle-kit is used only to generate migrations; the app applies them from code at startup
// (the CLI cannot load PGlite extensions — see docs/decisions/0002-migrations-from-code.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/modules/*/*.tables.ts', './src/platform/*/*.tables.ts'],
  out: './migrations',
});
