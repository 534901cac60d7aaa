import { describe, expect, it } from 'vitest';
import { isInvalidatedBy, keyOp, mergePage, pageHasMore, queryKey, refreshRequest, stableJson } from '../../../renderer/bridge/query-core.js';
import type { AppEvent } from '../../../src/api/events.js';

const changed: AppEvent = { type: 'case.changed', caseId: 7 };

describe('query keys', () => {
  it('name the same question whatever the order of the input fields, and drop undefined fields', () => {
    expect(queryKey('case.list', { query: 'x', procedure: 'general' })).toBe(queryKey('case.list', { procedure: 'general', query: 'x' }));
    expect(queryKey('case.list', { query: undefined })).toBe(queryKey('case.list', {}));
    expect(queryKey('case.list', { query: 'a' })).not.toBe(queryKey('case.list', { query: 'b' }));
    expect(queryKey('case.list', {})).not.toBe(queryKey('audit.list', {}));
  });
  it('sort nested objects but keep array order', () => {
    expect(stableJson({ b: { y: 1, x: [2, 1] }, a: 0 })).toBe('{"a":0,"b":{"x":[2,1],"y":1}}');
  });
  it('give back the operation they were built from', () => {
    expect(keyOp(queryKey('footage.list', { caseId: 3 }))).toBe('footage.list');
  });
});

describe('invalidation', () => {
  it('by event type or predicate, never without a rule', () => {
    expect(isInvalidatedBy(['case.changed'], changed)).toBe(true);
    expect(isInvalidatedBy(['job.progress'], changed)).toBe(false);
    expect(isInvalidatedBy((e) => e.type === 'case.changed' && e.caseId === 7, changed)).toBe(true);
    expect(isInvalidatedBy((e) => e.type === 'case.changed' && e.caseId === 8, changed)).toBe(false);
    expect(isInvalidatedBy(undefined, changed)).toBe(false);
  });
});

describe('paging', () => {
  const id = (r: { id: number }) => r.id;
  it('appends a new page and replaces rows already loaded instead of showing them twice', () => {
    const prev = [
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ];
    const merged = mergePage(
      prev,
      [
        { id: 2, v: 'B' },
        { id: 3, v: 'c' },
      ],
      id,
    );
    expect(merged).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'B' },
      { id: 3, v: 'c' },
    ]);
    expect(prev[1]?.v).toBe('b');
  });
  it('knows there is more by the total when reported, else by a full last page', () => {
    expect(pageHasMore(200, 200, 200, 450)).toBe(true);
    expect(pageHasMore(450, 50, 200, 450)).toBe(false);
    expect(pageHasMore(200, 200, 200, undefined)).toBe(true);
    expect(pageHasMore(230, 30, 200, undefined)).toBe(false);
  });
  it('re-reads what is loaded from the start, at least a page and at most the limit', () => {
    expect(refreshRequest(0, 200, 1000)).toEqual({ offset: 0, limit: 200, last: undefined });
    expect(refreshRequest(600, 200, 1000)).toEqual({ offset: 0, limit: 600, last: undefined });
    expect(refreshRequest(5000, 200, 1000).limit).toBe(1000);
  });
});
