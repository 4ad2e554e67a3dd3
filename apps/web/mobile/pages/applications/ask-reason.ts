import { h, ref } from 'vue';
import { Field, showConfirmDialog, showFailToast } from 'vant';

/**
 * Ask for a reason (2-200 characters) in a dialog; resolves to the trimmed text, or null when
 * the user cancels or leaves it too short.
 */
export async function askReason(title: string, placeholder: string): Promise<string | null> {
  const text = ref('');
  try {
    await showConfirmDialog({
      title,
      message: () =>
        h(Field, {
          modelValue: text.value,
          'onUpdate:modelValue': (v: string) => {
            text.value = v;
          },
          type: 'textarea',
          rows: 2,
          maxlength: 200,
          placeholder,
          'data-testid': 'reason-input',
        }),
    });
  } catch {
    return null;
  }
  const reason = text.value.trim();
  if (reason.length < 2) {
    showFailToast('原因至少2个字');
    return null;
  }
  return reason;
}
