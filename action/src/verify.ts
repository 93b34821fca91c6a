/**
 * Evidence verification in the action: the transport only. What to ask, how to read the answers
 * and how to judge them is src/verify/'s, shared with `ladder review --verify`; here the
 * requests go through the action's client (its retries, its rate-limit waits, its request
 * count), with the workflow token or the `verify-token` input's. Nothing of the answers is
 * logged: only how many links were asked and in how many requests. The first request may carry
 * extra fields of the caller's (the comments of the pull request), whose answer is handed back.
 */
import type { Config } from '../../src/config/config';
import { plural } from '../../src/markdown/plural';
import type { ParsedPacket } from '../../src/packet/types';
import type { ReviewOptions } from '../../src/review/index';
import { type ExtraFields, queryText, withFields } from '../../src/verify/query';
import {
  packetTargets,
  type RunVerification,
  type Send,
  verifyTargets,
} from '../../src/verify/run';
import type { TargetScope } from '../../src/verify/types';
import * as log from './log';
import { type Client, statusOf } from './octokit';

/** Sends one query through the client; a partial answer (per-alias errors) is an answer. */
export function clientSender(client: Client): Send {
  return async (batch) => {
    try {
      const data = await client.graphql(queryText(batch.parts), { ...batch.variables });
      return { ok: true, body: { data } };
    } catch (error) {
      // `@octokit/graphql` throws on any `errors`, with the data that did resolve.
      if (error instanceof Error && error.name === 'GraphqlResponseError' && 'errors' in error)
        return {
          ok: true,
          body: { data: 'data' in error ? error.data : undefined, errors: error.errors },
        };
      const status = statusOf(error);
      if (status === 401) return { ok: false, reason: 'token-refused' };
      const limited =
        status === 429 ||
        /rate limit/i.test(error instanceof Error ? error.message : '') ||
        (status === 403 && /rate limit/i.test(JSON.stringify(errorData(error)) ?? ''));
      return { ok: false, reason: limited ? 'rate-limited' : 'unavailable' };
    }
  };
}

function errorData(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response = error.response;
  return typeof response === 'object' && response !== null && 'data' in response
    ? response.data
    : undefined;
}

/**
 * `send`, with `extra` asked in its first request; `data()` is that request's answer. When GitHub
 * refuses that request whole (errors and no data: a GitHub Enterprise Server whose schema lacks
 * a field the extra fields ask for), the batch is sent again on its own, so that verification
 * does not suffer for the extra fields; `data()` is then undefined and the caller asks apart.
 */
function riding(send: Send, extra: ExtraFields | undefined) {
  let pending = extra;
  let data: unknown;
  const first: Send = async (batch) => {
    if (pending === undefined) return send(batch);
    const fields = pending;
    pending = undefined;
    const answer = await send(withFields(batch, fields));
    const body = answer.ok
      ? (answer.body as { data?: unknown; errors?: unknown } | undefined)
      : undefined;
    if (body !== undefined && body.data == null && Array.isArray(body.errors)) return send(batch);
    data = body?.data;
    return answer;
  };
  return { send: first, data: () => data };
}

/** What verification found, and the answer to the extra fields when a request carried them. */
export interface PacketVerification {
  readonly options: ReviewOptions;
  readonly run?: RunVerification;
  /** The `data` of the request that carried `extra` (none when nothing was asked). */
  readonly extraData?: unknown;
}

/**
 * Verifies the GitHub links of the packets and returns the review options that carry the
 * answers (the options unchanged when `review.verify` is `off` or there is nothing to ask).
 * `extra`: fields to ask in the first request, if one is made.
 */
export async function verifyPackets(
  packets: readonly ParsedPacket[],
  config: Config,
  scope: TargetScope,
  client: Client,
  options: ReviewOptions,
  extra?: ExtraFields,
): Promise<PacketVerification> {
  if (config.verify === 'off') {
    log.info('Evidence verification: off (`review.verify` in the config).');
    return { options };
  }
  const asked = packets.map((p) => {
    const github = p.frontMatter?.data?.github;
    return { ...(github === undefined ? {} : { login: github }), targets: packetTargets(p, scope) };
  });
  if (asked.every((a) => a.targets.length === 0)) return { options };
  const sender = riding(clientSender(client), extra);
  const run = await verifyTargets(asked, config.maxVerifiedLinks, sender.send);
  log.info(
    `Evidence verification: ${plural(run.asked, 'GitHub link')} in ${plural(run.requests, 'request')}${run.overLimit > 0 ? `; ${run.overLimit} over the limit of ${config.maxVerifiedLinks}` : ''}.`,
  );
  return {
    run,
    extraData: sender.data(),
    options: {
      ...options,
      verification: {
        mode: config.verify,
        scope,
        results: run.results,
        cycles: config.cycles,
        limit: config.maxVerifiedLinks,
      },
    },
  };
}
