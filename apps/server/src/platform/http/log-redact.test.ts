import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redact.js';

describe('redactUrl', () => {
  it('keeps the path and the parameter names, never the values', () => {
    expect(redactUrl('/api/v1/public/dev/sms/latest?phone=13800000001')).toBe('/api/v1/public/dev/sms/latest?phone=…');
    expect(redactUrl('/api/v1/admin/workers?q=%E5%BC%A0&page=2')).toBe('/api/v1/admin/workers?q=…&page=…');
    expect(redactUrl('/api/v1/admin/me')).toBe('/api/v1/admin/me');
  });
});
