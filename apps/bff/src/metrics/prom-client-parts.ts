// prom-client's parts from their own modules, not its index: that one also loads the
// Pushgateway (node:https, node:tls) and the cluster aggregator (node:cluster) at every start.
// prom-client has no "exports" map, so they can be imported one by one, but carry no types of
// their own: each is the class or function the index exports under the same name.
import type * as PromClient from 'prom-client';
// @ts-expect-error -- no types for the module alone (see above)
import counter from 'prom-client/lib/counter.js';
// @ts-expect-error -- no types for the module alone (see above)
import defaultMetrics from 'prom-client/lib/defaultMetrics.js';
// @ts-expect-error -- no types for the module alone (see above)
import gauge from 'prom-client/lib/gauge.js';
// @ts-expect-error -- no types for the module alone (see above)
import histogram from 'prom-client/lib/histogram.js';
// @ts-expect-error -- no types for the module alone (see above)
import registry from 'prom-client/lib/registry.js';

export const Counter = counter as typeof PromClient.Counter;
export const Gauge = gauge as typeof PromClient.Gauge;
export const Histogram = histogram as typeof PromClient.Histogram;
export const Registry = registry as typeof PromClient.Registry;
export type Registry = PromClient.Registry;
export const collectDefaultMetrics = defaultMetrics as typeof PromClient.collectDefaultMetrics;
