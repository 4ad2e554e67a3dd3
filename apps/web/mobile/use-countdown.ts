import { onBeforeUnmount, ref } from 'vue';

/** A seconds countdown (获取验证码 cooldown); `remaining` is 0 when idle. */
export function useCountdown() {
  const remaining = ref(0);
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop(): void {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    remaining.value = 0;
  }

  function start(seconds: number): void {
    stop();
    const endsAt = Date.now() + seconds * 1000;
    remaining.value = seconds;
    timer = setInterval(() => {
      remaining.value = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      if (remaining.value === 0) stop();
    }, 250);
  }

  onBeforeUnmount(stop);
  return { remaining, start, stop };
}
