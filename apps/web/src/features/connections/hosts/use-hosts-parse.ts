import { useCallback, useEffect, useRef, useState } from 'react';
import { createHostsParser, type HostsParserClient } from './hosts-parser-client.ts';
import type { ParsedHosts } from './parse-hosts.ts';

/** Typing pauses this long before the text is read again. */
const DEBOUNCE_MS = 250;

export interface HostsParseState {
  reading: boolean;
  result: ParsedHosts | null;
}

/**
 * Reads hosts text in the background (a worker where available), debounced while the user types;
 * only the newest text's answer is kept.
 */
export function useHostsParse(onResult: (r: ParsedHosts) => void) {
  const parser = useRef<HostsParserClient | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onResultRef = useRef(onResult);
  const [state, setState] = useState<HostsParseState>({ reading: false, result: null });

  useEffect(() => {
    onResultRef.current = onResult;
  });

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      parser.current?.dispose();
      parser.current = null;
    },
    [],
  );

  const parse = useCallback((text: string, immediate = false) => {
    const id = ++latest.current;
    clearTimeout(timer.current);
    setState((s) => ({ ...s, reading: true }));
    const run = () => {
      parser.current ??= createHostsParser();
      void parser.current.parse(text).then((result) => {
        if (id !== latest.current) return;
        setState({ reading: false, result });
        onResultRef.current(result);
      });
    };
    if (immediate) run();
    else timer.current = setTimeout(run, DEBOUNCE_MS);
  }, []);

  /** Forget the text (e.g. when leaving text mode): answers still on their way are dropped. */
  const reset = useCallback(() => {
    latest.current += 1;
    clearTimeout(timer.current);
    setState({ reading: false, result: null });
  }, []);

  return { ...state, parse, reset };
}
