/**
 * An upstream service's own error (not the gateway's). Handlers throw it; the dispatcher renders
 * it in the wire shape of the operation's service (see error-body.ts).
 *
 * HTTP statuses chosen where the docs give only codes: parameter check → 400, object does not
 * exist → 404, object already exists → 409, unsupported / not allowed in the current state → 400
 * or 409 as noted per call site, server error → 500.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const dliErrors = {
  param: (msg: string) => new ServiceError(400, 'DLI.0001', msg),
  notFound: (msg: string) => new ServiceError(404, 'DLI.0002', msg),
  exists: (msg: string) => new ServiceError(409, 'DLI.0006', msg),
  unsupported: (msg: string) => new ServiceError(400, 'DLI.0007', msg),
};

/** MRS codes are the simulator's own choice: the public pages do not list them for connectors. */
export const mrsErrors = {
  param: (msg: string) => new ServiceError(400, 'MRS.0001', msg),
  notFound: (msg: string) => new ServiceError(404, 'MRS.0002', msg),
  exists: (msg: string) => new ServiceError(409, 'MRS.0003', msg),
};

/** DWS codes are the simulator's own choice (DWS.00xx range of the console error page). */
export const dwsErrors = {
  param: (msg: string) => new ServiceError(400, 'DWS.0001', msg),
  notFound: (msg: string) => new ServiceError(404, 'DWS.0004', msg),
  exists: (msg: string) => new ServiceError(409, 'DWS.0006', msg),
  /** The cluster is frozen, failed or busy: the request is valid but cannot run now. */
  clusterState: (msg: string) => new ServiceError(409, 'DWS.0015', msg),
};
