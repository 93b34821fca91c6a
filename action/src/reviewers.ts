/**
 * Review requests for a ladder pull request: the owners of what changed are asked through
 * `POST /pulls/{n}/requested_reviewers`, never by a mention in the comment.
 *
 * Who is asked: the owners the base revision names for the changed parts (as GitHub reads
 * CODEOWNERS from the base branch, so a pull request, perhaps from a fork, cannot pick its own
 * reviewers by editing `owners:`), minus the author, minus anyone already requested (the event's
 * `requested_reviewers` and `requested_teams`), minus anyone a review was ever requested from on
 * this pull request (its `review_requested` events: a reviewer who already reviewed, or whom a
 * person removed, is not asked again on every push). Teams must be in the repository's
 * organisation (GitHub takes a slug, not `org/team`). Draft pull requests wait until they are
 * ready for review.
 *
 * A refusal (422: not a collaborator, a team without access; 403: a read-only token) never
 * fails the run: the review is still in the comment, and a warning says what happened.
 */

import type { Reviewers } from '../../src/diff/owners';
import type { PullRequestRoute } from './event';
import * as log from './log';
import { apiMessage, type Client, statusOf } from './octokit';

/** What happened to the review requests. */
export type ReviewRequests =
  | { readonly kind: 'off' | 'draft' }
  /** Nobody left to ask; `skipped` says who was left out and why. */
  | { readonly kind: 'none'; readonly skipped: readonly string[] }
  | {
      readonly kind: 'requested';
      readonly users: readonly string[];
      /** Team slugs. */
      readonly teams: readonly string[];
      readonly skipped: readonly string[];
    }
  | {
      readonly kind: 'refused';
      readonly users: readonly string[];
      readonly teams: readonly string[];
      readonly skipped: readonly string[];
      /** The warning, as logged and shown in the summary. */
      readonly message: string;
    };

const lower = (s: string) => s.toLowerCase();

/** Everyone a review was ever requested from on this pull request (users, team slugs). */
async function everRequested(
  client: Client,
  route: PullRequestRoute,
): Promise<{ users: Set<string>; teams: Set<string> }> {
  const users = new Set<string>();
  const teams = new Set<string>();
  const events = await client.paginate(client.rest.issues.listEvents, {
    ...route.repo,
    issue_number: route.number,
    per_page: 100,
  });
  for (const e of events) {
    if (e.event !== 'review_requested' && e.event !== 'review_request_removed') continue;
    const record = e as {
      requested_reviewer?: { login?: string } | null;
      requested_team?: { slug?: string } | null;
    };
    if (record.requested_reviewer?.login) users.add(lower(record.requested_reviewer.login));
    if (record.requested_team?.slug) teams.add(lower(record.requested_team.slug));
  }
  return { users, teams };
}

/** Asks the owners for review; `owners` come from the base revision. */
export async function requestReviews(
  client: Client,
  route: PullRequestRoute,
  owners: Reviewers,
  enabled: boolean,
): Promise<ReviewRequests> {
  if (!enabled) return { kind: 'off' };
  if (owners.users.length === 0 && owners.teams.length === 0) return { kind: 'none', skipped: [] };
  if (route.draft) {
    log.info('Draft pull request: the owners are asked to review once it is ready for review.');
    return { kind: 'draft' };
  }
  const skipped: string[] = [];
  const org = lower(route.repo.owner);
  const author = lower(route.author ?? '');
  const requestedUsers = new Set(route.requested.users.map(lower));
  const requestedTeams = new Set(route.requested.teams.map(lower));
  let users = owners.users.filter((u) => {
    if (lower(u) === author) skipped.push(`${u} (the author)`);
    else if (requestedUsers.has(lower(u))) skipped.push(`${u} (already requested)`);
    else return true;
    return false;
  });
  let teams = owners.teams.flatMap((t) => {
    const [teamOrg = '', slug = ''] = t.split('/');
    if (lower(teamOrg) !== org || slug === '') {
      skipped.push(`${t} (not a team of ${route.repo.owner})`);
      return [];
    }
    if (requestedTeams.has(lower(slug))) {
      skipped.push(`${t} (already requested)`);
      return [];
    }
    return [slug];
  });
  if (users.length + teams.length > 0) {
    let ever = { users: new Set<string>(), teams: new Set<string>() };
    try {
      ever = await everRequested(client, route);
    } catch (error) {
      // Without the history, ask anyway: a repeated request costs a notification, not a failure.
      if (statusOf(error) === undefined) throw error;
    }
    users = users.filter((u) => {
      const seen = ever.users.has(lower(u));
      if (seen) skipped.push(`${u} (asked before on this pull request)`);
      return !seen;
    });
    teams = teams.filter((t) => {
      const seen = ever.teams.has(lower(t));
      if (seen) skipped.push(`${route.repo.owner}/${t} (asked before on this pull request)`);
      return !seen;
    });
  }
  if (users.length + teams.length === 0) return { kind: 'none', skipped };
  try {
    await client.rest.pulls.requestReviewers({
      ...route.repo,
      pull_number: route.number,
      reviewers: users,
      team_reviewers: teams,
    });
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) throw error;
    const who = [...users, ...teams.map((t) => `${route.repo.owner}/${t}`)].join(', ');
    const why =
      status === 422
        ? 'GitHub refused (422): each must be a collaborator with access to the repository, and teams need access too'
        : (status === 403 || status === 401) && route.token === 'fork-pull-request'
          ? `the token of a fork's pull request is read-only under \`pull_request\` whatever the workflow asks for (${status}); use the \`pull_request_target\` workflow from the README`
          : status === 403 || status === 401
            ? `the token may not request reviews (${status}); give the job \`pull-requests: write\``
            : `GitHub answered ${status}`;
    const message = `Could not request a review from the owners of the changed ladder parts (${who}): ${why} (${apiMessage(error)}). The comment still lists them.`;
    log.warning(message);
    return { kind: 'refused', users, teams, skipped, message };
  }
  log.info(
    `Review requested from the owners of what changed: ${[...users, ...teams.map((t) => `${route.repo.owner}/${t}`)].join(', ')}.`,
  );
  return { kind: 'requested', users, teams, skipped };
}
