// What a link opens, and text as people read it: the rules docs/packets.md states.
import { describe, expect, it } from 'vitest';
import { itemPlaceholder } from '../../src/packet/evidence';
import { htmlHrefs, linkTarget } from '../../src/packet/links';
import { disguises, visibleText } from '../../src/packet/visible-text';

const PACKET = 'promotions/2026/dana.md';
const kind = (url: string) => {
  const target = linkTarget(url, PACKET);
  return target.kind === 'file' ? `file:${target.path}` : target.kind;
};

describe('linkTarget', () => {
  it('counts web pages on real hosts and files of the repository', () => {
    expect(kind('https://github.com/acme/infra/pull/1')).toBe('web');
    expect(kind('HTTPS://GitHub.com/acme/infra/pull/1')).toBe('web');
    expect(kind('//github.com/acme/infra/pull/1')).toBe('web');
    expect(kind('../../docs/design.md#goals')).toBe('file:docs/design.md');
    expect(kind('/docs/design%20notes.md?plain=1')).toBe('file:docs/design notes.md');
    expect(kind('other.md')).toBe('file:promotions/2026/other.md');
    // The folder above, with or without its slash: the packets folder on GitHub.
    expect(kind('..')).toBe('file:promotions');
    expect(kind('../')).toBe('file:promotions');
    expect(kind('..#readme')).toBe('file:promotions');
  });

  it('refuses links that open nothing outside the packet', () => {
    for (const url of [
      '',
      '#',
      '#mastery',
      './dana.md#flexibility',
      '/promotions/2026/dana.md',
      'https://github.com/acme/career/blob/main/promotions/2026/dana.md',
      '../../../outside.md',
      '/',
      'about:blank',
      'mailto:dana@acme.io',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'https://',
      'https://example.com./x',
      'https://docs.EXAMPLE.org',
      'http://localhost:3000',
      'http://localhost./x',
      'http://127.0.0.1/',
      'http://[::1]/',
      'https://grafana.acme.test/',
      'https://intranet.invalid/',
      'https://github.com/acme/infra/pull/XXX',
      'https://github.com/acme/infra/pull/<number>',
      'TODO',
      'url',
      '...',
      '…',
    ])
      expect(linkTarget(url, PACKET).kind, JSON.stringify(url)).toBe('none');
  });

  it('reads href values of <a> tags as a browser decodes them', () => {
    expect(htmlHrefs('<a href="java&#9;script:x">a</a> <A HREF=\'/docs/x.md\'>b</A>')).toEqual([
      'java\tscript:x',
      '/docs/x.md',
    ]);
    expect(kind(htmlHrefs('<a href="java&#x09;script:alert(1)">x</a>')[0] ?? '')).toBe('none');
  });
});

describe('text as people read it', () => {
  it('removes invisible characters, folds look-alikes and compatibility forms', () => {
    expect(visibleText('TO\u200bDO')).toBe('TODO');
    expect(visibleText('\u0422ODO')).toBe('TODO');
    expect(visibleText('ＴＢＤ')).toBe('TBD');
    expect(visibleText('Commu\u00adnication')).toBe('Communication');
    expect(visibleText('plain ASCII')).toBe('plain ASCII');
  });

  it('names what a reader does not see, by code point, without quoting it', () => {
    expect(disguises('Mas\u200btery \u0422rust Ｓ')).toEqual([
      'U+200B (zero-width space)',
      'U+0422 (a Cyrillic letter that looks like Latin T)',
      'U+FF33 (a full-width form of S)',
    ]);
    expect(disguises('Judgment — café')).toEqual([]);
  });

  it('finds placeholders however they are written, and not in real words', () => {
    for (const text of [
      'tbd',
      'T.B.D.',
      'N/A',
      'n.a.',
      'Coming soon',
      '???',
      'TO\u200bDO',
      '\u0422ODO: later',
      'ＴＢＤ',
      'todo: write this up',
      'Lorem ipsum',
      'Details to follow',
      'cut latency by xxx ms',
      'asdf',
      'asdfgh jkl',
      'qwerty',
      'asdf asdf test',
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit',
      'lorem ipsum here',
      'Reduced latency by XXX ms',
      'Closed XXX tickets',
      'Link: TBD',
      'Removed the TODO comments, numbers TBD',
      'Wrote "the guide" in XXX days',
    ])
      expect(itemPlaceholder(text, []), text).toBeDefined();
    for (const text of [
      'Migrated the Todo app to Kubernetes',
      'Led two SEV-2 responses',
      'None of the 12 upgrades caused downtime',
      'Wrote the TBDX parser',
      // Words that merely name a tool, a layout or the filler itself.
      'Migrated all runtimes to asdf',
      'Built the QWERTY keyboard layout tester',
      'Replaced the lorem ipsum copy on the pricing page',
      'Removed lorem ipsum in the footer',
      // A marker that names a kind of thing, or sits in quotes or code, is a word.
      'Removed 200 stale TODO comments from the Ansible roles',
      'Introduced WIP limits on the ops Kanban board',
      'Cleaned up FIXME markers in the deploy scripts',
      'Reduced TBD tickets in backlog by half',
      'Cleared the TODO and FIXME comments, and the tbd labels',
      'Wrote the "XXX-Large instance" sizing guide',
      'Documented the `TODO` convention for the team',
    ])
      expect(itemPlaceholder(text, []), text).toBeUndefined();
    expect(itemPlaceholder('\u0422ODO', [])).toContain('U+0422');
  });
});
