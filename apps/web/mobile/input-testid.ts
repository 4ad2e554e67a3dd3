import type { Directive } from 'vue';

/** Puts `data-testid` on the native input inside a Vant field, where end-to-end tests type. */
export const vInputTestid: Directive<HTMLElement, string> = {
  mounted(el, binding) {
    el.querySelector('input, textarea')?.setAttribute('data-testid', binding.value);
  },
};
