import type { Occupation, Region, Station } from '@lingong/contracts';
import type { OccupationRow, RegionRow, StationRow } from './reference.repository.js';

export const presentRegion = (r: RegionRow): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  placeholder: r.placeholder,
});

export const presentOccupation = (o: OccupationRow): Occupation => ({
  id: o.id,
  name: o.name,
  parentId: o.parentId,
  nationalCode: o.nationalCode,
  category: o.isCategory,
  sort: o.sort,
});

export const presentStation = (s: StationRow, townName: string): Station => ({
  id: s.id,
  name: s.name,
  townCode: s.townCode,
  townName,
  address: s.address,
  lng: s.lng,
  lat: s.lat,
  openingHours: s.openingHours,
  contactName: s.contactName,
  contactPhone: s.contactPhone,
  services: s.services,
});
