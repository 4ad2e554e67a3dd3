import { shallowRef, type ShallowRef } from 'vue';
import { api, isUnauthenticated } from './api';

export interface Session<U> {
  /** The logged-in user, or null when not logged in (or not yet checked). */
  user: ShallowRef<U | null>;
  /** Asks the server once (`me`), then answers from memory; null when not logged in. */
  ensure(): Promise<U | null>;
  /** Re-asks the server. */
  refresh(): Promise<U | null>;
  /** Stores the user returned by a login call. */
  set(user: U): void;
  /** Ends the session on the server (best effort) and forgets the user. */
  logout(): Promise<void>;
}

/** A cookie session checked through a `me` endpoint; the cookie itself is httpOnly. */
export function createSession<U>(options: { mePath: string; logoutPath: string }): Session<U> {
  const user = shallowRef<U | null>(null);
  let checked = false;
  let pending: Promise<U | null> | null = null;

  async function refresh(): Promise<U | null> {
    pending ??= api
      .get<U>(options.mePath)
      .then((u) => u)
      .catch((err: unknown) => {
        if (isUnauthenticated(err)) return null;
        throw err;
      })
      .then((u) => {
        user.value = u;
        checked = true;
        return u;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  return {
    user,
    ensure: () => (checked ? Promise.resolve(user.value) : refresh()),
    refresh,
    set(u) {
      user.value = u;
      checked = true;
    },
    async logout() {
      try {
        await api.post<void>(options.logoutPath);
      } finally {
        user.value = null;
        checked = true;
      }
    },
  };
}
