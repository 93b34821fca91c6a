/**
 * The YAML parser with pinned options: a `%YAML 1.1` directive cannot turn on merge keys or read
 * `no` as false, no tag but the core schema's resolves (not even YAML 1.1's `!!set` or
 * `!!binary`), keys are text, no source text is copied into messages (`prettyErrors` off) or
 * written to the console (`logLevel`), and nesting is bounded.
 */
import { Composer, type Document, type LineCounter, Parser, YAMLParseError } from 'yaml';

/**
 * Nesting deeper than this is reported before the document is built (ladder files nest a few
 * levels). `yaml` builds the document recursively and catches running out of stack, but V8 can
 * abort the whole process instead when the stack runs out while a regular expression runs.
 */
export const MAX_DEPTH = 100;

/** Thrown by `DepthParser` at the first token nested deeper than MAX_DEPTH. */
export class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/**
 * `yaml`'s parser, which keeps its open nodes on a stack (no recursion), stopped at the first
 * node opened deeper than MAX_DEPTH. The stack only grows by `push`, so the check is there:
 * checking after every token (a generator wrapped around `next`, resumed once per token) made
 * parsing about 5% slower.
 */
class DepthParser extends Parser {
  constructor(onNewLine?: (offset: number) => void) {
    super(onNewLine);
    const stack = this.stack;
    const push = stack.push;
    Object.defineProperty(stack, 'push', {
      value: (...items: typeof stack) => {
        const length = push.apply(stack, items);
        if (length > MAX_DEPTH) throw new TooDeep(this.offset);
        return length;
      },
    });
  }
}

/** The pinned options (see the top of this file), also used by the action's floor in bench/. */
export const PINNED_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  // YAML 1.1's `!!set`, `!!omap`, `!!pairs`, `!!binary` and `!!timestamp` would otherwise
  // become a Set, a Map, bytes or a Date; they are tags like any other (`yaml-tag`).
  resolveKnownTags: false,
  // The library's own duplicate-key check compares each key with every earlier one, which
  // takes minutes on a mapping of 100,000 keys; `duplicateKeys` below does it in one pass.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
  // Keys are text: a list, mapping, alias or tag as a key is an error (NON_STRING_KEY), not
  // a key silently stringified with a process warning that copies source text to stderr.
  stringKeys: true,
  // The library never writes to the console; every problem is a diagnostic.
  logLevel: 'error',
} as const;

/**
 * Parses with the pinned options, as `yaml`'s `parseDocument` does but through `DepthParser`.
 * May throw (`TooDeep`, or the library's own errors).
 */
export function parsePinned(text: string, lineCounter: LineCounter): Document.Parsed {
  const composer = new Composer(PINNED_OPTIONS);
  const tokens = new DepthParser(lineCounter.addNewLine).parse(text);
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, text.length)) {
    if (first === undefined) first = doc;
    else {
      first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', ''));
      break;
    }
  }
  // `compose(…, true)` always ends with a document, if only an empty one.
  return first as Document.Parsed;
}
