import { useEffect, useRef, useState } from 'react';

export const FILTER_DEBOUNCE_MS = 300;

/**
 * A text-like filter typed locally and written to the URL after a pause. A change of the URL
 * from elsewhere (Back/Forward, reset, a pasted link) replaces the draft; the URL catching up with
 * what this hook wrote does not, so nothing typed in the meantime is lost.
 */
export function useUrlDraft<T>({
  urlValue,
  serialise,
  fromUrl,
  commit,
}: {
  /** The applied value as the URL has it ('' for none). */
  urlValue: string;
  /** The draft as it would be written, or undefined while it cannot be applied. */
  serialise: (draft: T) => string | undefined;
  fromUrl: (urlValue: string) => T;
  commit: (value: string) => void;
}) {
  const [draft, setDraft] = useState<T>(() => fromUrl(urlValue));
  const written = useRef(urlValue);
  const latest = useRef({ serialise, fromUrl, commit });
  latest.current = { serialise, fromUrl, commit };

  useEffect(() => {
    if (urlValue === written.current) return;
    written.current = urlValue;
    setDraft(latest.current.fromUrl(urlValue));
  }, [urlValue]);

  const pending = serialise(draft);
  useEffect(() => {
    if (pending === undefined || pending === written.current) return;
    const timer = setTimeout(() => {
      if (pending === written.current) return; // already applied with Enter
      written.current = pending;
      latest.current.commit(pending);
    }, FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  /** Apply now (Enter), skipping the pause. */
  const flush = () => {
    if (pending === undefined || pending === written.current) return;
    written.current = pending;
    commit(pending);
  };

  return { draft, setDraft, flush };
}
