import { Host, Hosts } from '@dsc/api-types';
import { z } from 'zod';

/** One reason the catalogue's `Hosts` schema refuses a list, at its path inside the list. */
export interface HostListIssue {
  path: (string | number)[];
  message: string;
}

/** The catalogue's `Hosts` schema over a plain list: what the BFF will check again. */
export function hostsSchemaIssues(items: readonly Host[]): HostListIssue[] {
  const r = Hosts.safeParse(items);
  return r.success ? [] : r.error.issues.map(toIssue);
}

function toIssue(issue: z.core.$ZodIssue): HostListIssue {
  return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message };
}

/**
 * The hosts of a form: an immutable list, checked against the catalogue's `Hosts` schema at most
 * once, whose check may have been done elsewhere (the hosts worker checks the lists it reads).
 *
 * A class rather than a `Host[]` because react-hook-form deep-copies plain arrays and objects on
 * every change and again at submit (for..in over every entry): with 20,000 hosts each copy cost
 * 50–240 ms of main thread. Class instances are passed through as they are; the private fields
 * also make its dirty check an identity check instead of a walk over 20,000 entries.
 */
export class HostList {
  static readonly empty = new HostList([], []);

  readonly #items: readonly Host[];
  #issues: readonly HostListIssue[] | undefined;

  private constructor(items: readonly Host[], issues: readonly HostListIssue[] | undefined) {
    this.#items = items;
    this.#issues = issues;
  }

  /** A list whose schema check is still to be done (typed rows, a connection's current hosts). */
  static of(items: readonly Host[]): HostList {
    return items.length === 0 ? HostList.empty : new HostList(items, undefined);
  }

  /**
   * A list already checked against `Hosts` (in the worker, which ran `hostsSchemaIssues` on exactly
   * these entries before posting them): its issues are taken as they came, not computed again.
   */
  static checked(items: readonly Host[], issues: readonly HostListIssue[]): HostList {
    return new HostList(items, issues);
  }

  get items(): readonly Host[] {
    return this.#items;
  }

  get length(): number {
    return this.#items.length;
  }

  /** A copy the caller may keep or send (shallow: the entries themselves are never changed). */
  toArray(): Host[] {
    return this.#items.slice();
  }

  /** The same entries in the same order (names and addresses as typed). */
  equals(other: HostList): boolean {
    if (other === this) return true;
    const a = this.#items;
    const b = other.#items;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i]!.name !== b[i]!.name || a[i]!.ip !== b[i]!.ip) return false;
    }
    return true;
  }

  /** Why the schema refuses the list (empty when it accepts it); computed once per list. */
  issues(): readonly HostListIssue[] {
    this.#issues ??= hostsSchemaIssues(this.#items);
    return this.#issues;
  }

  /** Entry `index` replaced; when this list's issues are known, only that entry is checked again. */
  with(index: number, host: Host): HostList {
    const items = this.#items.slice();
    items[index] = host;
    const known = this.#issues;
    if (known === undefined) return new HostList(items, undefined);
    const r = Host.safeParse(host);
    const own = r.success ? [] : r.error.issues.map(toIssue).map((i) => ({ ...i, path: [index, ...i.path] }));
    // Entry issues carry their index first; list-wide ones (too many entries) do not change with
    // the length unchanged.
    return new HostList(items, [...known.filter((i) => i.path[0] !== index), ...own]);
  }

  /** Entry `index` removed; a valid list stays valid (the schema bounds the length from above only). */
  without(index: number): HostList {
    const items = this.#items.filter((_, i) => i !== index);
    if (items.length === 0) return HostList.empty;
    return new HostList(items, this.#issues?.length === 0 ? [] : undefined);
  }

  /** One more entry at the end (checked with the rest when the form asks). */
  append(host: Host): HostList {
    return new HostList([...this.#items, host], undefined);
  }
}

/**
 * The form's `hosts` field: a HostList, refused with the catalogue schema's own messages at their
 * paths (`hosts.3.ip`), so a resolver places them on their rows exactly as for a plain list.
 */
export const hostListField = z
  .custom<HostList>((v) => v instanceof HostList, 'is not a list of hosts')
  .superRefine((list, ctx) => {
    for (const issue of list.issues()) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
