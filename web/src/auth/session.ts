/** The admin key kept in localStorage, plus why the user was last sent to the login page; React subscribes to it. */
import { useSyncExternalStore } from 'react';

const KEY_STORAGE = 'sheyun.adminKey';
const REASON_STORAGE = 'sheyun.loginReason';

/** Why the login page is shown: the API rejected the stored key, or the user signed out. */
export type LoginReason = 'rejected' | 'signedOut';

const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());

function read(storage: Storage, name: string): string | null {
  try {
    return storage.getItem(name);
  } catch {
    return null;
  }
}

export function getAdminKey(): string | null {
  const v = read(localStorage, KEY_STORAGE);
  return v && v.trim() ? v.trim() : null;
}

export function setAdminKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key.trim());
  sessionStorage.removeItem(REASON_STORAGE);
  notify();
}

export function clearAdminKey(reason: LoginReason): void {
  localStorage.removeItem(KEY_STORAGE);
  sessionStorage.setItem(REASON_STORAGE, reason);
  notify();
}

/** Read once by the login page to explain the redirect. */
export function getLoginReason(): LoginReason | null {
  const v = read(sessionStorage, REASON_STORAGE);
  return v === 'rejected' || v === 'signedOut' ? v : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent): void => {
    if (e.key === KEY_STORAGE) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The current admin key (null when signed out); re-renders on sign-in, sign-out and changes in other tabs. */
export function useAdminKey(): string | null {
  return useSyncExternalStore(subscribe, getAdminKey, () => null);
}
