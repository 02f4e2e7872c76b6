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

/** PUT a JSON body (replace a resource); errors as for `apiGet`. */
export function apiPut<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>('PUT', path, body, signal);
}

/** DELETE a resource; resolves once the server answered 2xx (usually 204, no body). */
export async function apiDelete(path: string, signal?: AbortSignal): Promise<void> {
  await send('DELETE', path, undefined, signal);
}

export interface DownloadedFile {
  blob: Blob;
  /** The name from the Content-Disposition header, when the server suggests one. */
  filename: string | null;
}

/**
 * GET a file (e.g. a CSV export) with the admin key. A plain link cannot send the Authorization header, so the
 * file is fetched here and the caller saves the Blob (see `saveBlob`).
 */
export async function apiDownload(path: string, params?: QueryParams, signal?: AbortSignal): Promise<DownloadedFile> {
  const res = await send('GET', buildUrl(path, params), undefined, signal, '*/*');
  return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('content-disposition')) };
}

/** `attachment; filename="segment-x.csv"` (or RFC 5987 `filename*=UTF-8''…`) → the file name, else null. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function request<T>(method: Method, url: string, payload: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(method, url, payload, signal);
  const body = parseJson(await res.text());
  if (body === undefined) throw new ApiError(res.status, 'invalid_response', 'The server sent no JSON body.');
  return body as T;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** One call with the admin key; a response with status ≥ 400 becomes an ApiError (a 401 also signs out). */
async function send(method: Method, url: string, payload: unknown, signal?: AbortSignal, accept = 'application/json'): Promise<Response> {
  const key = getAdminKey();
  const headers: Record<string, string> = { Accept: accept, ...(key ? { Authorization: `Bearer ${key}` } : {}) };
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
  if (res.ok) return res;
  if (res.status === 401) clearAdminKey('rejected');
  const body = parseJson(await res.text());
  if (isErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message, body.error.field);
  throw new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
}
