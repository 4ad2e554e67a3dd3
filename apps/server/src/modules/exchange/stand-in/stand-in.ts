import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseIdNumber, parseUscc } from '@lingong/contracts';
import { shanghaiDay } from '../../../platform/reporting/index.js';
import { fieldsOf, type FieldMapOverrides } from '../exchange-datasets.js';
import { MemoryNonceStore, verifyRequest } from '../exchange-signing.js';
import { ACKS_PATH, RECORDS_PATH, RecordsRequest, type RecordResult } from '../exchange-protocol.js';

/**
 * A stand-in for the provincial 数智人社 endpoint: a real HTTP server that checks signatures and
 * fields, rejects bad records with codes, de-duplicates by idempotency key and, on request,
 * injects faults. Tests and the demo use it; it is never the production target.
 *
 * Control endpoints (unsigned, for tests and the operator's demo):
 *   POST /__control/faults  { mode, times?, delayMs? }  mode: none | timeout | error | partial |
 *                           lost_response | slow; `times` = how many requests it applies to
 *   GET  /__control/stats   what arrived: requests, records, unique accepted keys, duplicates
 *   POST /__control/reset
 */

export type FaultMode = 'none' | 'timeout' | 'error' | 'partial' | 'lost_response' | 'slow';
export type Fault = { mode: FaultMode; times: number; delayMs: number };

type Stored = { result: RecordResult; dataset: string; sender: string; day: string };

export type StandInStats = {
  requests: number;
  refusedRequests: number;
  recordsReceived: number;
  acceptedUnique: number;
  duplicates: number;
  rejected: number;
  acceptedByDataset: Record<string, number>;
};

