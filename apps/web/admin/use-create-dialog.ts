import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage, fieldErrors } from '@shared/api';

/**
 * The save block every console form shares: `saving` while the request runs, the server's field
 * errors next to their fields, a success message, then `onSaved`. Returns whether it saved.
 */
export function useFormSave() {
  const errors = ref<Record<string, string>>({});
  const saving = ref(false);

  async function run<R>(options: {
    submit: () => Promise<R>;
    /** The success message, or a function of the saved result. */
    success: string | ((result: R) => string);
    /** Runs after the success message (close, reload, emit); its errors show like the save's. */
    onSaved?: (result: R) => void | Promise<void>;
    /** Show only the field errors when the server reported some (no message box on top). */
    quietFieldErrors?: boolean;
  }): Promise<boolean> {
    saving.value = true;
    errors.value = {};
    try {
      const result = await options.submit();
      ElMessage.success(typeof options.success === 'string' ? options.success : options.success(result));
      await options.onSaved?.(result);
      return true;
    } catch (err) {
      errors.value = fieldErrors(err);
      if (!options.quietFieldErrors || Object.keys(errors.value).length === 0) ElMessage.error(errorMessage(err));
      return false;
    } finally {
      saving.value = false;
    }
  }

  function reset(): void {
    errors.value = {};
  }

  return { errors, saving, run, reset };
}

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
  const { errors, saving, run, reset } = useFormSave();

  async function start(): Promise<void> {
    draft.value = opts.blank();
    reset();
    open.value = true;
    try {
      await opts.onOpen?.();
    } catch (err) {
      ElMessage.error(errorMessage(err));
    }
  }

  async function save(): Promise<void> {
    const saved = await run({ submit: () => opts.submit(draft.value), success: opts.success });
    if (!saved) return;
    open.value = false;
    opts.onSaved?.();
  }

  return { draft, open, errors, saving, start, save };
}
