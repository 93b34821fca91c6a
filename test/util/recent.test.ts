import { describe, expect, it } from 'vitest';
import { Recent } from '../../src/util/recent';

describe('Recent', () => {
  it('makes a value once, keeps the most recently used, and lets the oldest go', () => {
    const made: string[] = [];
    const cache = new Recent<string, string>(2);
    const get = (key: string) =>
      cache.get(key, (k) => {
        made.push(k);
        return k.toUpperCase();
      });
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(get('a')).toBe('A'); // a is now the most recent, b the oldest
    expect(get('c')).toBe('C'); // b goes
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B'); // made again; c goes
    expect(get('c')).toBe('C');
    expect(made).toEqual(['a', 'b', 'c', 'b', 'c']);
  });

  it('set replaces a value and makes it the most recent', () => {
    const cache = new Recent<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4); // b, the oldest, goes
    expect(cache.get('a', () => 0)).toBe(3);
    expect(cache.get('b', () => 0)).toBe(0);
  });
});
