/**
 * Masks for presenters. Each keeps null/undefined as null and '' as ''; work is per character
 * (code point), so names with rare CJK characters are not split.
 */

export interface Masker {
  (value: string): string;
  (value: string | null | undefined): string | null;
}

function nullSafe(mask: (chars: string[]) => string): Masker {
  function masked(value: string): string;
  function masked(value: string | null | undefined): string | null;
  function masked(value: string | null | undefined): string | null {
    if (value == null) return null;
    const chars = Array.from(value.trim());
    return chars.length === 0 ? '' : mask(chars);
  }
  return masked;
}

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** '张三' -> '张*', '欧阳娜娜' -> '欧***'; a one-char name is returned as is. */
export const maskName = nullSafe((c) => c.slice(0, 1).join('') + stars(c.length - 1));

/** '13812345678' -> '138****5678'; numbers shorter than 7 chars are fully masked. */
export const maskPhone = nullSafe((c) =>
  c.length < 7 ? stars(c.length) : c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join(''),
);

/** '11010519491231002X' -> '110105********002X'; shorter than 11 chars is fully masked. */
export const maskIdNumber = nullSafe((c) =>
  c.length < 11 ? stars(c.length) : c.slice(0, 6).join('') + stars(c.length - 10) + c.slice(-4).join(''),
);

/** First 6 chars then '****': '广西柳州市鹿寨县中渡镇' -> '广西柳州市鹿****'. */
export const maskAddress = nullSafe((c) => `${c.slice(0, 6).join('')}****`);
