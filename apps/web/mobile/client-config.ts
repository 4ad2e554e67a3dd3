import type { ClientConfig } from '@lingong/contracts';
import { api } from '@shared/api';

const FALLBACK: ClientConfig = {
  map: { tileUrl: null, attribution: '', center: [24.4727, 109.7505], zoom: 10 },
  features: { mapView: true, voiceReadAloud: true, elderMode: true },
};
let pending: Promise<ClientConfig> | null = null;

/** Tiles and feature switches, fetched once per page load; the built-in values when offline. */
export function loadClientConfig(): Promise<ClientConfig> {
  pending ??= api.get<ClientConfig>('/api/v1/public/client-config').catch(() => {
    pending = null;
    return FALLBACK;
  });
  return pending;
}
