/**
 * The REST side of the stand-in held against GitHub's published OpenAPI description
 * (`@octokit/openapi`), as graphql-stand-in.ts holds GraphQL against `@octokit/graphql-schema`:
 * a request must be an operation GitHub documents (method and path template), with the path
 * and query parameters it documents, valid for their schemas, and a JSON body valid for the
 * operation's request body; the stand-in's answer must have a status the operation documents
 * and, where GitHub documents a JSON body for it, that body's shape. Each mismatch is one line
 * of text, a contract violation.
 *
 * The description is `generated/api.github.com.json`, the variant with `$ref`s (13 MB), not
 * the dereferenced one (73 MB): it parses in a fifth of the time, and ajv resolves the `$ref`s,
 * compiling each part (`simple-user`) once however many operations reach it. It is read once
 * per process (`loadContract`, about 0.4 s of CPU and 40 MB of heap here), by the test files
 * that use the action's suite (suite.ts) and no other: not the benchmark, not the CLI's tests.
 *
 * GitHub's schemas are OpenAPI 3.0: `nullable: true` is rewritten as JSON Schema's `null` type
 * in the parts handed to ajv (ajv's own `nullable` wants a `type` beside it, and 128 of GitHub's
 * nullable schemas have none). Formats (`date-time`, `uri`) are not checked (ajv-formats is not
 * installed), and keywords ajv does not know (`example`, `x-github`, `discriminator`) are
 * ignored (`strict: false`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

/** One request the stand-in received and, when it answered from its routes, its answer. */
export interface Exchange {
  readonly method: string;
  /** The path as sent, before percent-decoding (`contents/a%2Fb.yml` keeps its `%2F`). */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** The request body as sent (`''` for none). */
  readonly body: string;
  readonly accept: string;
  /** The stand-in's own answer (not a scripted fault's): `body` undefined for none. */
  readonly response?: { readonly status: number; readonly body: unknown };
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly 'x-multi-segment'?: boolean;
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly id: string;
  readonly spec: Json;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Literal characters of the template: the more, the more specific the match. */
  readonly weight: number;
}

interface Contract {
  readonly doc: Json;
  /** By method, the most literal template first. */
  readonly operations: ReadonlyMap<string, readonly Operation[]>;
  readonly ajv: Ajv;
  /** Coerces parameter text to the schema's type (`per_page=100` to 100), as GitHub reads it. */
  readonly params: Ajv;
  readonly compiled: Map<string, ValidateFunction>;
  /** The parts of the description each ajv instance has been handed (by key). */
  readonly added: Map<Ajv, Set<string>>;
}

/** `nullable: true` (OpenAPI 3.0) as JSON Schema's `null` type, in place, in one schema object. */
function rewriteNullable(o: Json): void {
  if (typeof o.nullable !== 'boolean') return;
  const nullable = o.nullable;
  delete o.nullable;
  if (!nullable) return;
  if (typeof o.type === 'string') {
    o.type = [o.type, 'null'];
    if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum.push(null);
  } else if (Array.isArray(o.anyOf)) o.anyOf.push({ type: 'null' });
  else if (Array.isArray(o.oneOf)) o.oneOf.push({ type: 'null' });
  else if (Array.isArray(o.allOf)) {
    o.anyOf = [{ type: 'null' }, { allOf: o.allOf }];
    delete o.allOf;
  } else if (typeof o.$ref === 'string') {
    o.anyOf = [{ type: 'null' }, { $ref: o.$ref }];
    delete o.$ref;
  }
  // Otherwise the schema constrains no type (`{ nullable: true }`): null passes already.
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
}

function resolve(doc: Json, value: unknown): Json {
  const ref = (value as Json).$ref;
  if (typeof ref !== 'string') return value as Json;
  let at: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) at = (at as Json)[part];
  return at as Json;
}

