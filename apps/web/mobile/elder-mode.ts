import { ref, watch } from 'vue';

const STORAGE_KEY = 'lingong.elderMode';
const CLASS_NAME = 'elder-mode';

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** 长辈模式: larger text and higher contrast, a class on <html>, remembered on this device. */
export const elderMode = ref(readStored());

export function applyElderMode(): void {
  document.documentElement.classList.toggle(CLASS_NAME, elderMode.value);
}

watch(elderMode, (on) => {
  try {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Private mode: the switch still works for this visit.
  }
  applyElderMode();
});
