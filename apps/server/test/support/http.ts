import type { InjectOptions, LightMyRequestResponse } from 'fastify';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The raw inject response plus its status and its body parsed as JSON (parsed on first read). */
export type Reply = LightMyRequestResponse & { status: number; readonly data: unknown };

/** Requests made by one caller (a bearer token, or nobody). */
export type Client = {
  request(method: Method, url: string, payload?: unknown): Promise<Reply>;
  get(url: string): Promise<Reply>;
  post(url: string, payload?: unknown): Promise<Reply>;
  put(url: string, payload?: unknown): Promise<Reply>;
  patch(url: string, payload?: unknown): Promise<Reply>;
  delete(url: string, payload?: unknown): Promise<Reply>;
};

type Injector = { inject(opts: InjectOptions): Promise<LightMyRequestResponse> };

function reply(res: LightMyRequestResponse): Reply {
  let parsed: unknown;
  let done = false;
  return Object.defineProperties(res, {
    status: { value: res.statusCode, enumerable: true },
    data: {
      enumerable: false,
      get() {
        if (!done) {
          parsed = JSON.parse(res.body);
          done = true;
        }
        return parsed;
      },
    },
  }) as Reply;
}

/**
 * The one request helper of the server tests: `ctx.as(token).post(url, body)`, `ctx.anon.get(url)`.
 * `token` null means no authorization header; `headers` are added to every request.
 */
export function clientFor(app: Injector, token: string | null, headers: Record<string, string> = {}): Client {
  const request = async (method: Method, url: string, payload?: unknown) =>
    reply(
      await app.inject({
        method,
        url,
        headers: {
          'x-requested-with': 'lingong-test',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...headers,
        },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
    );
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, payload) => request('POST', url, payload),
    put: (url, payload) => request('PUT', url, payload),
    patch: (url, payload) => request('PATCH', url, payload),
    delete: (url, payload) => request('DELETE', url, payload),
  };
}
