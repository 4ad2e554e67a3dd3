import { eq } from 'drizzle-orm';
import { notifications, users } from '../../src/db/schema.js';
import type { TestContext } from './test-app.js';

/** The plain phone of an app user (decrypted from the users table). */
export async function phoneOf(ctx: TestContext, userId: string): Promise<string> {
  const [u] = await ctx.deps.database.db.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, userId));
  if (!u) throw new Error(`no user ${userId}`);
  return ctx.deps.pii.decrypt(u.phoneEnc);
}

/** A user's message-centre rows, oldest first. */
export async function messagesOf(ctx: TestContext, userId: string) {
  const rows = await ctx.deps.database.db.select().from(notifications).where(eq(notifications.userId, userId));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
