import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage, type QueryValue } from '@shared/api';
import { downloadFile } from './files';

/** An Excel export button's state: downloads `path` with the list's current filters. */
export function useListExport(path: string, fileName: string) {
  const exporting = ref(false);
  async function run(query: Record<string, QueryValue>): Promise<void> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    const qs = params.toString();
    exporting.value = true;
    try {
      await downloadFile(qs ? `${path}?${qs}` : path, `${fileName}.xlsx`);
    } catch (err) {
      ElMessage.error(errorMessage(err));
    } finally {
      exporting.value = false;
    }
  }
  return { exporting, run };
}
