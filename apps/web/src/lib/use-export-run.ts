import { useEffect, useRef, useState } from 'react';

/** What an export said last: `rows` written, of `total` matched when the export was capped. */
export type ExportRunState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; rows: number; total: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

/**
 * The life of one CSV export, shared by the connections, fleet and audit exports: `run` fetches
 * and builds the file (checking the signal between steps) and returns what it wrote; Cancel
 * aborts it, and leaving the page does too.
 */
export function useExportRun(
  run: (signal: AbortSignal) => Promise<{ rows: number; total?: number } | undefined>,
) {
  const [state, setState] = useState<ExportRunState>({ phase: 'idle' });
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setState({ phase: 'running' });
    try {
      const written = await run(ac.signal);
      if (ac.signal.aborted || !written) return;
      setState({ phase: 'done', rows: written.rows, total: written.total ?? written.rows });
    } catch (e) {
      // Cancel has already said so; a late rejection of the aborted request changes nothing.
      if (!ac.signal.aborted) setState({ phase: 'failed', error: e });
    }
  };
  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'cancelled' });
  };
  return { state, start, cancel };
}
