import type { Credentials, UpstreamConfig } from '../config.ts';

/** `^[a-z0-9][a-z0-9-]{0,31}$`: short enough for a URL segment, a log field and an audit column. */
export const TARGET_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const TARGET_ID_RULE = 'must be 1–32 lower-case letters, digits or "-", starting with a letter or digit';

/** The id of the one target built from the HUAWEICLOUD_* variables when there is no targets file. */
export const DEFAULT_TARGET_ID = 'default';

/**
 * One (credentials, project, region, endpoints) the BFF may act on, with its own limits.
 * Limits left out fall back to the UPSTREAM_* settings.
 */
export interface TargetConfig extends UpstreamConfig {
  id: string;
  name: string;
  maxRps?: number;
  maxConcurrency?: number;
  /** The deadline of one read on this target (the fleet list waits this long for it). */
  readTimeoutMs?: number;
}

export function singleTarget(upstream: UpstreamConfig, name = 'default'): TargetConfig {
  return { id: DEFAULT_TARGET_ID, name, ...upstream };
}

export type { Credentials };
