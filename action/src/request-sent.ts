/**
 * When a request is on its way. Node's fetch (undici) announces on a diagnostics channel each
 * request whose headers it has written to the socket; until its answer arrives, the process only
 * waits, and can compile code in the meantime (see `run.ts`).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const SENT = 'undici:client:sendHeaders';

/**
 * Resolves once a request's headers have been written, or once `pending` settles (a fetch that
 * does not announce, a request refused before it was sent): either way, waiting longer would gain
 * nothing. Never rejects; `pending`'s rejection is still there for whoever awaits it.
 */
export function requestSent(pending: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const sent = (): void => {
      unsubscribe(SENT, sent);
      resolve();
    };
    subscribe(SENT, sent);
    pending.then(sent, sent);
  });
}
