/** The one fetch wrapper: same-origin `/v1` calls with the admin key, typed JSON, the error envelope as ApiError. */
import type { ErrorBody } from '../../../src/api/schemas/index.ts';
import { clearAdminKey, getAdminKey } from '../auth/session.ts';

/** An HTTP error from the API (status ≥ 400), or a network failure (status 0, code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export type QueryParams = Record<string, string | number | undefined | null>;

function buildUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

/**
 * GET a JSON resource. A 401 clears the stored key (the app then shows the login page with a message);
 * other failures throw ApiError so queries can show an error state.
 */
export function apiGet<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', buildUrl(path, params), undefined, signal);
}

/** POST a JSON body (e.g. `{}` to start a scoring run); errors as for `apiGet`. */
export function apiPost<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>('POST', path, body, signal);
}

async function request<T>(method: 'GET' | 'POST', url: string, payload: unknown, signal?: AbortSignal): Promise<T> {
  const key = getAdminKey();
  const headers: Record<string, string> = { Accept: 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: payload === undefined ? null : JSON.stringify(payload),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached.', undefined, { cause });
  }
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    if (res.status === 401) clearAdminKey('rejected');
    if (isErrorBody(body)) {
      throw new ApiError(res.status, body.error.code, body.error.message, body.error.field);
    }
    throw new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
  }
  if (body === undefined) throw new ApiError(res.status, 'invalid_response', 'The server sent no JSON body.');
  return body as T;
}
