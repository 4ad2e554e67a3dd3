import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage, fieldErrors } from '@shared/api';

/**
 * A "登记…" dialog: a fresh draft on open (plus any option lists to load), field errors from the
 * server next to their fields, a success message and a reload after saving.
 */
export function useCreateDialog<T>(opts: {
  blank: () => T;
  submit: (draft: T) => Promise<unknown>;
  success: string;
  onOpen?: () => Promise<void>;
  onSaved?: () => void;
}) {
  const draft = ref(opts.blank()) as Ref<T>;
  const open = ref(false);
  const errors = ref<Record<string, string>>({});
  const saving = ref(false);

  async function start(): Promise<void> {
    draft.value = opts.blank();
    errors.value = {};
    open.value = true;
    try {
      await opts.onOpen?.();
    } catch (err) {
      ElMessage.error(errorMessage(err));
    }
  }

  async function save(): Promise<void> {
    saving.value = true;
    errors.value = {};
    try {
      await opts.submit(draft.value);
      ElMessage.success(opts.success);
      open.value = false;
      opts.onSaved?.();
    } catch (err) {
      errors.value = fieldErrors(err);
      ElMessage.error(errorMessage(err));
    } finally {
      saving.value = false;
    }
  }

  return { draft, open, errors, saving, start, save };
}
