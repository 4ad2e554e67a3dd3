import { maskIdNumber, maskName, maskPhone } from '../crypto/index.js';
import type { Pii } from '../pii.js';

/**
 * How personal fields leave the server: masked for every list, in full only for an export a
 * permitted staff member asked for (and which is audited).
 */
export type Reveal = {
  name(enc: string | null): string;
  idNumber(enc: string | null): string | null;
  phone(enc: string | null): string | null;
  /** A private person's employer name is personal data; businesses show in full. */
  employer(name: string | null, kind: string | null): string | null;
};

const PRIVATE_SUFFIX = '（个人雇主）';

/** '韦大勇（个人雇主）' -> '韦**（个人雇主）'; other employers unchanged. */
export function maskEmployerName(name: string, kind: string | null): string {
  if (kind !== 'private_person') return name;
  return `${maskName(name.replace(PRIVATE_SUFFIX, '').replace(/·\d+$/, ''))}${PRIVATE_SUFFIX}`;
}

export function revealer(pii: Pii, full: boolean): Reveal {
  const plain = (enc: string | null) => (enc ? pii.decrypt(enc) : null);
  if (full) return { name: (enc) => plain(enc) ?? '', idNumber: plain, phone: plain, employer: (name) => name };
  return {
    name: (enc) => maskName(plain(enc)) ?? '',
    idNumber: (enc) => maskIdNumber(plain(enc)),
    phone: (enc) => maskPhone(plain(enc)),
    employer: (name, kind) => (name === null ? null : maskEmployerName(name, kind)),
  };
}
