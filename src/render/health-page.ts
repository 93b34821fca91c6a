/**
 * The health page: how the ladders fit together (the levels and roles that reference each part)
 * and what needs attention in the ladder files (levels with expectations missing). It is a
 * rendered page, compared byte for byte by `render --check`, so it follows from the ladder YAML
 * alone: no packets (merging one must not make the pages stale), no dates, no git history.
 * `ladder health` adds those.
 */

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Health, HealthEntry } from '../health/health';
import type { Inline } from '../markdown/builders';
import { code, link, list, paragraph, table } from '../markdown/page';
import { plural } from '../markdown/plural';
import { ladderById } from '../model/lookup';
import { type FinishedPage, PageBuilder } from './page';
import {
  abilityPage,
  HEALTH_PAGE,
  INDEX_PAGE,
  ladderPage,
  levelPage,
  relativeUrl,
  repositoryUrl,
} from './paths';
import { levelName, type Site } from './site';

/** A diagnostic message with its `code spans` as code, the rest as escaped text. */
function messageInline(message: string): Inline[] {
  return message.split('`').map((part, i) => (i % 2 === 1 ? code(part) : part));
}

function status(e: HealthEntry): Inline[] {
  return [
    e.warnings.some((w) => w.code === 'missing-expectations') ? '⚠️ expectations missing' : '✅',
  ];
}

function warningCount(entries: readonly HealthEntry[]): number {
  return entries.reduce((n, e) => n + e.warnings.length, 0);
}

/** Renders the health page from the health of the ladder files (`ladderFilesHealth`). */
export function renderHealthPage(site: Site, health: Health): FinishedPage {
  const path = HEALTH_PAGE;
  const { model } = site;
  const sources = [...new Set(model.ladders.map((l) => l.origin.file))].sort();
  const page = new PageBuilder(path, sources, site.command);
  const url = (to: string, anchor?: string) => relativeUrl(path, to, anchor);
  const yaml = (d: Diagnostic) =>
    link(`${repositoryUrl(site.pagesDir, path, d.file)}#L${d.line}`, code(`${d.file}:${d.line}`));

  page.add(paragraph(link(url(INDEX_PAGE), 'Career ladders'), ' › Ladder health'));
  page.heading(1, 'Ladder health');
  page.add(
    paragraph(
      'How the ladders fit together: which levels and roles reference each part, and what needs attention in the ladder files. Generated from the ladder YAML alone, so merging a promotion packet never makes it stale.',
    ),
  );
  page.add(
    paragraph(
      'Run ',
      code('npx ladder health'),
      ' for what this page cannot hold: how many promotion packets cite each part as evidence, which dimensions no packet evidences, who reached a level (merged packets with a complete review), when each part last changed (from git history) and which parts are stale.',
    ),
  );
  const warnings = health.diagnostics.length;
  page.add(
    paragraph(
      warnings > 0
        ? `⚠️ ${plural(warnings, 'warning')}; they are listed at the end.`
        : '✅ No warnings.',
    ),
  );

  if (health.ladders.length > 0) {
    page.add(
      table(
        [
          { header: ['Ladder'] },
          { header: ['Levels'] },
          { header: ['Dimensions'] },
          { header: ['Roles'] },
          { header: ['Warnings'] },
        ],
        health.ladders.map((l) => [
          [page.anchorLink(`ladder:${l.ladder.id}`, l.ladder.title)],
          [String(l.levels.length)],
          [String(l.dimensions.length)],
          [String(l.ladder.referencedBy.roles)],
          [String(warningCount([l.ladder, ...l.levels, ...l.dimensions]))],
        ]),
      ),
    );
  }

  for (const l of health.ladders) {
    const ladder = ladderById(model, l.ladder.id);
    page.heading(2, l.ladder.title, `ladder:${l.ladder.id}`);
    const incoming = l.ladder.referencedBy.levels;
    page.add(
      paragraph(
        link(url(ladderPage(l.ladder.id)), 'The ladder'),
        ` · ${plural(l.ladder.referencedBy.roles, 'role')}`,
        incoming > 0 ? ` · other ladders lead into it from ${plural(incoming, 'level')}` : '',
      ),
    );
    page.add(
      table(
        [{ header: ['Level'] }, { header: ['Led to from'] }, { header: [''] }],
        l.levels.map((e) => {
          const level = ladder?.levels.find((x) => x.id === e.id);
          return [
            [link(url(levelPage(l.ladder.id, e.id)), level ? levelName(level) : e.id)],
            [plural(e.referencedBy.levels, 'level')],
            status(e),
          ];
        }),
      ),
    );
    if (l.dimensions.length > 0)
      page.add(
        table(
          [{ header: ['Dimension'] }, { header: ['Expected or required at'] }, { header: [''] }],
          l.dimensions.map((e) => [
            [e.title, ' (', code(e.id), ')'],
            [plural(e.referencedBy.levels, 'level')],
            status(e),
          ]),
        ),
      );
  }

  if (health.abilities.length > 0) {
    page.heading(2, 'Abilities');
    page.add(
      table(
        [
          { header: ['Ability'] },
          { header: ['Roles requiring it'] },
          { header: ['Levels requiring it'] },
        ],
        health.abilities.map((a) => [
          [link(url(abilityPage(a.ladder, a.id)), a.title)],
          [String(a.referencedBy.roles)],
          [String(a.referencedBy.levels)],
        ]),
      ),
    );
  }

  if (warnings > 0) {
    page.heading(2, 'Warnings');
    page.add(
      list(
        health.diagnostics.map((d): Inline[] => [
          code(d.code),
          ' ',
          yaml(d),
          ': ',
          ...messageInline(d.message),
        ]),
      ),
    );
  }
  return page.finish();
}
