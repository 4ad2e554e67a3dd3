import type { Delivery, RecruitmentEvent } from '@lingong/contracts';
import type { ConfirmationRow, DeliveryRow, EventRow } from './events.repository.js';

type EventEmployer = { eventId: string; employerId: string; employerName: string | null; jobIds: string[] };

export function presentEvent(r: EventRow, employers: EventEmployer[], attendees: number): RecruitmentEvent {
  return {
    id: r.id,
    kind: r.kind,
    stationKind: r.stationKind,
    title: r.title,
    heldAt: r.heldAt.toISOString(),
    place: r.place,
    platform: r.platform,
    link: r.link,
    regionCode: r.regionCode,
    intentions: r.intentions,
    hires: r.hires,
    employers: employers
      .filter((e) => e.eventId === r.id)
      .map((e) => ({ employerId: e.employerId, employerName: e.employerName, jobIds: e.jobIds })),
    attendees,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentDelivery(
  d: DeliveryRow,
  employerName: string | null,
  confirmations: ConfirmationRow[],
): Delivery {
  const own = confirmations.filter((c) => c.deliveryId === d.id);
  return {
    id: d.id,
    employerId: d.employerId,
    employerName,
    sender: d.sender,
    deliveredOn: d.deliveredOn,
    workerIds: d.workerIds,
    workerCount: d.workerIds.length,
    regionCode: d.regionCode,
    note: d.note,
    confirmations: own.map((c) => ({
      party: c.party,
      confirmedCount: c.confirmedCount,
      confirmer: c.confirmer,
      discrepancy: c.discrepancy !== 0,
      note: c.note,
      confirmedAt: c.confirmedAt.toISOString(),
    })),
    settled: own.length === 3 && own.every((c) => c.discrepancy === 0),
    hasDiscrepancy: own.some((c) => c.discrepancy !== 0),
    createdAt: d.createdAt.toISOString(),
  };
}
