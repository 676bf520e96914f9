import type { z } from 'zod';
import type { Catalogue, OperationId, Service } from '@dsc/api-types';
import type { SimState } from '../state/seed.ts';

type OutputOf<T> = T extends z.ZodType ? z.output<T> : undefined;

/** Path parameters, query and body, already validated with the catalogue entry's own schemas. */
export interface HandlerInput<Id extends OperationId> {
  params: z.output<Catalogue[Id]['params']>;
  query: OutputOf<Catalogue[Id]['query']>;
  body: OutputOf<Catalogue[Id]['body']>;
}

export interface HandlerContext {
  state: SimState;
  projectId: string;
}

/**
 * Returns the success body (sent with the entry's `successStatus`), typed by the entry's response
 * schema; failures are thrown as ServiceError.
 */
export type Handler<Id extends OperationId> = (input: HandlerInput<Id>, ctx: HandlerContext) => z.input<Catalogue[Id]['response']>;

/** Every catalogue operation must have a handler: a missing one is a type error. */
export type HandlerMap = { [Id in OperationId]: Handler<Id> };

/** The catalogue types `service` as the whole union, so the id prefix (`dli.`) selects the service. */
export type OperationsOf<S extends Service> = Extract<OperationId, `${S}.${string}`>;
export type ServiceHandlers<S extends Service> = Pick<HandlerMap, OperationsOf<S>>;
