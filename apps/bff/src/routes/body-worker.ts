import { parentPort } from 'node:worker_threads';
import { catalogue, type OperationId } from '@dsc/api-types';
import { checkBody } from './body-check.ts';
import type { JsonLimits } from './json-scan.ts';

// The body worker's thread (body-checker.ts): large bodies are parsed and validated here, so the
// seconds a hostile one may cost never stall the thread that answers everyone else.

interface Job {
  id: number;
  operationId: OperationId;
  limits: JsonLimits;
  bytes: Uint8Array;
}

parentPort!.on('message', (job: Job) => {
  const buf = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  let result;
  try {
    result = checkBody(catalogue[job.operationId], buf, job.limits);
  } catch {
    result = { ok: false, refusal: { code: 'INTERNAL', message: 'Internal error' } };
  }
  parentPort!.postMessage({ id: job.id, result });
});
