import { onBeforeUnmount, ref } from 'vue';

/**
 * 朗读: reads a text aloud with the browser's speech synthesis (zh-CN, a little slower than
 * normal). `supported` is false where the browser has no speech synthesis.
 */
export function useReadAloud() {
  const supported =
    typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
  const speaking = ref(false);

  function stop(): void {
    if (!supported) return;
    window.speechSynthesis.cancel();
    speaking.value = false;
  }

  function speak(text: string): void {
    if (!supported) return;
    stop();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('zh'));
    if (voice) utterance.voice = voice;
    utterance.onend = () => (speaking.value = false);
    utterance.onerror = () => (speaking.value = false);
    speaking.value = true;
    window.speechSynthesis.speak(utterance);
  }

  function toggle(text: string): void {
    if (speaking.value) stop();
    else speak(text);
  }

  onBeforeUnmount(stop);
  return { supported, speaking, speak, stop, toggle };
}
