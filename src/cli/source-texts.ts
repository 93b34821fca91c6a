/**
 * The texts of ladder files for code frames, decoded when first asked for: most files never
 * have a diagnostic, and decoding every file again (the loader decodes its own copy) cost tens
 * of milliseconds and tens of megabytes at 1,000 ladders. `others` are texts that are not ladder
 * files (the config file): there for code frames, left out of `files()` and the map's entries.
 */
export class SourceTexts implements ReadonlyMap<string, string> {
  private readonly decoded = new Map<string, string>();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly bytes: ReadonlyMap<string, Uint8Array>,
    private readonly others: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {}

  get size(): number {
    return this.bytes.size;
  }

  has(path: string): boolean {
    return this.bytes.has(path);
  }

  get(path: string): string | undefined {
    const known = this.decoded.get(path);
    if (known !== undefined) return known;
    const bytes = this.bytes.get(path) ?? this.others.get(path);
    if (bytes === undefined) return undefined;
    // Not fatal: a code frame shows what an invalid file holds, with U+FFFD where it is broken.
    const text = this.decoder.decode(bytes);
    this.decoded.set(path, text);
    return text;
  }

  /** The files as read, undecoded. */
  files(): { path: string; bytes: Uint8Array }[] {
    return [...this.bytes].map(([path, bytes]) => ({ path, bytes }));
  }

  /** The texts of the paths `keep` accepts, none of them decoded yet. */
  only(keep: (path: string) => boolean): SourceTexts {
    return new SourceTexts(
      new Map([...this.bytes].filter(([path]) => keep(path))),
      new Map([...this.others].filter(([path]) => keep(path))),
    );
  }

  keys(): MapIterator<string> {
    return this.bytes.keys();
  }

  *entries(): MapIterator<[string, string]> {
    for (const path of this.bytes.keys()) yield [path, this.get(path) ?? ''];
  }

  *values(): MapIterator<string> {
    for (const [, text] of this.entries()) yield text;
  }

  forEach(callback: (text: string, path: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [path, text] of this.entries()) callback(text, path, this);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
