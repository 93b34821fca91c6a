/**
 * `SOURCE_DATE_EPOCH`, as reproducible-builds.org defines it: the time a reproducible output is
 * dated with, as a whole, non-negative count of seconds since 1970-01-01 UTC (`date +%s`).
 */
import { UsageError } from './io';

/**
 * The last second of 9999-12-31 UTC: the report prints dates as YYYY-MM-DD, and a `Date` holds
 * no more than 8.64e12 seconds in any case.
 */
const MAX_SECONDS = 253_402_300_799;

/**
 * The time `SOURCE_DATE_EPOCH` names, in ms since the epoch, or `Date.now()` when it is unset or
 * empty. Any other value, or one past the year 9999, is a `UsageError` naming the variable: a
 * date quietly replaced by today's would make the output look reproducible when it is not.
 */
export function sourceDate(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return Date.now();
  const seconds = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds <= MAX_SECONDS))
    throw new UsageError(
      `\`SOURCE_DATE_EPOCH\` must be a whole number of seconds since 1970-01-01 UTC, from 0 to ${MAX_SECONDS} (9999-12-31), as \`date +%s\` prints it, not \`${value.slice(0, 40)}\`; unset it to date the report today.`,
    );
  return seconds * 1000;
}
