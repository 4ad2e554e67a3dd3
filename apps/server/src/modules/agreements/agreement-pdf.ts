import { createPdf, pdfToBuffer, qrPng } from '../../platform/pdf/index.js';
import { AGREEMENT_STATUS_LABELS } from '@lingong/contracts';
import type { AgreementRow } from './agreements.repository.js';
import { verifyPath } from './agreements.presenter.js';
import { shanghaiMinuteOf } from '../../platform/reporting/shanghai-time.js';

const shanghai = (d: Date | null) => (d ? `${shanghaiMinuteOf(d)}（北京时间）` : '未签署');

/** The agreement as an A4 PDF: frozen text, number, SM3 hash, signing times and a verify QR. */
export async function renderAgreementPdf(row: AgreementRow, text: string, origin: string): Promise<Buffer> {
  const doc = createPdf({ title: `${row.title} ${row.number}` });
  const verifyUrl = `${origin}${verifyPath(row)}`;
  doc.fontSize(18).text(row.title, { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(10)
    .fillColor('#555')
    .text(`协议编号：${row.number}    状态：${AGREEMENT_STATUS_LABELS[row.status]}`, { align: 'center' });
  doc.moveDown().fillColor('#000').fontSize(11);
  const body = text.split('\n').slice(1).join('\n').trim();
  doc.text(body, { lineGap: 4 });
  doc.moveDown();
  doc.fontSize(10).text(`甲方签署时间：${shanghai(row.employerSignedAt)}`);
  doc.text(`乙方签署时间：${shanghai(row.workerSignedAt)}`);
  doc.text('签署方式：平台短信验证码确认 + 勾选同意');
  doc.moveDown(0.5).text(`文本SM3摘要：${row.textHash}`);
  doc.moveDown(0.5).text(`扫码或访问以下地址核验：${verifyUrl}`);
  doc.image(await qrPng(verifyUrl, 200), { width: 110 });
  return pdfToBuffer(doc);
}
