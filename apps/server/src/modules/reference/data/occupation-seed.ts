/** Shape of the occupation (工种) seed rows and the small helper the data files use. */

export interface SeedOccupation {
  /** Stable ASCII slug: 'construction' for a category, 'construction.bricklayer' for a trade. */
  key: string;
  /** Chinese name, unique across the whole tree. */
  name: string;
  /** Key of the category, or null for a category. */
  parentKey: string | null;
  /**
   * Code in the 2022 edition of 中华人民共和国职业分类大典 ('6-29-01-01'), filled only where the
   * trade clearly corresponds to one listed occupation and the code is known; otherwise null.
   */
  nationalCode: string | null;
  /** Short Chinese skill words, used for matching and search. Empty for categories. */
  skillTags: string[];
}

/** [slug, name, nationalCode, skillTags] of one trade inside a category. */
export type LeafSpec = readonly [slug: string, name: string, nationalCode: string | null, skillTags: readonly string[]];

/** The category row followed by its trades, keys prefixed with the category key. */
export function defineCategory(key: string, name: string, leaves: readonly LeafSpec[]): SeedOccupation[] {
  return [
    { key, name, parentKey: null, nationalCode: null, skillTags: [] },
    ...leaves.map(([slug, leafName, nationalCode, skillTags]): SeedOccupation => ({
      key: `${key}.${slug}`,
      name: leafName,
      parentKey: key,
      nationalCode,
      skillTags: [...skillTags],
    })),
  ];
}
