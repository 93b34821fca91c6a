/** Shared setup of the review tests: the fixture ladders and reading fixture packets. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { expect } from 'vitest';
import type { Model, Statement } from '../../src/model/types';
import { COMMENT_LIMIT, COMMENT_MARKER } from '../../src/report/pr-comment';
import { validateLadders } from '../../src/validate/index';
import { ACTING_CHARACTER, mathIn, parseAsGitHub } from '../helpers/github-markdown';
import { FIXTURES } from '../helpers/paths';

/** The review fixtures folder. */
export const REVIEW = join(FIXTURES, 'review');

/** Ladders of our own writing in the shape of public frameworks (tracks, points, ratings). */
export const FRAMEWORKS = join(FIXTURES, 'render', 'frameworks', 'ladders');

/**
 * The model of the fixture ladders (snapshots of ops and web-operations, plus platform) and of
 * the framework ladders (tracks, growth, progression).
 */
export function fixtureModel(): Model {
  const files = [join(REVIEW, 'ladders'), FRAMEWORKS].flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .map((name) => ({ path: `ladders/${name}`, bytes: readFileSync(join(dir, name)) })),
  );
  const { model, diagnostics } = validateLadders(files);
  if (diagnostics.length > 0)
    throw new Error(`fixture ladders are invalid: ${JSON.stringify(diagnostics)}`);
  return model;
}

/** A fixture packet as review input, with the path `packets/<name>`. */
export function packet(name: string, folder = 'packets'): { path: string; bytes: Buffer } {
  return { path: `${folder}/${name}`, bytes: readFileSync(join(REVIEW, folder, name)) };
}

/** Default review options. */
export const OPTIONS = { evidenceMinimum: 1, maxPacketBytes: 256 * 1024 } as const;

/** Parses a comment body the way GitHub reads it (CommonMark + GFM + math). */
export function parse(body: string): Root {
  return parseAsGitHub(body);
}

/** Asserts the rules every body must keep, whatever went into it. */
export function assertSafe(body: string, blobBase?: string): Root {
  expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  expect(body.indexOf(COMMENT_MARKER, 1)).toBe(-1);
  expect(body.split('<!--').length).toBe(2);
  const tree = parse(body);
  // GitHub would render it as math: `$\huge\color{green}{complete}$` paints a forged verdict.
  expect(mathIn(tree)).toEqual([]);
  // Every node is checked; what breaks a rule is gathered and asserted once (an `expect` per
  // text node was most of the time of the property tests that call this).
  const broken: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition')
      broken.push(`${node.type}`);
    if (node.type === 'html') {
      const ours =
        node.value === COMMENT_MARKER ||
        node.value === '</details>' ||
        /^<details><summary>[^<>]*<\/summary>$/.test(node.value);
      if (!ours) broken.push(`html: ${node.value}`);
    }
    if (node.type === 'link' && (blobBase === undefined || !node.url.startsWith(blobBase)))
      broken.push(`link: ${node.url}`);
    if ((node.type === 'text' || node.type === 'inlineCode') && ACTING_CHARACTER.test(node.value))
      broken.push(`acting character: ${JSON.stringify(node.value)}`);
    if (node.type === 'text') {
      // GitHub would turn these into mentions, issue references or links.
      if (/(^|[^\p{L}\p{N}_])@[\p{L}\p{N}]/u.test(node.value))
        broken.push(`mention: ${node.value}`);
      if (/#\d/.test(node.value)) broken.push(`issue reference: ${node.value}`);
      if (/:\/\/|\bwww\./.test(node.value)) broken.push(`link text: ${node.value}`);
    }
  });
  expect(broken).toEqual([]);
  return tree;
}

/** An expectation with only its text and id, for the coverage and restatement tests. */
export function statement(text: string, id: string): Statement {
  return { id, text, examples: [], signals: [], links: [] };
}
