import { useCallback, useEffect, useRef, useState } from 'react';
import { HostList } from './host-list.ts';
import { createHostsParser, type HostsParserClient } from './hosts-parser-client.ts';
import type { ReadHosts } from './read-hosts.ts';

/** Typing pauses this long before the text is read again. */
const DEBOUNCE_MS = 250;

export interface HostsParseState {
  reading: boolean;
  result: ReadHosts | null;
  /** The entries of `result` as the form keeps them, with the worker's schema check attached. */
  list: HostList | null;
}

/**
 * Reads hosts text in the background (a worker where available), debounced while the user types;
 * only the newest text's answer is kept.
 */
export function useHostsParse(onResult: (list: HostList, r: ReadHosts) => void) {
  const parser = useRef<HostsParserClient | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onResultRef = useRef(onResult);
  const [state, setState] = useState<HostsParseState>({ reading: false, result: null, list: null });

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
        const list = HostList.checked(result.hosts, result.schemaIssues);
        setState({ reading: false, result, list });
        onResultRef.current(list, result);
      });
    };
    if (immediate) run();
    else timer.current = setTimeout(run, DEBOUNCE_MS);
  }, []);

  /** Forget the text (e.g. when leaving text mode): answers still on their way are dropped. */
  const reset = useCallback(() => {
    latest.current += 1;
    clearTimeout(timer.current);
    setState({ reading: false, result: null, list: null });
  }, []);

  return { ...state, parse, reset };
}
