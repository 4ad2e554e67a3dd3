/**
 * Text normalisation for matching: full-width to half-width, lower case, and every space or
 * symbol dropped, so that "加 微-信" and "加ｗｅｉ信" still match. Keeps a map from each normalised
 * character back to its position in the original text.
 */
export type Normalized = { text: string; origin: number[] };

const KEEP = /[\p{L}\p{N}]/u;

export function normalizeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x3000) return ' ';
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0).toLowerCase();
  return ch.toLowerCase();
}

export function normalizeText(input: string): Normalized {
  const out: string[] = [];
  const origin: number[] = [];
  let i = 0;
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    // Fast paths: CJK ideographs and ASCII letters/digits (most of every posting).
    if (code >= 0x4e00 && code <= 0x9fff) {
      out.push(ch);
      origin.push(i);
    } else if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) {
      out.push(ch);
      origin.push(i);
    } else if (code >= 65 && code <= 90) {
      out.push(String.fromCharCode(code + 32));
      origin.push(i);
    } else if (code > 127) {
      const n = normalizeChar(ch);
      if (KEEP.test(n)) {
        out.push(n);
        origin.push(i);
      }
    }
    i += ch.length;
  }
  return { text: out.join(''), origin };
}

/** The normalised form of a dictionary word (what the matcher stores). */
export function normalizeWord(word: string): string {
  return normalizeText(word).text;
}

const DASHES = new Set(['-', '~', '—', '–', '－', '～', '〜', '﹣', '―']);

/**
 * Normalisation for the phrase rules: like normalizeText (full-width folded, lower case, spaces
 * and symbols dropped, so "只 要 女 性" reads 只要女性), except that a dash between two digits is
 * kept as '-' (an age range "18 ~ 45岁" stays 18-45岁, and 0800-1700 never reads as one number).
 * `origin[i]` is the UTF-16 offset in the input of normalised unit i.
 */
export function normalizeForRules(input: string): Normalized {
  const out: string[] = [];
  const origin: number[] = [];
  let pendingDash = -1;
  let i = 0;
  for (const ch of input) {
    const n = normalizeChar(ch);
    if (KEEP.test(n)) {
      const digit = n >= '0' && n <= '9';
      if (pendingDash >= 0 && digit) {
        out.push('-');
        origin.push(pendingDash);
      }
      pendingDash = -1;
      for (let k = 0; k < n.length; k++) {
        out.push(n[k] ?? '');
        origin.push(i);
      }
    } else if (DASHES.has(ch) && /[0-9]$/.test(out[out.length - 1] ?? '')) {
      pendingDash = i;
    } else if (!/\s/.test(ch)) {
      pendingDash = -1;
    }
    i += ch.length;
  }
  return { text: out.join(''), origin };
}
