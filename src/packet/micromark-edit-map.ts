/**
 * A fix for the cause of quadratic parse times in micromark 4 (`micromark-util-edit-map` 2.0).
 *
 * micromark resolves a setext heading, and the end of every list item or block quote closed by
 * a line that does not continue it, by editing the event list of the whole document so far
 * through an `EditMap`. Its `consume` rebuilds that list from scratch for every edit (it copies
 * the events before the first edit out and back in), so each edit costs time in proportion to
 * everything parsed before it: 30,000 setext headings (`a` / `=`) in a 120 KB packet took 246 s,
 * 10,000 list items between paragraphs 30 s, and a long list of ordinary evidence items paid the
 * same toll. The edits are always near the end of the list, so leaving the events before the
 * first edit in place makes each edit cost only what follows it.
 *
 * This `consume` produces exactly the list the original does (test/packet/micromark-edit-map.test.ts
 * compares them on random edits) and is installed on the class micromark uses when this module is
 * loaded, by the packet parser. Remove it once micromark's own `consume` keeps the prefix in place.
 */

import { EditMap } from 'micromark-util-edit-map';

/** A micromark event; `consume` only moves them. */
type Event = unknown;

/** One edit: at an index, remove a count of events, insert others. */
type Change = [number, number, Event[]];

/** The fields of an `EditMap` that `consume` works on. */
interface EditMapState {
  readonly map: Change[];
  readonly index: Map<number, Change>;
}

/** Applies the edits to `events` in place, touching only the events from the first edit on. */
export function consumeInPlace(this: EditMapState, events: Event[]): undefined {
  const { map } = this;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  const tails: Event[][] = [];
  for (let i = map.length - 1; i >= 0; i -= 1) {
    const [at, remove, add] = map[i] as Change;
    tails.push(events.slice(at + remove), add);
    events.length = at;
  }
  for (let tail = tails.pop(); tail !== undefined; tail = tails.pop())
    for (const event of tail) events.push(event);
  map.length = 0;
  this.index.clear();
}

const prototype = EditMap.prototype as unknown as { consume: typeof consumeInPlace };

/** micromark's own `consume`, kept for the test that compares the two. */
export const micromarkConsume: typeof consumeInPlace = prototype.consume;

prototype.consume = consumeInPlace;