/** The operation's parameters, its path item's first (an operation's own override them). */
function parametersOf(doc: Json, item: Json, operation: Json): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const list of [item.parameters, operation.parameters])
    for (const p of (list as unknown[] | undefined) ?? []) {
      const parameter = resolve(doc, p) as unknown as Parameter;
      byKey.set(`${parameter.in} ${parameter.name}`, parameter);
    }
  return [...byKey.values()];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operationsOf(doc: Json): Map<string, Operation[]> {
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>))
    for (const method of METHODS) {
      const spec = item[method] as Json | undefined;
      if (!spec) continue;
      const multi = new Set(
        parametersOf(doc, item, spec)
          .filter((p) => p.in === 'path' && p['x-multi-segment'])
          .map((p) => p.name),
      );
      const names: string[] = [];
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{(.+)\}$/.exec(part)?.[1];
          if (name === undefined) return escapeRegExp(part);
          names.push(name);
          // A multi-segment parameter (a file path, a ref) may be sent with its slashes as they are.
          return multi.has(name) ? '(.+)' : '([^/]+)';
        })
        .join('');
      out.push({
        method: method.toUpperCase(),
        template,
        id: String(spec.operationId),
        spec,
        pattern: new RegExp(`^${source}$`, 's'),
        names,
        weight: template.replace(/\{[^}]+\}/g, '').length,
      });
    }
  const byMethod = new Map<string, Operation[]>();
  for (const op of out.sort((a, b) => b.weight - a.weight))
    byMethod.set(op.method, [...(byMethod.get(op.method) ?? []), op]);
  return byMethod;
}

let contract: Contract | undefined;

/** GitHub's description, read and indexed once per process. */
export function loadContract(): Contract {
  if (contract) return contract;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const options = { strict: false, validateFormats: false, inlineRefs: false } as const;
  contract = {
    doc,
    operations: operationsOf(doc),
    ajv: new Ajv(options),
    params: new Ajv({ ...options, coerceTypes: 'array' }),
    compiled: new Map(),
    added: new Map(),
  };
  return contract;
}

/** The key a part of the description is known by to ajv: `github:components/schemas/team`. */
const KEY = 'github:';

/**
 * Hands `ajv` the parts of the description `schema` reaches through `$ref`s, each once per
 * instance under its own key (their `$ref`s rewritten to those keys), so that ajv compiles a
 * part shared by several operations (`simple-user`) once, and never walks the whole description
 * (adding all of it takes a second or more). Their `nullable` is rewritten on the way.
 */
function reach(c: Contract, ajv: Ajv, schema: Json): Json {
  const added = c.added.get(ajv) ?? new Set<string>();
  c.added.set(ajv, added);
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const stack: unknown[] = [pending.pop()];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || typeof node !== 'object') continue;
      const o = node as Json;
      rewriteNullable(o);
      for (const [key, value] of Object.entries(o))
        if (key !== '$ref' || typeof value !== 'string') stack.push(value);
        else {
          const ref = value.startsWith('#/') ? `${KEY}${value.slice(2)}` : value;
          o.$ref = ref;
          if (added.has(ref)) continue;
          added.add(ref);
          let target: unknown = c.doc;
          for (const part of ref.slice(KEY.length).split('/')) target = (target as Json)[part];
          ajv.addSchema(target as Json, ref);
          pending.push(target);
        }
    }
  }
  return schema;
}

function validator(c: Contract, key: string, schema: () => Json, ajv = c.ajv): ValidateFunction {
  let found = c.compiled.get(key);
  if (!found) {
    found = ajv.compile(reach(c, ajv, schema()));
    c.compiled.set(key, found);
  }
  return found;
}

