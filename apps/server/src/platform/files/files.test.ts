import { describe, expect, it } from 'vitest';
import { imageMimeOf } from './files.js';

describe('image type by magic bytes', () => {
  it('recognises JPEG, PNG and WebP and refuses the rest', () => {
    expect(imageMimeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(imageMimeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageMimeOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(imageMimeOf(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(imageMimeOf(Buffer.from('%PDF-1.4'))).toBeNull();
  });
});
