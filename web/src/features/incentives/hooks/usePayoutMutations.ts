/**
 * POST /v1/gamification/payouts — the payout report of a period (JSON), and the same report as the CSV file finance
 * imports (`?format=csv`), saved with the server's file name.
 */
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { ApiError, apiPost, filenameFromDisposition } from '../../../api/client.ts';
import { saveBlob } from '../../../api/saveBlob.ts';
import { clearAdminKey, getAdminKey } from '../../../auth/session.ts';
import type { PayoutReportBody, PayoutRequest } from './types.ts';

export function usePayoutReportMutation(): UseMutationResult<PayoutReportBody, Error, PayoutRequest> {
  return useMutation({ mutationFn: (body) => apiPost<PayoutReportBody>('/v1/gamification/payouts', body) });
}

/**
 * The CSV is the answer to a POST, and `apiDownload` only GETs, so the file is fetched here the way the client does
 * it: Bearer admin key, a 401 signs out, the error envelope becomes an ApiError.
 */
async function downloadPayoutCsv(body: PayoutRequest): Promise<string> {
  const key = getAdminKey();
  let res: Response;
  try {
    res = await fetch('/v1/gamification/payouts?format=csv', {
      method: 'POST',
      headers: { Accept: 'text/csv', 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', 'The server could not be reached.', undefined, { cause });
  }
  if (!res.ok) {
    if (res.status === 401) clearAdminKey('rejected');
    let error: { code?: string; message?: string; field?: string } | undefined;
    try {
      error = ((await res.json()) as { error?: typeof error }).error;
    } catch {
      error = undefined;
    }
    throw new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? (res.statusText || `HTTP ${res.status}`), error?.field);
  }
  const name = filenameFromDisposition(res.headers.get('content-disposition')) ?? `payouts-${body.from}-${body.to}.csv`;
  saveBlob(await res.blob(), name);
  return name;
}

export function usePayoutCsvMutation(): UseMutationResult<string, Error, PayoutRequest> {
  return useMutation({ mutationFn: downloadPayoutCsv });
}
