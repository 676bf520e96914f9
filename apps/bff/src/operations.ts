import { catalogue, operationIds, type OperationDef, type OperationId } from '@dsc/api-types';

/** One catalogue entry with its id: the unit every route step (authorize, validate, proxy) gets. */
export interface Operation {
  readonly id: OperationId;
  readonly def: OperationDef;
}

export const operations: readonly Operation[] = operationIds.map((id) => ({ id, def: catalogue[id] }));
