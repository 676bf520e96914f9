import { hostsSchemaIssues, type HostListIssue } from './host-list.ts';
import { parseHosts, type ParsedHosts } from './parse-hosts.ts';

/** Hosts text read line by line, and the entries it yields checked by the catalogue's schema. */
export interface ReadHosts extends ParsedHosts {
  /** `Hosts` schema issues of `hosts` (empty when the BFF will accept them as they are). */
  schemaIssues: HostListIssue[];
}

/**
 * What the hosts worker does with a text: the line-by-line reading (problems tied to lines) and
 * then the catalogue's own `Hosts` schema over the result, so the form can send these entries
 * without checking 20,000 of them again on the main thread.
 */
export function readHosts(text: string): ReadHosts {
  const parsed = parseHosts(text);
  return { ...parsed, schemaIssues: hostsSchemaIssues(parsed.hosts) };
}
