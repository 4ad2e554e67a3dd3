// Layout checks evaluated inside the page. Kept as source text: page.evaluate of a compiled
// function breaks when the test transpiler wraps inner functions with helpers.

/** What OVERFLOW_REPORT returns. */
export interface OverflowReport {
  scrollWidth: number;
  clientWidth: number;
  /** Outermost visible elements sticking out left or right of the viewport (not inside a clipping box). */
  offenders: string[];
  /** Text cut off at the edge of a box that hides overflow without an ellipsis (half a word shown). */
  clipped: string[];
}

const DESCRIBE = `
  const describe = (el) => {
    const one = (e) => {
      let s = e.tagName.toLowerCase();
      if (e.id) s += '#' + e.id;
      const cls = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean).slice(0, 3) : [];
      if (cls.length) s += '.' + cls.join('.');
      const tid = e.getAttribute('data-testid');
      if (tid) s += '[data-testid="' + tid + '"]';
      return s;
    };
    return (el.parentElement && el.parentElement !== document.body ? one(el.parentElement) + ' > ' : '') + one(el);
  };
`;

/** `page.evaluate(OVERFLOW_REPORT)` → {@link OverflowReport}. */
export const OVERFLOW_REPORT = `(() => {
  ${DESCRIBE}
  const root = document.documentElement;
  const vw = root.clientWidth;
  const insideClip = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const sticksOut = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    // Zero-height and invisible boxes still widen the page: only empty width is skipped.
    if (r.width === 0 || getComputedStyle(el).display === 'contents') continue;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !insideClip(el)) sticksOut.add(el);
  }
  const offenders = [...sticksOut]
    .filter((el) => !sticksOut.has(el.parentElement))
    .slice(0, 8)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return describe(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']';
    });
  // Nothing found by boxes (a pseudo-element or a transform): hide subtrees to find the one that
  // widens the page, descending to the smallest element.
  if (!offenders.length && root.scrollWidth > vw) {
    let at = document.body;
    for (;;) {
      const culprit = [...at.children].find((c) => {
        const before = c.style.getPropertyValue('display');
        c.style.setProperty('display', 'none', 'important');
        const fits = root.scrollWidth <= vw;
        c.style.setProperty('display', before);
        return fits;
      });
      if (!culprit) break;
      at = culprit;
    }
    if (at !== document.body) offenders.push(describe(at) + ' (its pseudo-element or transform)');
  }
  const clipped = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && clipped.length < 8; n = walker.nextNode()) {
    if (!n.textContent.trim() || !n.parentElement) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const t = range.getBoundingClientRect();
    if (t.width === 0) continue;
    let box = n.parentElement;
    while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    if (!box || box === document.body) continue;
    const cs = getComputedStyle(box);
    if (cs.textOverflow === 'ellipsis' || cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
    const b = box.getBoundingClientRect();
    const inner = { left: b.left + box.clientLeft, right: b.left + box.clientLeft + box.clientWidth };
    // Straddling the edge: partly shown (a slide wholly outside its swipe box is just off stage).
    const cut = (t.right > inner.right + 1 && t.left < inner.right) || (t.left < inner.left - 1 && t.right > inner.left);
    if (cut) clipped.push(describe(n.parentElement) + ' "' + n.textContent.trim().slice(0, 16) + '"');
  }
  return { scrollWidth: root.scrollWidth, clientWidth: vw, offenders, clipped };
})()`;

/**
 * `page.evaluate(CONTRAST_FAILURES)` → one line per visible text whose WCAG contrast against the
 * background it sits on is under 4.5:1 (3:1 for large text: ≥ 24px, or ≥ 18.66px bold). Disabled
 * controls are exempt (WCAG 1.4.3); text over an image is skipped (no single background colour).
 */
export const CONTRAST_FAILURES = `(() => {
  ${DESCRIBE}
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((k) => top[k] * top[3] + bottom[k] * (1 - top[3])).concat(1);
  const lum = (c) => {
    const ch = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const background = (el) => {
    const layers = [];
    let opacity = 1;
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      opacity *= Number(s.opacity);
      if (s.backgroundImage !== 'none') return null;
      const bg = parse(s.backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    let out = [255, 255, 255, 1];
    for (const l of layers.reverse()) out = over(l, out);
    return { color: out, opacity };
  };
  const failures = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    const el = n.parentElement;
    if (!text || !el) continue;
    if (el.closest('[disabled], [aria-disabled="true"], .van-button--disabled, .van-field--disabled, .van-checkbox--disabled, .van-radio--disabled, .van-picker, .van-calendar, [aria-hidden="true"]')) continue;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
    const fg = parse(s.color);
    const bg = background(el);
    if (!fg || !bg) continue;
    const ink = over([fg[0], fg[1], fg[2], fg[3] * bg.opacity], bg.color);
    const [a, b] = [lum(ink), lum(bg.color)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    if (ratio + 0.005 >= need) continue;
    const key = describe(el) + s.color + bg.color.join();
    if (seen.has(key)) continue;
    seen.add(key);
    failures.push(
      ratio.toFixed(2) + ' < ' + need + ' "' + text.slice(0, 16) + '" ' + describe(el) + ' ' + s.color +
        ' on rgb(' + bg.color.slice(0, 3).map(Math.round).join(',') + ') ' + size + 'px',
    );
  }
  return failures;
})()`;
