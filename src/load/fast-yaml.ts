/**
 * The quick way to read a well-formed ladder file. `yaml` builds a document with a node and a
 * source range for every value, which diagnostics need, but which was four fifths of the time
 * of validating a large organisation (issue 7); js-yaml builds the plain data about six times
 * faster. Its data is used only where it equals what `yaml` gives under the pinned options of
 * yaml-document.ts; for anything else `fastYaml` declines and the caller parses with `yaml`,
 * which reports every problem with its position. It declines when js-yaml finds any problem,
 * when the text uses YAML that the two read differently or that `yaml` rejects and js-yaml may
 * not (see NOT_PLAIN and `Reading`), and when the top level is not a mapping. Plain scalars
 * resolve through `yaml`'s own core-schema tags. A differential test holds the two parsers to
 * the same data and lines on every fixture and on random and randomly broken files.
 */
import { load, Schema, type State, Type } from 'js-yaml';
import { Schema as CoreSchema, isScalar } from 'yaml';

/** The data of a file read the quick way, and the line where each top-level list item starts. */
export interface FastYaml {
  readonly data: Readonly<Record<string, unknown>>;
  /** 1-based start line of every item of the top-level list `key` (items that are mappings). */
  itemLines(key: string): readonly number[];
}

/** What the quick way made of a file. */
export type FastYamlResult =
  | { readonly kind: 'read'; readonly file: FastYaml }
  /** Nested deeper than MAX_DEPTH, at this 1-based position; not given to `yaml` (see below). */
  | { readonly kind: 'too-deep'; readonly line: number; readonly column: number }
  | { readonly kind: 'declined' };

/** Thrown inside the parser to stop it at the first node nested deeper than MAX_DEPTH. */
class TooDeep extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super('too deep');
  }
}

/**
 * A scalar whose value reads back differently from its source (`0x10` is 16, `~` is null): as
 * a key, js-yaml would store `16` where `yaml` keeps `0x10`, and a scalar cannot tell whether
 * it is a key, so the file is declined (`Reading` finds the marker).
 */
const MISREAD: object = Object.freeze({ misread: true });

/**
 * `yaml`'s core-schema scalar tags (null, bool, int, float) as js-yaml implicit types. The
 * names are private, so that an explicit `!!int` is an unknown tag here and goes to `yaml`.
 */
const CORE_SCALARS = new CoreSchema({ schema: 'core', resolveKnownTags: false }).tags.flatMap(
  (tag, index) => {
    const test = tag.test;
    if (test === undefined || !('resolve' in tag)) return [];
    return [
      new Type(`tag:ladder-as-code,2026:core-${index}`, {
        kind: 'scalar',
        resolve: (source: unknown) =>
          typeof source === 'string' && mayBeCore(source) && test.test(source),
        construct: (source: string) => {
          let failed = false;
          const resolved: unknown = tag.resolve(source, () => (failed = true), {});
          // Null and booleans come back as a Scalar node that keeps the source's spelling.
          const value = isScalar(resolved) ? resolved.value : resolved;
          return failed || String(value) !== source ? MISREAD : value;
        },
      }),
    ];
  },
);

/** What every core-schema null, boolean and number starts with (or it is empty). */
const CORE_FIRST_CHARACTERS = new Set('-+.~0123456789nNtTfF');

/** Whether a plain scalar may be a core-schema value; most text is not, without a regex. */
function mayBeCore(source: string): boolean {
  return source === '' || CORE_FIRST_CHARACTERS.has(source.charAt(0));
}

/** Only the core scalars resolve; every explicit tag is unknown. */
const SCHEMA = new Schema({ implicit: CORE_SCALARS, explicit: [] });

/**
 * Nesting deeper than this is reported here (ladder files nest a few levels). `yaml` recurses
 * per level and catches running out of stack, but V8 can abort the whole process instead when
 * the stack runs out while it compiles a regular expression, so deep files never reach it.
 */
export const MAX_DEPTH = 100;

/** The closing characters of quoted scalars. */
const QUOTES = new Set<string | undefined>(["'", '"']);

/** What may follow a closing quote or bracket (`undefined`: the end of the text). */
const AFTER_FLOW_END = new Set<string | undefined>([
  ' ',
  '\t',
  '\n',
  '\r',
  ':',
  ',',
  ']',
  '}',
  undefined,
]);

/** Longest line read here; `yaml` rejects an implicit key over 1,024 characters. */
const MAX_LINE = 1024;

