/** GET /v1/segments/:key/export.csv with the admin key, saved as a file (a link alone cannot send the key). */
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { apiDownload } from '../api/client.ts';
import { saveBlob } from '../api/saveBlob.ts';

export function segmentCsvPath(key: string): string {
  return `/v1/segments/${encodeURIComponent(key)}/export.csv`;
}

export function useSegmentExportMutation(): UseMutationResult<string, Error, string> {
  return useMutation({
    mutationFn: async (key) => {
      const file = await apiDownload(segmentCsvPath(key));
      const name = file.filename ?? `segment-${key}.csv`;
      saveBlob(file.blob, name);
      return name;
    },
  });
}
