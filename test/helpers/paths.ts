/** Paths shared by the tests. */
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The fixtures folder. */
export const FIXTURES = resolve(ROOT, 'test/fixtures');
