import type { AuditEntry, OperationId } from '@dsc/api-types';
import type { RequestContext } from '../request-context.ts';

type Created = NonNullable<AuditEntry['created']>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v.slice(0, 200) : undefined);
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/**
 * Where each create names what it makes: the name in its (validated) request body, the id in the
 * cloud's success answer. Operations not listed create nothing the audit can point at.
 */
const CREATES: Partial<Record<OperationId, { name: (body: unknown) => unknown; id?: (answer: unknown) => unknown }>> = {
  'dli.createEnhancedConnection': { name: (b) => field(b, 'name'), id: (a) => field(a, 'connection_id') },
  // A route has no id of its own: its name is what a later delete names.
  'dli.createRoute': { name: (b) => field(b, 'name') },
  'mrs.createDataConnector': { name: (b) => field(field(b, 'data_connector'), 'connector_name'), id: (a) => field(a, 'connector_id') },
  'dws.createExtDataSource': { name: (b) => field(b, 'data_source_name'), id: (a) => field(a, 'id') },
};

/** Notes the created id from a create's success answer (a fresh one, a replay or one recovered by name). */
export function noteCreatedId(ctx: RequestContext, status: number, body: Buffer | string): void {
  const idOf = ctx.operationId && CREATES[ctx.operationId]?.id;
  if (!idOf || status >= 300) return;
  let json: unknown;
  try {
    json = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    return;
  }
  const id = text(idOf(json));
  if (id !== undefined) ctx.createdId = id;
}

/** The entry's `created` part: the name once the body was valid, the id once the cloud gave one. */
export function createdOf(ctx: RequestContext): Created | undefined {
  const create = ctx.operationId && CREATES[ctx.operationId];
  if (!create) return undefined;
  const name = ctx.input ? text(create.name(ctx.input.body)) : undefined;
  const created = { ...(ctx.createdId !== undefined ? { id: ctx.createdId } : {}), ...(name !== undefined ? { name } : {}) };
  return Object.keys(created).length > 0 ? created : undefined;
}
