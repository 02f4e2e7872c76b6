/**
 * Hash routing for wouter: `#/members/mem_1?x=y` → path `/members/mem_1`, search `x=y`. wouter's own
 * useHashLocation keeps the `?…` inside the path, which would stop `#/login?key=…` from matching `/login`.
 */
import type { BaseLocationHook, BaseSearchHook } from 'wouter';
import { navigate, useHashLocation } from 'wouter/use-hash-location';

function split(location: string): [string, string] {
  const i = location.indexOf('?');
  return i < 0 ? [location, ''] : [location.slice(0, i), location.slice(i + 1)];
}

export const useHashPath: BaseLocationHook = () => {
  const [location] = useHashLocation();
  return [split(location)[0] || '/', navigate];
};

export const useHashSearch: BaseSearchHook = () => split(useHashLocation()[0])[1];

export const hashHrefs = (href: string): string => `#${href}`;

export { navigate };
