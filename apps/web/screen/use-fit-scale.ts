import { computed, onBeforeUnmount, onMounted, ref } from 'vue';

/** Scales a fixed-size stage (1920×1080) to fit the window, centred, keeping its aspect ratio. */
export function useFitScale(width: number, height: number) {
  const viewport = ref({ w: window.innerWidth, h: window.innerHeight });
  const update = (): void => {
    viewport.value = { w: window.innerWidth, h: window.innerHeight };
  };
  onMounted(() => window.addEventListener('resize', update));
  onBeforeUnmount(() => window.removeEventListener('resize', update));

  return computed(() => {
    const { w, h } = viewport.value;
    const scale = Math.min(w / width, h / height);
    return {
      width: `${width}px`,
      height: `${height}px`,
      transform: `scale(${scale})`,
      left: `${(w - width * scale) / 2}px`,
      top: `${(h - height * scale) / 2}px`,
    };
  });
}
