import { describe, expect, it } from 'vitest';
import { createPdf, pdfToBuffer, qrPng } from './index.js';

describe('pdf', () => {
  it('writes Chinese text with an embedded CJK font and a QR image', async () => {
    const doc = createPdf({ title: '测试' });
    doc.fontSize(16).text('鹿寨县零工市场 工作协议');
    doc.image(await qrPng('https://example.org/v/1'), { width: 80 });
    const pdf = await pdfToBuffer(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/FontFile|\/Type \/Font/);
    expect(raw).toContain('/Subtype /Image');
  });
});
