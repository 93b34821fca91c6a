/**
 * Verifying the links of a run: the targets of every packet, each asked once per candidate, at
 * most `limit` of them, in requests of up to 100, through a `send` function the edge provides
 * (the action's client, the CLI's fetch). This module makes no request itself; it decides what
 * to ask and reads the answers, so both edges share one implementation.
 */
import type { ParsedPacket } from '../packet/types';
import { buildBatches, type QueryBatch } from './query';
import { readAnswer } from './response';
import { itemTargets, uniqueTargets } from './targets';
import type { Fetched, Target, TargetScope, UncheckedReason } from './types';

/** What the edge's transport answered for one request. */
export type SendResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reason: Exclude<UncheckedReason, 'over-limit'> };

/** Sends one GraphQL request. Never throws: a failure is a result. */
export type Send = (batch: QueryBatch) => Promise<SendResult>;

/** The links one packet asks about, and whose part in them counts. */
export interface PacketTargets {
  readonly login?: string;
  readonly targets: readonly Target[];
}

/** What a run of verification found. */
export interface RunVerification {
  /** What GitHub said, by `resultKey(login, target.key)`; absent keys were over the limit. */
  readonly results: ReadonlyMap<string, Fetched>;
  /** GraphQL requests sent (retries are the transport's). */
  readonly requests: number;
  /** Distinct links asked about, and those left over the limit. */
  readonly asked: number;
  readonly overLimit: number;
}

/** The key of a result: the same object asked for another candidate is another question. */
export function resultKey(login: string | undefined, key: string): string {
  return `${(login ?? '').toLowerCase()} ${key}`;
}

/** The targets of every evidence item (list item) of a parsed packet, in order, each once. */
export function packetTargets(packet: ParsedPacket, scope: TargetScope): Target[] {
  const all: Target[] = [];
  for (const block of packet.body?.blocks ?? []) {
    if (block.kind !== 'list') continue;
    for (const item of block.items) {
      if (item.placeholder !== undefined) continue;
      const links = item.links.filter((l) => l.placeholder === undefined).map((l) => l.url);
      all.push(...itemTargets(links, item.references, scope));
    }
  }
  return uniqueTargets(all);
}

/** Asks about every packet's targets, at most `limit` distinct ones, through `send`. */
export async function verifyTargets(
  packets: readonly PacketTargets[],
  limit: number,
  send: Send,
): Promise<RunVerification> {
  const byLogin = new Map<string, { login: string | undefined; targets: Target[] }>();
  const seen = new Set<string>();
  let overLimit = 0;
  for (const p of packets) {
    for (const t of p.targets) {
      const key = resultKey(p.login, t.key);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > limit) {
        overLimit += 1;
        continue;
      }
      const group = byLogin.get((p.login ?? '').toLowerCase()) ?? { login: p.login, targets: [] };
      group.targets.push(t);
      byLogin.set((p.login ?? '').toLowerCase(), group);
    }
  }
  const results = new Map<string, Fetched>();
  let requests = 0;
  for (const { login, targets } of byLogin.values()) {
    for (const batch of buildBatches(targets, login)) {
      requests += 1;
      const answer = await send(batch);
      const fetched: ReadonlyMap<string, Fetched> = answer.ok
        ? readAnswer(batch, answer.body)
        : new Map(
            batch.aliases.flatMap((a) =>
              a.role === 'item'
                ? [[a.target.key, { status: 'unchecked', reason: answer.reason } as Fetched]]
                : [],
            ),
          );
      for (const [key, value] of fetched) results.set(resultKey(login, key), value);
    }
  }
  return { results, requests, asked: seen.size - overLimit, overLimit };
}
