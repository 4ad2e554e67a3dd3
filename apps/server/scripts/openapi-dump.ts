// Print the OpenAPI document of the app as built (no database writes beyond an in-memory one).
// Usage: npx tsx apps/server/scripts/openapi-dump.ts > openapi.json
import { createTestApp } from '../test/support/test-app.js';

const ctx = await createTestApp();
const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
process.stdout.write(JSON.stringify(JSON.parse(res.body), null, 2) + '\n');
await ctx.close();
