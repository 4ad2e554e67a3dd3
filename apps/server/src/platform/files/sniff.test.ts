import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasActiveMarkup, imageInfoOf, isExecutable, pdfProblem } from './sniff.js';

const webp = (chunk: string, body: number[]) =>
  Buffer.concat([
    Buffer.from('RIFF\0\0\0\0WEBP', 'latin1'),
    Buffer.from(chunk, 'latin1'),
    Buffer.alloc(4),
    Buffer.from(body),
  ]);

describe('imageInfoOf', () => {
  it('reads the size from PNG, JPEG and the three WebP headers', () => {
    const ihdr = Buffer.alloc(25);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(ihdr);
    ihdr.write('IHDR', 12, 'latin1');
    ihdr.writeUInt32BE(640, 16);
    ihdr.writeUInt32BE(480, 20);
    expect(imageInfoOf(ihdr)).toEqual({ mime: 'image/png', width: 640, height: 480 });
    // JPEG: an APP1 segment first, then SOF2 (progressive).
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe1, 0, 4, 0, 0, 0xff, 0xc2, 0, 11, 8, 0x01, 0xe0, 0x02, 0x80, 1, 1, 0x11, 0,
    ]);
    expect(imageInfoOf(jpeg)).toEqual({ mime: 'image/jpeg', width: 640, height: 480 });
    // VP8: frame tag (3) + start code + 14-bit sizes.
    expect(imageInfoOf(webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]))).toMatchObject({
      width: 640,
      height: 480,
    });
    // VP8L: 0x2f, then width-1 and height-1 in 14 bits each.
    const bits = 639 | (479 << 14);
    expect(
      imageInfoOf(webp('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24])),
    ).toMatchObject({ width: 640, height: 480 });
    // VP8X: flags (4) then 24-bit width-1 and height-1.
    expect(imageInfoOf(webp('VP8X', [0, 0, 0, 0, 0x7f, 0x02, 0, 0xdf, 0x01, 0]))).toMatchObject({
      width: 640,
      height: 480,
    });
  });

  it('refuses headers that are missing, cut short or claim zero pixels', () => {
    expect(imageInfoOf(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull(); // scan before frame
    expect(imageInfoOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(imageInfoOf(webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0, 0, 0, 0]))).toBeNull();
    expect(imageInfoOf(Buffer.from('GIF89a'))).toBeNull();
  });
});

describe('content checks', () => {
  it('finds markup a browser would run, not ordinary XMP metadata', () => {
    expect(hasActiveMarkup(Buffer.from('....<ScRiPt>alert(1)</script>'))).toBe(true);
    expect(hasActiveMarkup(Buffer.from('<svg onload=x>'))).toBe(true);
    expect(hasActiveMarkup(Buffer.from('<!DOCTYPE html>'))).toBe(true);
    expect(hasActiveMarkup(Buffer.from('<?xpacket begin?><x:xmpmeta><rdf:RDF></rdf:RDF></x:xmpmeta>'))).toBe(false);
    expect(hasActiveMarkup(deflateRawSync(Buffer.alloc(10_000, 7)))).toBe(false);
  });

  it('recognises programs and checks PDFs for scripts', () => {
    expect(isExecutable(Buffer.from('MZ\x90\0'))).toBe(true);
    expect(isExecutable(Buffer.from('\x7fELF', 'latin1'))).toBe(true);
    expect(isExecutable(Buffer.from('#!/bin/sh\n'))).toBe(true);
    expect(isExecutable(Buffer.from('PK\x03\x04'))).toBe(false);
    expect(pdfProblem(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj'))).toBeNull();
    expect(pdfProblem(Buffer.from('%PDF-1.7\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'))).toBe(
      'PDF 中含有脚本或附件，不能上传',
    );
    expect(pdfProblem(Buffer.from('<html>'))).toBe('不是 PDF 文件');
  });
});
