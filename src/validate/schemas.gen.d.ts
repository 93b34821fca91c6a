// Types for the module that scripts/build.mjs generates from schema/*.schema.json.
import type { ErrorObject } from 'ajv';

/** A precompiled ajv validator. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const ladder: CompiledValidator;
export const config: CompiledValidator;
export const packet: CompiledValidator;
