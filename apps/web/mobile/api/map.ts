/** 地图找活 (mobile): the points of a town (or the county), and the client config (tiles, feature switches). */
import type { ClientConfig, MapPoints } from '@lingong/contracts';
import { api } from '@shared/api';

export const getMapPoints = (town?: string) =>
  api.get<MapPoints>('/api/v1/public/map/points', { town: town || undefined });
export const getClientConfig = () => api.get<ClientConfig>('/api/v1/public/client-config');
