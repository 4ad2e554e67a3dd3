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
export {
  checkDiscrimination,
  findAgeReasons,
  type DiscriminationFinding,
  type DiscriminationRule,
  type RuleOptions,
  type Span,
} from './discrimination.js';
export { RULE_CATEGORIES, RULE_CODES, type RuleCode } from './rule-catalog.js';
export { WORD_CATEGORIES, WORD_ACTIONS } from './moderation.schema.js';
