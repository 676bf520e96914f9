import type * as ReactVirtual from '@tanstack/react-virtual';
import { useEffect, useState } from 'react';

export type VirtualModule = typeof ReactVirtual;

let loaded: VirtualModule | undefined;
let loading: Promise<VirtualModule> | undefined;

/**
 * @tanstack/react-virtual, imported the first time a list is long enough to be virtualised: a
 * page of the default size never is, and the module is a tenth of the list's first paint
 * (issue 17). undefined until it has arrived; a failed load is thrown to the error boundary and
 * tried again the next time.
 */
export function useVirtualModule(wanted: boolean): VirtualModule | undefined {
  const [module, setModule] = useState(loaded);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    loading ??= import('@tanstack/react-virtual').then((m) => (loaded = m));
    loading.then(
      (m) => live && setModule(m),
      (e: unknown) => {
        loading = undefined;
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, module]);
  if (error !== undefined) throw error;
  return module;
}
