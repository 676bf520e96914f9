/** Deterministic host entries for the signing and host-editor benchmarks (valid per the catalogue). */
export interface HostEntry {
  name: string;
  ip: string;
}

export function hostEntries(count: number): HostEntry[] {
  return Array.from({ length: count }, (_, i) => {
    // Last octet 1–254: no network or broadcast-looking addresses.
    const n = Math.floor(i / 254) * 256 + (i % 254) + 1;
    return {
      name: `host-${String(i + 1).padStart(5, '0')}.dc${(i % 7) + 1}.example.internal`,
      ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    };
  });
}

/** The editor's paste format: one "ip name" pair per line, as an /etc/hosts file has them. */
export function hostLines(count: number): string {
  return hostEntries(count)
    .map((h) => `${h.ip} ${h.name}`)
    .join('\n');
}

export function createBody(hosts: number): Record<string, unknown> {
  return {
    name: 'bench_large_hosts',
    dest_vpc_id: '2d3a5ae1-6e3b-4b0c-9f3e-8b1f5f0c1a01',
    dest_network_id: '7c1e4f5a-2b8d-4c6e-a0f3-9d2b6e8c4a10',
    queues: ['dedicated_sql_01'],
    hosts: hostEntries(hosts),
  };
}
