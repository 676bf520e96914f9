import { operationIds } from '@dsc/api-types';
import type { OperationId } from '@dsc/api-types';

export interface SimStats {
  /** Requests routed to each operation (after the signature check passed). */
  requests: Record<OperationId, number>;
  /** Mutating requests whose change was applied (2xx from the handler), per operation. */
  mutations: Record<OperationId, number>;
  /** The create counts, named, from `mutations`. */
  creates: { enhancedConnections: number; dataConnectors: number; extDataSources: number };
  signatureFailures: number;
  faultsApplied: number;
  /** Signed requests to paths that match no operation (answered 404 APIGW.0101). */
  unmatched: number;
}

function zeros(): Record<OperationId, number> {
  return Object.fromEntries(operationIds.map((id) => [id, 0])) as Record<OperationId, number>;
}

export class StatsCounter {
  private requests = zeros();
  private mutations = zeros();
  signatureFailures = 0;
  faultsApplied = 0;
  unmatched = 0;

  request(op: OperationId): void {
    this.requests[op] += 1;
  }

  mutation(op: OperationId): void {
    this.mutations[op] += 1;
  }

  snapshot(): SimStats {
    return {
      requests: { ...this.requests },
      mutations: { ...this.mutations },
      creates: {
        enhancedConnections: this.mutations['dli.createEnhancedConnection'],
        dataConnectors: this.mutations['mrs.createDataConnector'],
        extDataSources: this.mutations['dws.createExtDataSource'],
      },
      signatureFailures: this.signatureFailures,
      faultsApplied: this.faultsApplied,
      unmatched: this.unmatched,
    };
  }

  reset(): void {
    this.requests = zeros();
    this.mutations = zeros();
    this.signatureFailures = 0;
    this.faultsApplied = 0;
    this.unmatched = 0;
  }
}
