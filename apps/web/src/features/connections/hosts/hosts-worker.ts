// Runs parseHosts off the main thread: 20,000 lines stay typeable while they are checked.
import { parseHosts, type ParsedHosts } from './parse-hosts.ts';

export interface HostsWorkerRequest {
  id: number;
  text: string;
}
export interface HostsWorkerResponse {
  id: number;
  result: ParsedHosts;
}

// The app's tsconfig has DOM types, not WebWorker ones: describe the little of the scope used.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HostsWorkerRequest>) => void) | null;
  postMessage: (message: HostsWorkerResponse) => void;
};

scope.onmessage = (e) => {
  scope.postMessage({ id: e.data.id, result: parseHosts(e.data.text) });
};
