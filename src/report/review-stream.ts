/**
 * `ladder review` output written packet by packet, so that the CLI holds one packet's review at a
 * time rather than the whole organisation's. Each writer produces exactly the text of its
 * whole-report counterpart (`formatReviewText`, `JSON.stringify(report, null, 2)`,
 * `composeComment`) when the reviews are added in the report's order.
 */
import { noVerdicts, type PacketReview, type VerdictCounts } from '../review/index';
import type { Palette } from './diagnostics-text';
import { composeComment } from './pr-comment';
import { formatPacketText, formatReviewTotals, NO_PACKETS_TEXT } from './review-text';

/** Takes the reviews one at a time, in report order, then finishes the output. */
export interface ReviewWriter {
  /** Adds one packet's review; `source` is its text, for code frames under findings. */
  add(review: PacketReview, source: string | undefined): void;
  /** Writes what follows the last packet. */
  end(): void;
  /** How many packets got each verdict so far. */
  readonly counts: Readonly<VerdictCounts>;
}

/** The text report (`formatReviewText` and a newline), one packet at a time. */
export function textReviewWriter(write: (text: string) => void, palette: Palette): ReviewWriter {
  const counts = noVerdicts();
  let first = true;
  return {
    counts,
    add(review, source) {
      counts[review.verdict] += 1;
      write(`${first ? '' : '\n\n'}${formatPacketText(review, source, palette)}`);
      first = false;
    },
    end() {
      write(first ? `${NO_PACKETS_TEXT}\n` : `\n\n${formatReviewTotals(counts)}\n`);
    },
  };
}

/** The JSON report (`JSON.stringify({ packets }, null, 2)` and a newline), one packet at a time. */
export function jsonReviewWriter(write: (text: string) => void): ReviewWriter {
  const counts = noVerdicts();
  let first = true;
  return {
    counts,
    add(review) {
      counts[review.verdict] += 1;
      // Nested two levels deep, each line of the packet's JSON is indented by four more spaces;
      // JSON strings hold no raw line breaks, so every line break is one of the layout's.
      const json = JSON.stringify(review, null, 2).replaceAll('\n', '\n    ');
      write(`${first ? '{\n  "packets": [\n' : ',\n'}    ${json}`);
      first = false;
    },
    end() {
      write(first ? '{\n  "packets": []\n}\n' : '\n  ]\n}\n');
    },
  };
}

/**
 * The comment body (`composeComment`). The comment fits in 65,536 characters whatever the number
 * of packets, but which packets it shows depends on all of them, so the reviews are kept.
 */
export function markdownReviewWriter(write: (text: string) => void): ReviewWriter {
  const counts = noVerdicts();
  const packets: PacketReview[] = [];
  return {
    counts,
    add(review) {
      counts[review.verdict] += 1;
      packets.push(review);
    },
    end() {
      write(composeComment({ review: { packets } }));
    },
  };
}
