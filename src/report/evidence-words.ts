/**
 * What the comment and the text report say of an evidence item without a link that counts:
 * "no link", or, when it has links that were refused, why the first one does not count (a
 * reader who wrote a link should not be told there is none). Our words only: a refusal's reason
 * never quotes the packet.
 */
import type { EvidenceItem } from '../review/types';

export function unlinkedWords(item: Pick<EvidenceItem, 'refused'>): string {
  const first = item.refused[0];
  return first === undefined ? 'no link' : `no link that counts: ${first.why}`;
}
