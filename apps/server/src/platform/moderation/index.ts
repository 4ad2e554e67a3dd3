// Content moderation: the sensitive-word dictionary (Aho-Corasick, normalised) and
// discrimination rules for job postings.
export {
  moderateText,
  judge,
  listWords,
  addWords,
  updateWord,
  seedSensitiveWords,
  currentMatcher,
  type ModerationResult,
  type WordInput,
  type WordRow,
} from './moderation.service.js';
export { WordMatcher, maskHits, type WordHit, type DictionaryEntry, type WordAction } from './matcher.js';
export { checkDiscrimination, type DiscriminationFinding, type DiscriminationRule } from './discrimination.js';
export { WORD_CATEGORIES, WORD_ACTIONS } from './moderation.schema.js';
