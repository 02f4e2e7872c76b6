/** The pure parts of the API client. */
import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './client.ts';

describe('filenameFromDisposition', () => {
  it('reads quoted, bare and RFC 5987 file names', () => {
    expect(filenameFromDisposition('attachment; filename="segment-vip.csv"')).toBe('segment-vip.csv');
    expect(filenameFromDisposition('attachment; filename=segment-vip.csv')).toBe('segment-vip.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E5%88%86%E7%BE%A4.csv")).toBe('分群.csv');
  });

  it('is null without a usable name', () => {
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition('attachment; filename=""')).toBeNull();
  });
});
