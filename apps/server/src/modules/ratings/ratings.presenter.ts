import type { RatingView } from '@lingong/contracts';
import type { RatingRow } from './ratings.repository.js';

/** A rating as the parties see it: the comment only once clean or approved by staff. */
export function presentRating(row: RatingRow): RatingView {
  const commentShown = row.reviewStatus === 'clean' || row.reviewStatus === 'approved';
  return {
    id: row.id,
    raterSide: row.raterSide,
    stars: row.stars,
    tags: row.tags,
    comment: commentShown ? row.comment : '',
    createdAt: row.createdAt.toISOString(),
  };
}

/** The reviewer's view: everything, with the words that flagged it. */
export function presentAdminRating(row: RatingRow, names: { jobTitle: string; rateeName: string }) {
  return {
    id: row.id,
    applicationId: row.applicationId,
    jobTitle: names.jobTitle,
    raterSide: row.raterSide,
    rateeName: names.rateeName,
    stars: row.stars,
    tags: row.tags,
    comment: row.comment,
    hits: row.reviewHits,
    reviewStatus: row.reviewStatus,
    reviewReason: row.reviewReason,
    regionCode: row.regionCode,
    createdAt: row.createdAt.toISOString(),
  };
}
