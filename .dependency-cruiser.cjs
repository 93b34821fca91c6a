// The layers of the engine (docs/architecture.md), checked by `npm run lint`. Data flows one way:
// each stage imports only the stages below it. The base (diagnostics, markdown, model, util) is
// below all: src/markdown, the one Markdown layer (builders, safe text, the serialiser), is used
// by render and report alike and imports no stage.
const STAGES = [
  ['diagnostics', 'markdown', 'model', 'util'],
  ['load'],
  ['validate'],
  ['config'],
  ['packet'],
  // The one workspace reader: a snapshot's config, ladders (validated) and packets.
  ['workspace'],
  // The stages over a validated model. Health reads packets as the review assigns their
  // sections; the diff finds the packets a change touches as health reads them; the health page
  // is rendered from a health report it is given.
  ['review'],
  ['health'],
  ['diff'],
  ['render'],
  ['report'],
  ['cli'],
];

const folders = (list) => `^src/(${list.join('|')})/`;

/** One rule per stage: nothing of a later stage. */
const layerRules = STAGES.slice(0, -1).map((stage, i) => ({
  name: `layer-${stage[0]}`,
  comment: `src/${stage.join(', src/')} may not import a later stage (${STAGES.slice(i + 1)
    .flat()
    .join(', ')}).`,
  severity: 'error',
  from: { path: folders(stage) },
  to: { path: folders(STAGES.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one concept, or a layer is crossed.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-not-action',
      comment: 'src/ is the engine and the CLI: it never imports the GitHub adapter or @actions/*.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^action/', '(^|/)node_modules/@actions/'] },
    },
    {
      name: 'action-not-cli',
      comment:
        'The action and the CLI are two adapters over the engine; neither imports the other.',
      severity: 'error',
      from: { path: '^action/src/' },
      to: { path: '^src/cli/' },
    },
    ...layerRules,
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^action/dist/', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
