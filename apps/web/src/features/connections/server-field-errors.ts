import type { ApiError } from '../../lib/api-error.ts';

export interface ServerFieldErrors {
  /** Form paths (as react-hook-form names them) with the server's message. */
  onFields: [path: string, message: string][];
  /** Fields the form has no input for; shown with the error summary instead. */
  other: [path: string, message: string][];
}

const FIELD_PATHS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(name|dest_vpc_id|dest_network_id|routetable_id)$/, (m) => m[1]!],
  [/^queues(\.\d+)?$/, () => 'queues'],
  [/^tags\.(\d+)\.(key|value)$/, (m) => `tags.${m[1]}.${m[2]}`],
  [/^tags(\.\d+)?$/, () => 'tags'],
  [/^hosts\.(\d+)\.(name|ip)$/, (m) => `hosts.${m[1]}.${m[2]}`],
  [/^hosts(\.\d+)?$/, () => 'hosts'],
];

/**
 * The BFF's validation errors (`fields`, keyed by body path such as `hosts.3.ip`) and the upstream
 * errors that concern one field (a taken name, an unusable queue), placed on the form's fields.
 */
export function serverFieldErrors(
  error: ApiError,
  accept: (path: string) => boolean = () => true,
): ServerFieldErrors {
  const out: ServerFieldErrors = { onFields: [], other: [] };
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const target = formPath(path);
    if (target !== undefined && accept(target)) out.onFields.push([target, message]);
    else out.other.push([path, message]);
  }
  const upstream = error.upstream?.code;
  const upstreamMessage = error.upstream?.message ?? error.message;
  if (upstream === 'DLI.0006' && accept('name')) out.onFields.push(['name', upstreamMessage]);
  if (upstream === 'DLI.0007' && accept('queues')) out.onFields.push(['queues', upstreamMessage]);
  if (upstream === 'DLI.0001' && /queue/i.test(upstreamMessage) && accept('queues')) {
    out.onFields.push(['queues', upstreamMessage]);
  }
  return out;
}

function formPath(path: string): string | undefined {
  for (const [pattern, to] of FIELD_PATHS) {
    const m = pattern.exec(path);
    if (m) return to(m);
  }
  return undefined;
}
