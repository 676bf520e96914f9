import type { Service } from '@dsc/api-types';

export const SERVICES: readonly Service[] = ['dli', 'mrs', 'dws'];

/** Setting that overrides each service's regional endpoint (design.md, "Configuration"). */
export const ENDPOINT_SETTING: Record<Service, 'DLI_ENDPOINT' | 'MRS_ENDPOINT' | 'DWS_ENDPOINT'> = {
  dli: 'DLI_ENDPOINT',
  mrs: 'MRS_ENDPOINT',
  dws: 'DWS_ENDPOINT',
};

const DEFAULT_DOMAIN = 'myhuaweicloud.com';

/**
 * Regions where each service is offered, and the few that live under another domain.
 * Source: the region tables of the provider's SDK (huaweicloud-sdk-python-v3: dli v1, mrs v2,
 * dws v2) as of 2025. A region missing here is not an error by itself: set the
 * `<SERVICE>_ENDPOINT` override for it.
 */
const COMMON_REGIONS = [
  'cn-north-1', 'cn-north-2', 'cn-north-4', 'cn-north-9', 'cn-east-2', 'cn-east-3', 'cn-south-1',
  'cn-southwest-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'af-south-1', 'la-south-2', 'la-north-2', 'na-mexico-1', 'sa-brazil-1', 'tr-west-1', 'me-east-1',
  'eu-west-101', 'ae-ad-1', 'my-kualalumpur-1',
] as const;

const REGIONS: Record<Service, readonly string[]> = {
  dli: [...COMMON_REGIONS, 'eu-west-0', 'ru-northwest-2'],
  mrs: [
    ...COMMON_REGIONS, 'eu-west-0', 'ru-northwest-2', 'ru-moscow-1',
    'cn-south-4', 'cn-east-4', 'cn-east-5', 'cn-north-11', 'cn-north-12', 'cn-southwest-3',
  ],
  dws: [
    ...COMMON_REGIONS, 'ru-moscow-1', 'af-north-1', 'ap-southeast-5',
    'cn-south-4', 'cn-east-4', 'cn-east-5', 'cn-north-11', 'cn-north-12', 'cn-southwest-3',
  ],
};

const OTHER_DOMAINS: Record<Service, Readonly<Record<string, string>>> = {
  dli: { 'eu-west-101': 'myhuaweicloud.eu' },
  mrs: {
    'eu-west-101': 'myhuaweicloud.eu',
    'ap-southeast-1': 'myhuaweicloud.cn',
    'ap-southeast-4': 'myhuaweicloud.cn',
    'ru-northwest-2': 'myhuaweicloud.cn',
  },
  dws: {
    'eu-west-101': 'myhuaweicloud.eu',
    'cn-south-4': 'myhuaweicloud.cn',
    'cn-north-12': 'myhuaweicloud.cn',
    'cn-east-4': 'myhuaweicloud.cn',
    'tr-west-1': 'myhuaweicloud.cn',
    'ap-southeast-4': 'myhuaweicloud.cn',
  },
};

/** `https://{service}.{region}.{domain}`, or undefined when the table does not know the pair. */
export function regionEndpoint(service: Service, region: string): string | undefined {
  if (!REGIONS[service].includes(region)) return undefined;
  const domain = OTHER_DOMAINS[service][region] ?? DEFAULT_DOMAIN;
  return `https://${service}.${region}.${domain}`;
}

export function knownRegions(): string[] {
  return [...new Set(SERVICES.flatMap((s) => REGIONS[s]))].sort();
}

export type Endpoints = Record<Service, string>;

/**
 * Each service's endpoint: its override when given, else the region table's. Returns the
 * services left without one so the caller can name the settings that are missing.
 */
export function resolveEndpoints(
  region: string | undefined,
  overrides: Partial<Record<Service, string>>,
): { endpoints: Endpoints; missing: [] } | { endpoints: undefined; missing: Service[] } {
  const out: Partial<Endpoints> = {};
  const missing: Service[] = [];
  for (const s of SERVICES) {
    const e = overrides[s] ?? (region ? regionEndpoint(s, region) : undefined);
    if (e === undefined) missing.push(s);
    else out[s] = e;
  }
  if (missing.length > 0) return { endpoints: undefined, missing };
  return { endpoints: out as Endpoints, missing: [] };
}
