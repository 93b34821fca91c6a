/**
 * The client's fetch when no proxy applies: one request through `node:http` / `node:https`,
 * answered as the part of `fetch` octokit reads (status, URL, headers, the body as text or
 * bytes). Node's own fetch is undici, which Node 20 to 24 load and compile on the first call,
 * with its HTTP/2 client and its WebAssembly HTTP parser: a one-packet run spent longer on that
 * than on its checks (docs/performance.md). As `fetch` does: redirects are followed (up to 20;
 * a 303, or a 301/302 after a POST, becomes a GET without a body; the authorization header is
 * not sent to another origin), a network failure is a `TypeError` whose `cause` is the error,
 * and an aborted signal rejects with its reason, until the whole body has arrived.
 */

import * as http from 'node:http';
import * as https from 'node:https';

const MAX_REDIRECTS = 20;

/** The headers of an answer, as octokit reads them: iterated, and `get` by name. */
class AnswerHeaders {
  readonly #map = new Map<string, string>();

  constructor(raw: http.IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw))
      if (value !== undefined) this.#map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }

  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
}

/** What a request sends: method, headers, body. */
interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

function headersOf(init: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  const entries =
    Symbol.iterator in init
      ? [...(init as Iterable<[string, string]>)]
      : Object.entries(init as Record<string, string>);
  for (const [name, value] of entries) out[name.toLowerCase()] = String(value);
  return out;
}

function bodyOf(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('this fetch sends only text or bytes');
}

/** One request, its answer's head and whole body. */
function send(
  url: URL,
  out: Outgoing,
  signal: AbortSignal | undefined,
): Promise<{ answer: http.IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const headers = { ...out.headers };
    if (out.body !== undefined) headers['content-length'] = String(out.body.length);
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: out.method,
      headers,
    });
    const onAbort = () => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    request.on('error', (error) => {
      done();
      reject(new TypeError('fetch failed', { cause: error }));
    });
    request.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', (error) => {
        done();
        reject(new TypeError('fetch failed', { cause: error }));
      });
      answer.on('end', () => {
        done();
        resolve({ answer, body: Buffer.concat(chunks) });
      });
    });
    request.end(out.body);
  });
}

/** The body as sent, decoded when the server compressed it anyway (none is asked for). */
async function decoded(body: Buffer, encoding: string | undefined): Promise<Buffer> {
  if (encoding === undefined || encoding === 'identity' || body.length === 0) return body;
  const zlib = await import('node:zlib');
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  return body;
}

/** `fetch` for octokit: see the module's comment. */
export async function nodeFetch(input: string | URL | Request, init: RequestInit = {}) {
  let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const out: Outgoing = {
    method: (init.method ?? 'GET').toUpperCase(),
    headers: headersOf(init.headers),
    body: bodyOf(init.body),
  };
  const signal = init.signal ?? undefined;
  for (let redirects = 0; ; redirects += 1) {
    const { answer, body } = await send(url, out, signal);
    const status = answer.statusCode ?? 0;
    const location = answer.headers.location;
    if ([301, 302, 303, 307, 308].includes(status) && location && init.redirect !== 'manual') {
      if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
        throw new TypeError('fetch failed', { cause: new Error('redirect') });
      const next = new URL(location, url);
      if (status === 303 || ((status === 301 || status === 302) && out.method === 'POST')) {
        out.method = out.method === 'HEAD' ? 'HEAD' : 'GET';
        out.body = undefined;
        delete out.headers['content-type'];
      }
      if (next.origin !== url.origin) delete out.headers.authorization;
      url = next;
      continue;
    }
    const bytes = await decoded(body, answer.headers['content-encoding']);
    return {
      status,
      statusText: answer.statusMessage ?? '',
      ok: status >= 200 && status < 300,
      url: url.href,
      redirected: redirects > 0,
      headers: new AnswerHeaders(answer.headers),
      body: null,
      text: async () => bytes.toString('utf8'),
      json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
      arrayBuffer: async () =>
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    } as unknown as Response;
  }
}