/** Reads `text` the quick way, or declines so that `yaml` reads it. Never throws. */
export function fastYaml(text: string): FastYamlResult {
  // The parse runs on when the text or `Reading` declines, to find nesting that is too deep.
  const plain = plainEnough(text);
  const reading = new Reading(text);
  let data: unknown;
  try {
    data = load(text, {
      schema: SCHEMA,
      json: false,
      maxDepth: MAX_DEPTH + 1,
      listener: (event: 'open' | 'close', state: ListenerState) =>
        event === 'open' ? reading.open(state) : reading.close(state),
    } as FastLoadOptions);
  } catch (error) {
    if (error instanceof TooDeep)
      return { kind: 'too-deep', line: error.line, column: error.column };
    // A YAMLException, or a RangeError from a hostile file: `yaml` will say what it is.
    return DECLINED;
  }
  if (!plain || reading.declined) return DECLINED;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return DECLINED;
  const record = data as Record<string, unknown>;
  return {
    kind: 'read',
    file: { data: record, itemLines: topLevelItemLines(record, reading.lines) },
  };
}

/**
 * The lines of the items of the top-level lists, as `FastYaml.itemLines`. Built outside
 * `fastYaml`, whose closures would keep its whole scope (the line of every collection, the
 * parser's stacks) alive as long as the file: tens of megabytes at 1,000 ladders.
 */
function topLevelItemLines(
  record: Readonly<Record<string, unknown>>,
  lines: ReadonlyMap<object, number>,
): FastYaml['itemLines'] {
  const itemLines = new Map<string, readonly number[]>();
  for (const [key, items] of Object.entries(record))
    if (Array.isArray(items))
      itemLines.set(
        key,
        items.map((item) => (typeof item === 'object' && item ? (lines.get(item) ?? 1) : 1)),
      );
  return (key) => itemLines.get(key) ?? [];
}

/**
 * Follows js-yaml as it opens and closes each node: notes where `yaml` would read the text
 * differently (`declined`), and the line where each list and mapping starts.
 */
class Reading {
  declined = false;
  /**
   * The start line of each list and mapping. A flow collection can be reported twice (first
   * tried as a key); the first close, the innermost report opened at its first character,
   * gives its line.
   */
  readonly lines = new Map<object, number>();
  // One entry per node open now, innermost last: where it opened, and the column its block
  // entries start at (keys of a mapping, `-` of a list; UNSET until the first, CONFLICT when
  // two differ). Plain arrays, not an object per node: files have about 800 nodes per ladder.
  private readonly offsets: number[] = [];
  private readonly lineNumbers: number[] = [];
  private readonly keyColumns: number[] = [];
  private readonly dashColumns: number[] = [];

  constructor(private readonly text: string) {}

  open(state: ListenerState): void {
    if (state.depth > MAX_DEPTH)
      throw new TooDeep(state.line + 1, state.position - state.lineStart + 1);
    const parent = this.offsets.length - 1;
    if (parent >= 0) this.noteEntry(parent, state);
    this.offsets.push(state.position);
    this.lineNumbers.push(state.line + 1);
    this.keyColumns.push(UNSET);
    this.dashColumns.push(UNSET);
  }

  close(state: ListenerState): void {
    const from = this.offsets.pop() ?? 0;
    const line = this.lineNumbers.pop() ?? 1;
    const keyColumn = this.keyColumns.pop();
    const dashColumn = this.dashColumns.pop();
    const { text } = this;
    const to = state.position;
    if (state.kind === 'scalar') {
      if (state.result === MISREAD) this.declined = true;
      // Inside quotes js-yaml reads on past a less indented line, and takes a `#` right after
      // the closing quote as a comment; `yaml` reports both.
      else if (
        QUOTES.has(text[to - 1]) &&
        (spansLines(text, from, to) || !AFTER_FLOW_END.has(text[to]))
      )
        this.declined = true;
      return;
    }
    if (state.kind !== 'mapping' && state.kind !== 'sequence') return;
    // After `]`, too, js-yaml takes a `#` as a comment.
    if (text[to - 1] === ']' && !AFTER_FLOW_END.has(text[to])) this.declined = true;
    // js-yaml accepts some entries out of line with the others, where `yaml` reports them.
    if ((state.kind === 'mapping' ? keyColumn : dashColumn) === CONFLICT) this.declined = true;
    // A list or mapping followed by `:` is a key: js-yaml makes text of it, `yaml` reports it.
    if (followedByColon(text, to)) this.declined = true;
    const result = state.result as object;
    if (state.kind === 'mapping') {
      // An empty key is `null` to js-yaml and `` to `yaml`; a written-out `null` key declines too.
      if (Object.hasOwn(result, 'null')) this.declined = true;
    } else {
      // A flow list over several lines may be less indented than `yaml` allows; and its
      // `[: a]` is a mapping with an empty key, which no report covers.
      if (text[firstContent(text, from)] === '[' && spansLines(text, from, to))
        this.declined = true;
      for (const item of result as unknown[])
        if (typeof item === 'object' && item !== null && Object.hasOwn(item, 'null'))
          this.declined = true;
    }
    if (!this.lines.has(result)) this.lines.set(result, line);
  }

