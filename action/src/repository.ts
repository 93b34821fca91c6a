/**
 * A push, schedule or manual run: validate the checked-out ladders, check the rendered pages,
 * and with `commit-pages` commit regenerated ones.
 */
import * as core from '@actions/core';
import { DEFAULT_CONFIG } from '../../src/config/config';
import type { RepositoryRoute } from './event';
import { hasCheckout, WorkspaceSnapshot } from './files';
import { load } from './load';
import { ActionFailure } from './octokit';
import { checkPages, commitPages } from './pages';
import { allDiagnostics, annotate, type RunReport } from './publish';
import type { Context, Outcome } from './run';

/** Checks the repository at the pushed (or scheduled) commit. */
export async function runRepository(route: RepositoryRoute, ctx: Context): Promise<Outcome> {
  const { env, inputs, client, counter } = ctx;
  if (!hasCheckout(env.workspace, [inputs.ladders ?? DEFAULT_CONFIG.ladders]))
    throw new ActionFailure(
      `On ${route.event} the action checks the checked-out repository, and the workspace is empty: add \`actions/checkout\` before this step.`,
    );
  const snapshot = new WorkspaceSnapshot(env.workspace);
  const { config, model, diagnostics: found } = await load(snapshot, inputs);
  const diagnostics = [...found];
  let stalePages: readonly string[] | undefined;
  let pagesCommit: string | undefined;
  if (found.some((d) => d.severity === 'error'))
    core.notice('The rendered pages were not checked: fix the ladder errors first.');
  else {
    const pages = await checkPages(snapshot, model, config);
    stalePages = pages.plan.problems.map((p) =>
      config.pages === '.' ? p.path : `${config.pages}/${p.path}`,
    );
    let pageDiagnostics = pages.diagnostics;
    if (inputs.commitPages && stalePages.length > 0 && pages.plan.problems.length > 0) {
      if (!route.branch) core.warning('Pages are committed only on a branch; this run has none.');
      else {
        pagesCommit = await commitPages(
          client,
          route.repo,
          route.branch,
          route.sha,
          pages.plan,
          config.pages,
        );
        if (pagesCommit) {
          core.info(`Committed the regenerated pages to ${route.branch}: ${pagesCommit}`);
          pageDiagnostics = [];
        }
      }
    }
    diagnostics.push(...pageDiagnostics);
  }
  const report: RunReport = {
    subject: `${route.event}${route.branch ? ` on ${route.branch}` : ''} at ${route.sha.slice(0, 7)}`,
    diagnostics,
    ...(stalePages === undefined ? {} : { stalePages }),
    ...(pagesCommit === undefined ? {} : { pagesCommit }),
    requests: counter.count,
  };
  annotate(allDiagnostics(report));
  return { report, config };
}
