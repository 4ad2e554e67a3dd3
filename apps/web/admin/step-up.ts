import { ElMessageBox } from 'element-plus';
import { ApiError } from '@shared/api';
import { stepUp } from './api/auth';

/**
 * Run a sensitive call (full personal-data export, role change, authenticator reset); when the
 * server asks for a step-up, prompt for the authenticator code, confirm it and retry once.
 */
export async function withStepUp<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'STEP_UP_REQUIRED') throw err;
    const input = await ElMessageBox.prompt(
      `${err.message}：请输入身份验证器中的6位动态码（或一次性恢复码）`,
      '安全确认',
      {
        inputPattern: /^\s*(\d{6}|[a-z0-9]{4}-[a-z0-9]{4})\s*$/i,
        inputErrorMessage: '请输入6位动态码或恢复码',
        inputPlaceholder: '123456',
      },
    ).catch(() => null);
    if (!input) throw err;
    await stepUp({ code: input.value.trim() });
    return call();
  }
}
