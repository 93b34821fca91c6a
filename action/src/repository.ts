/**
 * A push, schedule or manual run: validate the checked-out ladders, check the rendered pages,
 * and with `commit-pages` commit regenerated ones. On `schedule` and `workflow_dispatch` also
 * the health report, into the job summary.
 */

import { type Config, DEFAULT_CONFIG } from '../../src/config/config';
import { applyHealthSeverities, healthReport } from '../../src/health/health';
import { healthPackets } from '../../src/health/packets';
import { WorkingTree } from '../../src/load/working-tree';
import { plural } from '../../src/markdown/plural';
import type { Model } from '../../src/model/types';
import { SYNC_CODES } from '../../src/render/sync';
import { healthMarkdown } from '../../src/report/health';
import type { InputFile } from '../../src/validate/index';
import { loadWorkspace, readPackets } from '../../src/workspace/index';
import type { Context, Outcome } from './context';
import type { RepositoryRoute } from './event';
import { hasCheckout } from './files';
import { ladderFilesHistory } from './history';
import { warnMissingConfig, workspaceOptions } from './inputs';
import * as log from './log';
import { ActionFailure, describeRequestError } from './octokit';
import { checkPages, commitPages } from './pages';
import { allDiagnostics, annotate, type RunReport } from './publish';

/** The events that get the health report. */
const HEALTH_EVENTS = new Set(['schedule', 'workflow_dispatch']);

/**
 * The health report as Markdown. A packet counts as merged when the run is on the default branch,
 * as every scheduled run is; on another branch none does. A merged packet whose review is
 * complete counts as reached.
 */
async function health(
  route: RepositoryRoute,
  ctx: Context,
  model: Model,
  config: Config,
  files: readonly InputFile[],
  packets: readonly InputFile[],
): Promise<string> {
  const merged =
    route.event === 'schedule' ||
    (route.branch !== undefined && route.branch === route.defaultBranch);
  const summaries = healthPackets(packets, model, () => merged, {
    evidenceMinimum: config.evidenceMinimum,
    maxPacketBytes: config.maxPacketBytes,
  });
  const { history, source } = await ladderFilesHistory(
    ctx.client,
    route.repo,
    ctx.env.workspace,
    route.sha,
    files,
  );
  const report = applyHealthSeverities(
    healthReport(model, summaries, history, {
      now: Date.now(),
      staleAfterDays: config.staleAfterDays,
    }),
    config.severities,
  );
  log.info(
    `Ladder health: ${plural(report.diagnostics.length, 'warning')}; last changes ${source.replaceAll('`', '')}.`,
  );
  const where = merged
    ? 'Packets on this branch count as merged.'
    : 'This run is not on the default branch, so no packet counts as merged.';
  return `${healthMarkdown(report)}\n_Dates ${source}. ${where} The same report locally: \`npx ladder health\`._\n`;
}

/** Checks the repository at the pushed (or scheduled) commit. */
export async function runRepository(route: RepositoryRoute, ctx: Context): Promise<Outcome> {
  const { env, inputs, client, counter } = ctx;
  if (!hasCheckout(env.workspace, [inputs.ladders ?? DEFAULT_CONFIG.ladders]))
    throw new ActionFailure(
      `On ${route.event} the action checks the checked-out repository, and the workspace is empty: add \`actions/checkout\` before this step.`,
    );
  const snapshot = new WorkingTree(env.workspace, 'the checked-out workspace');
  const loaded = await loadWorkspace(snapshot, workspaceOptions(inputs));
  const { config, model, diagnostics: found, files } = loaded;
  warnMissingConfig(
    inputs,
    loaded.configFile !== undefined || found.some((d) => d.file === inputs.config),
  );
  const packets = await readPackets(snapshot, config, await loaded.packets());
  const diagnostics = [...found];
  let stalePages: readonly string[] | undefined;
  let pagesCommit: string | undefined;
  let failure: string | undefined;
  if (found.some((d) => d.severity === 'error'))
    log.notice('The rendered pages were not checked: fix the ladder errors first.');
  else {
    const pages = await checkPages(snapshot, model, config);
    stalePages = pages.plan.problems.map((p) =>
      config.pages === '.' ? p.path : `${config.pages}/${p.path}`,
    );
    let pageDiagnostics = pages.diagnostics;
    if (inputs.commitPages && stalePages.length > 0 && pages.plan.problems.length > 0) {
      if (!route.branch) log.warning('Pages are committed only on a branch; this run has none.');
      else {
        // A refused commit (no `contents: write`) still leaves the stale pages reported.
        pagesCommit = await commitPages(
          client,
          route.repo,
          route.branch,
          route.sha,
          pages.plan,
          config.pages,
        ).catch((error: unknown) => {
          failure = error instanceof ActionFailure ? error.message : describeRequestError(error);
          if (failure === undefined) throw error;
          return undefined;
        });
        if (pagesCommit) {
          log.info(`Committed the regenerated pages to ${route.branch}: ${pagesCommit}`);
          // All are mended but a file of the user's where a page goes: it is never written over.
          pageDiagnostics = pageDiagnostics.filter((d) => d.code === SYNC_CODES['not-generated']);
        }
      }
    }
    diagnostics.push(...pageDiagnostics);
  }
  const healthReportMd =
    HEALTH_EVENTS.has(route.event) && !found.some((d) => d.severity === 'error')
      ? await health(route, ctx, model, config, files, packets)
      : undefined;
  const report: RunReport = {
    subject: `${route.event}${route.branch ? ` on ${route.branch}` : ''} at ${route.sha.slice(0, 7)}`,
    diagnostics,
    ...(stalePages === undefined ? {} : { stalePages }),
    ...(pagesCommit === undefined ? {} : { pagesCommit }),
    ...(healthReportMd === undefined ? {} : { health: healthReportMd }),
    requests: counter.count,
  };
  annotate(allDiagnostics(report));
  return { report, config, ...(failure === undefined ? {} : { failure }) };
}
