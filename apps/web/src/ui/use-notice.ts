import { useRef, useState } from 'react';

/**
 * The last write a section reports (for ActionNotice), numbered: the same words said twice get a
 * new `id`, so the live region announces them again.
 */
export function useNotice<T extends object>() {
  const [notice, setNotice] = useState<(T & { id: number }) | null>(null);
  const count = useRef(0);
  const say = (value: T) => setNotice({ ...value, id: ++count.current });
  const clear = () => setNotice(null);
  return [notice, say, clear] as const;
}
