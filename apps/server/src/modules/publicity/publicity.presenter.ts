import type { PublicityItem } from '@lingong/contracts';
import type { PublicityListRow } from './publicity.repository.js';

export function presentItem(r: PublicityListRow, regionNames: Map<string, string>): PublicityItem {
  const i = r.item;
  return {
    id: i.id,
    kind: i.kind,
    quality: i.quality,
    channel: i.channel,
    title: i.title,
    link: i.link,
    fileId: i.fileId,
    publishedOn: i.publishedOn,
    reach: i.reach,
    regionCode: i.regionCode,
    regionName: regionNames.get(i.regionCode) ?? i.regionCode,
    note: i.note,
    recorderName: r.recorderName,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