  /**
   * Notes the columns of a node opening inside `parent`: where it starts, when it is the first
   * thing on its line or follows a `-` (a key, or a list item's first key), and where that `-`
   * is (a list item). A value after `:` or an item of a flow list is neither.
   */
  private noteEntry(parent: number, state: ListenerState): void {
    const { text } = this;
    let i = state.position - 1;
    while (i >= state.lineStart && (text[i] === ' ' || text[i] === '\t')) i -= 1;
    const column = state.position - state.lineStart;
    if (i < state.lineStart) {
      this.keyColumns[parent] = merge(this.keyColumns[parent], column);
    } else if (
      text[i] === '-' &&
      (i === state.lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')
    ) {
      this.keyColumns[parent] = merge(this.keyColumns[parent], column);
      this.dashColumns[parent] = merge(this.dashColumns[parent], i - state.lineStart);
    }
  }
}

/** No block entry seen yet in a node; two that start at different columns. */
const UNSET = -1;
const CONFLICT = -2;

function merge(known: number | undefined, column: number): number {
  return known === undefined || known === UNSET || known === column ? column : CONFLICT;
}

const DECLINED: FastYamlResult = { kind: 'declined' };

/** js-yaml's parser state as the listener sees it (the published types omit these fields). */
interface ListenerState extends State {
  readonly depth: number;
}

type FastLoadOptions = Parameters<typeof load>[1] & { maxDepth: number };

/**
 * An anchor (`&a`), a tag (`!t`, `! `), an explicit key (`? `), a directive (`%` at the start
 * of a line), where YAML could read one; a `-` that ends its line (its item's column is not on
 * the item's line); a line break that is a lone carriage return (`yaml` does not break lines
 * there); a byte order mark inside the text (`yaml` skips one at the start of a line); `---`
 * or `...` run into text (js-yaml ends the document there); a tab in the
 * indentation (`yaml` reports it, js-yaml may not); a block scalar with an indentation digit
 * (`|2`; the two read its blank lines apart). Prose rarely looks like this, and when it does
 * the file just takes the slower way.
 */
const NOT_PLAIN =
  /(?:^|[\s,[{:])(?:&[^\s,[\]{}]|!|\?(?:\s|$))|^%|(?:^|[ \t])-[ \t]*(?:#.*)?$|\r(?!\n)|^ *\t|\ufeff|^(?:---|\.\.\.)\S|[|>][-+]?[1-9]/m;

/** Every text NOT_PLAIN matches, and more (`R&D`, `why?`), found four times faster. */
const MAYBE_NOT_PLAIN = /[&!?%\t\r\ufeff]|[|>][-+]?[1-9]|^(?:---|\.\.\.)\S|-[ \t]*(?:#.*)?$/m;

/** No flow mapping, anchor, tag, explicit key, directive or over-long line (text checks). */
function plainEnough(text: string): boolean {
  // A flow mapping (`{a: 1}`): js-yaml takes an entry without `:` that is a list as a key.
  if (text.includes('{')) return false;
  // The exact test is slow on long files; most ladder files pass the rough one.
  if (MAYBE_NOT_PLAIN.test(text) && NOT_PLAIN.test(text)) return false;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_LINE) return false;
    start = stop + 1;
  }
  return true;
}

/** Whether a line break lies between `from` and `to`. */
function spansLines(text: string, from: number, to: number): boolean {
  const next = text.indexOf('\n', from);
  return next !== -1 && next < to;
}

/** The offset of the first character at or after `from` that is not space, a line break or a comment. */
function firstContent(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i += 1;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      if (end === -1) return text.length;
      i = end + 1;
    } else return i;
  }
}

/** Whether the next character after `position`, past spaces and tabs, is `:`. */
function followedByColon(text: string, position: number): boolean {
  let i = position;
  while (text[i] === ' ' || text[i] === '\t') i += 1;
  return text[i] === ':';
}
