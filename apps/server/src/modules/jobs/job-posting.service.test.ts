import { describe, expect, it } from 'vitest';
import { publishDecision } from './job-posting.service.js';

describe('publish decision', () => {
  it('publishes at once only when clean, verified and auto-publish is on', () => {
    expect(publishDecision('pass', true, true)).toBe('published');
    expect(publishDecision('pass', false, true)).toBe('pending_review');
    expect(publishDecision('pass', true, false)).toBe('pending_review');
    expect(publishDecision('review', true, true)).toBe('pending_review');
  });
});
