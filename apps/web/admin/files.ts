import { ApiError } from '@shared/api';
import { withStepUp } from './step-up';

/**
 * Download a file from an admin endpoint (same-origin cookie) and save it under `fallbackName`;
 * a real-name export asks for the authenticator code first when the server requires a step-up.
 */
export function downloadFile(path: string, fallbackName: string): Promise<void> {
  return withStepUp(() => fetchDownload(path, fallbackName));
}

async function fetchDownload(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { credentials: 'same-origin' });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => undefined);
    const message =
      typeof body === 'object' &&
      body !== null &&
      'error' in body &&
      typeof body.error === 'object' &&
      body.error !== null &&
      'message' in body.error &&
      typeof body.error.message === 'string'
        ? body.error.message
        : '下载失败，请稍后再试';
    const code =
      typeof body === 'object' &&
      body !== null &&
      'error' in body &&
      typeof body.error === 'object' &&
      body.error !== null &&
      'code' in body.error &&
      typeof body.error.code === 'string'
        ? body.error.code
        : `HTTP_${res.status}`;
    throw new ApiError({ code, message, status: res.status });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fallbackName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A picked file's bytes as base64 (for JSON upload bodies). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

/** Read a picked text file (UTF-8). */
export function fileToText(file: File): Promise<string> {
  return file.text();
}
