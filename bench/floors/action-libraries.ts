// Floor for the action's whole run (context, not a target): the packages the action is built on
// doing its work once, cold, in one process, with none of our code between them. Bundled and
// minified as the action is (bench/run.mjs), and run by bench/action-run.ts beside the action on
// a pull request of its own against the same API stand-in: `@octokit/rest` with the retry and
// throttling plugins sends the requests of a first run (the changed files, a GraphQL query, a
// new comment, a GraphQL query again: the action's verification query that lists the comments
// too, and its list after the create); `yaml` reads the config and the ladder files with
// positions and the product's pinned options, and the build's ajv validators check them;
// unified + remark-parse (GFM, front matter) parse the packet and `yaml` its front matter;
// mdast-util-to-markdown writes a comment; `@actions/core` sets an output and the job summary.
// Prints nothing; exits 0.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { PINNED_OPTIONS } from '../../src/load/yaml-parse';
import {
  config as validateConfig,
  ladder as validateLadder,
} from '../../src/validate/schemas.gen.js';

const env = process.env;
const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
const issue_number = Number(env.FLOOR_PULL_REQUEST);
const workspace = env.GITHUB_WORKSPACE ?? '.';
const GitHub = Octokit.plugin(retry, throttling);
const client = new GitHub({
  baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  auth: `token ${env.FLOOR_TOKEN}`,
  // The throttling plugin's spacing of writes, scaled as the action's is in the bench
  // (LADDER_ACTION_RETRY_BASE_MS: 5 ms for each second).
  throttle: {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 5 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 15 }),
    search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 10 }),
    onRateLimit: () => false,
    onSecondaryRateLimit: () => false,
  },
});

const read = (path: string) => readFileSync(join(workspace, path), 'utf8');
const yamlFile = (text: string) => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PINNED_OPTIONS, lineCounter });
  return { data: doc.toJS({ maxAliasCount: 100 }), lineCounter, errors: doc.errors };
};

const files = await client.paginate(client.rest.pulls.listFiles, {
  owner,
  repo,
  pull_number: issue_number,
  per_page: 100,
});
let valid = validateConfig(yamlFile(read('ladder.config.yml')).data);
for (const name of readdirSync(join(workspace, 'ladders')).filter((n) => n.endsWith('.yml')))
  valid = validateLadder(yamlFile(read(`ladders/${name}`)).data) && valid;
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const lines: string[] = [];
for (const { filename } of files.filter((f) => f.filename.endsWith('.md'))) {
  const tree = processor.parse(read(filename));
  const front = tree.children[0]?.type === 'yaml' ? yamlFile(tree.children[0].value).data : {};
  lines.push(
    `${filename}: ${tree.children.length} blocks, ${Object.keys(front ?? {}).length} keys`,
  );
}
await client.graphql('query { viewer { login } }');
const comment: Root = {
  type: 'root',
  children: [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Promotion packets' }] },
    {
      type: 'list',
      spread: false,
      children: lines.map((value) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value }] }],
      })),
    },
  ],
};
const body = toMarkdown(comment, { extensions: [gfmToMarkdown()] });
await client.rest.issues.createComment({ owner, repo, issue_number, body });
await client.graphql('query { viewer { login } }');
core.setOutput('valid', String(valid));
await core.summary.addRaw(body).write();
