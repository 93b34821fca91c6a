/**
 * The action's only way to write to the workflow log. Every message goes through `logLine`
 * (src/report/visible.ts), so a file name or any other value a user wrote cannot start a line,
 * write a workflow command (`::name::` at a line's start, or the legacy `##[name]` anywhere),
 * drive the terminal or reorder what a reader sees. Annotations escape their message and
 * properties the same way; the toolkit's own escaping (`%`, CR, LF, and `:` `,` in properties)
 * still applies on top.
 */
import type { AnnotationProperties } from '@actions/core';
import * as core from '@actions/core';
import { logLine, visible } from '../../src/report/visible';

/** A line in the log. */
export function info(message: string): void {
  core.info(logLine(message));
}

/** A line in the log when step debugging is on. */
export function debug(message: string): void {
  core.debug(visible(message));
}

function props(properties: AnnotationProperties | undefined): AnnotationProperties | undefined {
  if (properties === undefined) return undefined;
  return {
    ...properties,
    ...(properties.title === undefined ? {} : { title: visible(properties.title) }),
    ...(properties.file === undefined ? {} : { file: visible(properties.file) }),
  };
}

/** An error annotation (on a file's lines when `properties` say where). */
export function error(message: string, properties?: AnnotationProperties): void {
  core.error(visible(message), props(properties));
}

/** A warning annotation. */
export function warning(message: string, properties?: AnnotationProperties): void {
  core.warning(visible(message), props(properties));
}

/** A notice annotation. */
export function notice(message: string, properties?: AnnotationProperties): void {
  core.notice(visible(message), props(properties));
}

/** Fails the step with one line. */
export function setFailed(message: string): void {
  core.setFailed(visible(message));
}