export type StandIn = {
  server: Server;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  stats(): StandInStats;
  setFault(f: Partial<Fault> & { mode: FaultMode }): void;
  acceptedKeys(): string[];
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Field checks of one record: required codes present, IDs with valid check characters. */
export function checkRecordFields(
  dataset: RecordsRequest['dataset'],
  fields: Record<string, string | number | null>,
  fieldMap: FieldMapOverrides,
): { code: string; message: string } | null {
  for (const def of fieldsOf(dataset, fieldMap)) {
    const v = fields[def.code];
    if (def.required && (v === null || v === undefined || v === ''))
      return { code: 'E_FIELD_MISSING', message: `缺少必填项 ${def.code}（${def.label}）` };
  }
  const id = fields.aac002;
  if (typeof id === 'string' && id !== '' && !parseIdNumber(id).ok)
    return { code: 'E_FIELD_INVALID', message: 'aac002 公民身份号码校验不通过' };
  const uscc = fields.aab998;
  if (typeof uscc === 'string' && uscc !== '' && !parseUscc(uscc).ok)
    return { code: 'E_FIELD_INVALID', message: 'aab998 统一社会信用代码校验不通过' };
  const region = fields.aab301;
  if (typeof region === 'string' && !/^45\d{10}$/.test(region))
    return { code: 'E_FIELD_INVALID', message: 'aab301 行政区划代码应为广西12位区划代码' };
  return null;
}

export function createStandIn(opts: {
  clients: Record<string, string>;
  fieldMap?: FieldMapOverrides;
  now?: () => Date;
  log?: (line: string) => void;
}): StandIn {
  const now = opts.now ?? (() => new Date());
  const nonces = new MemoryNonceStore();
  const store = new Map<string, Stored>();
  let fault: Fault = { mode: 'none', times: 0, delayMs: 0 };
  let receipt = 0;
  const stats: StandInStats = {
    requests: 0,
    refusedRequests: 0,
    recordsReceived: 0,
    acceptedUnique: 0,
    duplicates: 0,
    rejected: 0,
    acceptedByDataset: {},
  };
  const hanging = new Set<ServerResponse>();

  const takeFault = (): Fault => {
    if (fault.mode === 'none' || fault.times <= 0) return { mode: 'none', times: 0, delayMs: 0 };
    fault = { ...fault, times: fault.times - 1 };
    return fault;
  };

  async function handleRecords(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats.requests += 1;
    const verdict = await verifyRequest({
      headers: req.headers,
      method: 'POST',
      path: RECORDS_PATH,
      body,
      now: now(),
      secretFor: async (id) => opts.clients[id] ?? null,
      nonces,
    });
    if (!verdict.ok) {
      stats.refusedRequests += 1;
      return send(res, 401, { error: { code: `E_${verdict.reason}`, message: '签名校验失败' } });
    }
    let parsed;
    try {
      parsed = RecordsRequest.safeParse(JSON.parse(body));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      stats.refusedRequests += 1;
      return send(res, 400, { error: { code: 'E_BAD_REQUEST', message: '请求格式不正确' } });
    }
    const f = takeFault();
    if (f.mode === 'timeout') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (f.mode === 'error') return send(res, 503, { error: { code: 'E_UNAVAILABLE', message: '服务暂不可用' } });
    if (f.mode === 'slow') await new Promise((r) => setTimeout(r, f.delayMs));
    const req1 = parsed.data;
    const processCount = f.mode === 'partial' ? Math.ceil(req1.records.length / 2) : req1.records.length;
    const results: RecordResult[] = [];
    for (const rec of req1.records.slice(0, processCount)) {
      stats.recordsReceived += 1;
      const key = `${req1.sender}\u0000${rec.idempotencyKey}`;
      const prior = store.get(key);
      if (prior) {
        stats.duplicates += 1;
        results.push(
          prior.result.status === 'accepted' ? { ...prior.result, status: 'duplicate' } : { ...prior.result },
        );
        continue;
      }
      const problem = checkRecordFields(req1.dataset, rec.fields, opts.fieldMap ?? {});
      const result: RecordResult = problem
        ? { idempotencyKey: rec.idempotencyKey, status: 'rejected', ...problem }
        : {
            idempotencyKey: rec.idempotencyKey,
            status: 'accepted',
            receiptId: `GX${String(++receipt).padStart(10, '0')}`,
          };
      store.set(key, { result, dataset: req1.dataset, sender: req1.sender, day: shanghaiDay(now()) });
      if (result.status === 'accepted') {
        stats.acceptedUnique += 1;
        stats.acceptedByDataset[req1.dataset] = (stats.acceptedByDataset[req1.dataset] ?? 0) + 1;
      } else stats.rejected += 1;
      results.push(result);
    }
    opts.log?.(`${req1.dataset}: ${req1.records.length} records, fault=${f.mode}`);
    if (f.mode === 'lost_response') {
      res.destroy();
      return;
    }
    send(res, 200, { results });
  }

  async function handleAcks(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const verdict = await verifyRequest({
      headers: req.headers,
      method: 'GET',
      path: req.url ?? ACKS_PATH,
      body: '',
      now: now(),
      secretFor: async (id) => opts.clients[id] ?? null,
      nonces,
    });
    if (!verdict.ok) return send(res, 401, { error: { code: `E_${verdict.reason}`, message: '签名校验失败' } });
    const date = url.searchParams.get('date') ?? shanghaiDay(now());
    const sender = url.searchParams.get('sender') ?? '';
    const datasets: Record<string, { accepted: number; rejected: number }> = {};
    for (const s of store.values()) {
      if (s.day !== date || s.sender !== sender) continue;
      const d = (datasets[s.dataset] ??= { accepted: 0, rejected: 0 });
      if (s.result.status === 'accepted') d.accepted += 1;
      else d.rejected += 1;
    }
    send(res, 200, { date, datasets });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'POST' && url.pathname === RECORDS_PATH) return handleRecords(req, res, body);
      if (req.method === 'GET' && url.pathname === ACKS_PATH) return handleAcks(req, res, url);
      if (req.method === 'GET' && url.pathname === '/__control/stats') return send(res, 200, stats);
      if (req.method === 'POST' && url.pathname === '/__control/faults') {
        const f = JSON.parse(body || '{}') as Partial<Fault>;
        setFault({ mode: f.mode ?? 'none', times: f.times, delayMs: f.delayMs });
        return send(res, 200, fault);
      }
      if (req.method === 'POST' && url.pathname === '/__control/reset') {
        store.clear();
        Object.assign(stats, { requests: 0, refusedRequests: 0, recordsReceived: 0, acceptedUnique: 0 });
        Object.assign(stats, { duplicates: 0, rejected: 0, acceptedByDataset: {} });
        return send(res, 200, { ok: true });
      }
      send(res, 404, { error: { code: 'E_NOT_FOUND', message: '接口不存在' } });
    })().catch((err: unknown) => send(res, 500, { error: { code: 'E_INTERNAL', message: String(err) } }));
  });

  function setFault(f: Partial<Fault> & { mode: FaultMode }): void {
    fault = { mode: f.mode, times: f.times ?? Number.MAX_SAFE_INTEGER, delayMs: f.delayMs ?? 2000 };
  }

  return {
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve) => {
        server.listen(port, host, () => {
          const a = server.address();
          resolve(`http://${host}:${typeof a === 'object' && a ? a.port : port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    stats: () => structuredClone(stats),
    setFault,
    acceptedKeys: () =>
      [...store.entries()].filter(([, s]) => s.result.status === 'accepted').map(([k]) => k.split('\u0000')[1] ?? k),
  };
}
