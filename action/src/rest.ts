/**
 * The REST methods (`client.rest.pulls.get(...)`), added to the client with the checks.
 *
 * `@octokit/plugin-rest-endpoint-methods` is an octokit plugin: a function of the client that
 * returns the members to add, which octokit's constructor adds at once. Its endpoint table is the
 * largest part of the client (80 KB of the start-up code) and the first request does not need it
 * (`changed-files.ts` names its route), so it is added here, when the checks are loaded.
 */
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import type { BaseClient, Client } from './octokit';

/** The client, with its REST methods. */
export function withRestMethods(client: BaseClient): Client {
  return Object.assign(client, restEndpointMethods(client));
}
