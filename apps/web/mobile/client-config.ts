import type { ClientConfig } from '@lingong/contracts';
import { getClientConfig } from './api/map';

const FALLBACK: ClientConfig = {
  map: { tileUrl: null, attribution: '', center: [24.4727, 109.7505], zoom: 10 },
  features: { mapView: true, voiceReadAloud: true, elderMode: true },
};
let pending: Promise<ClientConfig> | null = null;

/** Tiles and feature switches, fetched once per page load; the built-in values when offline. */
export function loadClientConfig(): Promise<ClientConfig> {
  pending ??= getClientConfig().catch(() => {
    pending = null;
    return FALLBACK;
  });
  return pending;
}