/** Ajv's first errors, in a line (a `oneOf` lists each branch's reason, then its own). */
function describe(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'invalid'}${
          e.keyword === 'additionalProperties' || e.keyword === 'enum'
            ? ` ${JSON.stringify(e.params)}`
            : ''
        }`,
    )
    .join('; ');
}

/** The parameters object ajv checks: `{ path: {...}, query: {...} }`, each documented one in it. */
function parameterSchema(c: Contract, op: Operation): Json {
  const item = (c.doc.paths as Record<string, Json>)[op.template] ?? {};
  const listed = parametersOf(c.doc, item, op.spec);
  const where = (place: string): Json => {
    const properties: Json = {};
    const required: string[] = [];
    for (const p of listed.filter((x) => x.in === place)) {
      properties[p.name] = (p as unknown as Json).schema ?? {};
      if (p.required) required.push(p.name);
    }
    return { type: 'object', properties, required, additionalProperties: false };
  };
  return { type: 'object', properties: { path: where('path'), query: where('query') } };
}

/** The schema of the media type answered: the one `accept` names, else `application/json`. */
function mediaSchema(content: unknown, accept: string): Json | undefined {
  const media = content as Record<string, { schema?: Json }> | undefined;
  if (!media) return undefined;
  // `application/vnd.github.object` answers have their own shape.
  const named = Object.keys(media).find((t) => t !== 'application/json' && accept.includes(t));
  return media[named ?? 'application/json']?.schema;
}

function findOperation(c: Contract, method: string, rawPath: string) {
  for (const op of c.operations.get(method) ?? []) {
    const m = op.pattern.exec(rawPath);
    if (!m) continue;
    const path: Json = {};
    op.names.forEach((name, i) => {
      const value = m[i + 1] ?? '';
      try {
        path[name] = decodeURIComponent(value);
      } catch {
        path[name] = value;
      }
    });
    return { op, path };
  }
  return undefined;
}

function requestViolations(c: Contract, op: Operation, exchange: Exchange): string[] {
  const out: string[] = [];
  const requestBody = op.spec.requestBody ? resolve(c.doc, op.spec.requestBody) : undefined;
  if (exchange.body === '') {
    if (requestBody?.required) out.push('the request has no body; GitHub requires one');
    return out;
  }
  if (!requestBody) return ['the request has a body; the operation takes none'];
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return ['the request body is not JSON'];
  }
  const schema = mediaSchema(requestBody.content, '');
  if (!schema) return ['the operation takes no JSON body'];
  const check = validator(c, `body ${op.method} ${op.template}`, () => schema);
  if (!check(body)) out.push(`request body: ${describe(check.errors)}`);
  return out;
}

function responseViolations(
  c: Contract,
  op: Operation,
  accept: string,
  response: NonNullable<Exchange['response']>,
): string[] {
  const status = String(response.status);
  const documented = (op.spec.responses as Json | undefined)?.[status];
  if (documented === undefined)
    return response.status < 300 ? [`GitHub documents no ${status} answer`] : [];
  if (response.body === undefined || accept.includes('raw')) return [];
  const schema = mediaSchema(resolve(c.doc, documented).content, accept);
  if (!schema) return [];
  const check = validator(c, `${status} ${accept} ${op.method} ${op.template}`, () => schema);
  return check(response.body) ? [] : [`${status} answer: ${describe(check.errors)}`];
}

/** Every way `exchange` departs from GitHub's description; empty when it holds. */
export function contractViolations(exchange: Exchange): string[] {
  const c = loadContract();
  const line = `${exchange.method} ${exchange.rawPath}`;
  const found = findOperation(c, exchange.method, exchange.rawPath);
  if (!found) return [`${line}: no operation of GitHub's REST API has this method and path`];
  const { op, path } = found;
  const query: Json = {};
  for (const key of new Set(exchange.query.keys())) {
    const all = exchange.query.getAll(key);
    query[key] = all.length === 1 ? all[0] : all;
  }
  const out: string[] = [];
  const params = validator(
    c,
    `params ${op.method} ${op.template}`,
    () => parameterSchema(c, op),
    c.params,
  );
  if (!params({ path, query })) out.push(`parameters: ${describe(params.errors)}`);
  out.push(...requestViolations(c, op, exchange));
  if (exchange.response) out.push(...responseViolations(c, op, exchange.accept, exchange.response));
  return out.map((v) => `${line} (${op.id}): ${v}`);
}
