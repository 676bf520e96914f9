import type { OperationId, Service } from '@dsc/api-types';

/**
 * DWS answers in two shapes so the BFF's normaliser is exercised: the reads
 * (dws.listClusters, dws.listExtDataSources, dws.getJob) use the flat `{error_code, error_msg}`,
 * the writes (dws.createExtDataSource, dws.reconfigureExtDataSource, dws.deleteExtDataSource) the
 * nested `{error: {code, message}}`. DLI and MRS always use the flat shape.
 */
const NESTED_ERROR_OPS: ReadonlySet<OperationId> = new Set<OperationId>([
  'dws.createExtDataSource',
  'dws.reconfigureExtDataSource',
  'dws.deleteExtDataSource',
]);

export function serviceErrorBody(service: Service, opId: OperationId | null, code: string, message: string): unknown {
  if (service === 'dws' && opId !== null && NESTED_ERROR_OPS.has(opId)) return { error: { code, message } };
  return { error_code: code, error_msg: message };
}

export const SERVICE_PARAM_CODES: Record<Service, string> = { dli: 'DLI.0001', mrs: 'MRS.0001', dws: 'DWS.0001' };
export const SERVICE_SERVER_ERROR_CODES: Record<Service, string> = { dli: 'DLI.0999', mrs: 'MRS.0999', dws: 'DWS.0999' };
