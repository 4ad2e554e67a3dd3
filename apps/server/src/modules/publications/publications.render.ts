// Channel renderings: the A4 poster (PDF with a QR code to the mobile page) and the WeChat
// article (self-contained HTML, inline styles only, every user text escaped).
import { createPdf, pdfToBuffer, qrPng } from '../../platform/pdf/index.js';
import type { PublicationRow } from './publications.repository.js';
import { shanghaiDay } from '../../platform/reporting/shanghai-time.js';

export const KIND_LABELS: Record<PublicationRow['kind'], string> = {
  announcement: '公告',
  policy: '政策',
  job_bulletin: '岗位快讯',
};

/** The mobile page of an item (the QR target). */
export const mobileUrl = (origin: string, id: string) => `${origin.replace(/\/+$/, '')}/notices/${id}`;

const chineseDay = (d: Date | null) => {
  const s = shanghaiDay(d ?? new Date());
  return `${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
};

/** A4 poster: kind, title, summary, body (clipped to the page), open jobs, QR code and footer. */
export async function renderPoster(row: PublicationRow, jobs: { title: string }[], url: string): Promise<Buffer> {
  const doc = createPdf({ title: row.title });
  const width = doc.page.width - 112;
  doc.fillColor('#c0392b').fontSize(16).text(`鹿寨县零工市场 · ${KIND_LABELS[row.kind]}`, { align: 'center', width });
  doc.moveDown(0.6).fillColor('#111111').fontSize(30).text(row.title, { align: 'center', width });
  if (row.summary) doc.moveDown(0.5).fillColor('#444444').fontSize(16).text(row.summary, { align: 'center', width });
  // Everything above the QR block: the body gets what the header and job list leave over.
  const size = 150;
  const qrTop = doc.page.height - 56 - size - 40;
  const shown = jobs.slice(0, 8);
  const jobsHeight = shown.length ? 30 + shown.length * 21 : 0;
  doc.moveDown(1);
  const bodyHeight = Math.max(40, qrTop - 16 - doc.y - jobsHeight);
  doc.fillColor('#222222').fontSize(14).text(row.body, { width, height: bodyHeight, ellipsis: '…', lineGap: 4 });
  if (shown.length) {
    doc.moveDown(0.8).fillColor('#c0392b').fontSize(16).text('招聘岗位', { width });
    doc.fillColor('#222222').fontSize(14);
    for (const j of shown) doc.text(`· ${j.title}`, { width, lineBreak: false, ellipsis: '…', height: 20 });
  }
  const qr = await qrPng(url, 300);
  doc.image(qr, (doc.page.width - size) / 2, qrTop, { width: size, height: size });
  doc
    .fillColor('#444444')
    .fontSize(12)
    .text('微信扫码查看详情、报名', 56, qrTop + size + 6, { align: 'center', width, lineBreak: false });
  doc.fontSize(10).text(`鹿寨县零工市场 · ${chineseDay(row.publishedAt)}`, 56, qrTop + size + 24, {
    align: 'center',
    width,
    lineBreak: false,
  });
  return pdfToBuffer(doc);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** WeChat article: paragraphs from the body's lines; no scripts, no external resources. */
export function renderWechatHtml(row: PublicationRow, jobs: { title: string }[], url: string): string {
  const paragraphs = row.body
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(
      (l) =>
        `<p style="margin:0 0 16px;font-size:16px;line-height:1.8;color:#333;text-indent:2em;">${escapeHtml(l)}</p>`,
    )
    .join('\n');
  const jobList = jobs.length
    ? `<section style="margin:24px 0;padding:12px 16px;background:#fdf2f0;border-left:4px solid #c0392b;"><p style="margin:0 0 8px;font-size:17px;font-weight:bold;color:#c0392b;">招聘岗位</p>${jobs.map((j) => `<p style="margin:0 0 6px;font-size:16px;color:#333;">· ${escapeHtml(j.title)}</p>`).join('')}</section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(row.title)}</title></head>
<body style="margin:0;padding:0;background:#fff;">
<article style="max-width:640px;margin:0 auto;padding:20px 16px;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;">
<p style="margin:0 0 8px;font-size:14px;color:#c0392b;">鹿寨县零工市场 · ${KIND_LABELS[row.kind]}</p>
<h1 style="margin:0 0 12px;font-size:22px;line-height:1.4;color:#111;">${escapeHtml(row.title)}</h1>
<p style="margin:0 0 20px;font-size:13px;color:#999;">${chineseDay(row.publishedAt)}</p>
${row.summary ? `<blockquote style="margin:0 0 20px;padding:10px 14px;background:#f7f7f7;border-left:3px solid #ccc;font-size:15px;color:#666;">${escapeHtml(row.summary)}</blockquote>` : ''}
${paragraphs}
${jobList}
<p style="margin:24px 0 0;font-size:14px;color:#666;">详情与报名：<a href="${escapeHtml(url)}" style="color:#1a73e8;">${escapeHtml(url)}</a></p>
</article>
</body></html>
`;
}
