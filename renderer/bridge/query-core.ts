/**
 * The pure parts of the query hook (renderer/bridge/use-query.ts): the key a query is known by,
 * which core events make it stale, and how a page of rows joins the rows already loaded. No React,
 * no transport, so tests/unit/renderer can check them in Node.
 */
import type { AppEvent } from '../../src/api/events.js';

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same query; undefined fields drop out. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
      return out;
    }
    return v;
  });
}

/** The key of one query: operation name and input. Two hooks with the same key ask the same question. */
export function queryKey(op: string, input: unknown): string {
  return `${op} ${stableJson(input ?? {})}`;
}

/** The operation name a key was built from. */
export function keyOp(key: string): string {
  const i = key.indexOf(' ');
  return i < 0 ? key : key.slice(0, i);
}

/** Which core events make a query stale: event types, or a predicate over the event. */
export type InvalidateOn = readonly AppEvent['type'][] | ((event: AppEvent) => boolean);

export function isInvalidatedBy(rule: InvalidateOn | undefined, event: AppEvent): boolean {
  if (!rule) return false;
  return typeof rule === 'function' ? rule(event) : rule.includes(event.type);
}

/** Where the next page starts: an offset and a limit, and the last row loaded (for cursor paging). */
export interface PageRequest<Item> {
  offset: number;
  limit: number;
  last: Item | undefined;
}

/** Rows so far plus a fresh page: rows already present (same id) are replaced in place, new ones appended. */
export function mergePage<Item, Id>(prev: readonly Item[], page: readonly Item[], idOf: (item: Item) => Id): Item[] {
  const fresh = new Map<Id, Item>();
  for (const item of page) fresh.set(idOf(item), item);
  const out = prev.map((p) => {
    const id = idOf(p);
    const f = fresh.get(id);
    if (f === undefined) return p;
    fresh.delete(id);
    return f;
  });
  for (const item of page) if (fresh.has(idOf(item))) out.push(item);
  return out;
}

/** Whether more rows can be asked for: by the total when the operation reports one, else by a full last page. */
export function pageHasMore(loaded: number, lastPageSize: number, pageSize: number, total: number | undefined): boolean {
  if (total !== undefined) return loaded < total;
  return lastPageSize >= pageSize;
}

/** The request that re-reads what is loaded (after an invalidation): from the start, at least one page, at most `max`. */
export function refreshRequest<Item>(loaded: number, pageSize: number, max: number): PageRequest<Item> {
  return { offset: 0, limit: Math.min(max, Math.max(pageSize, loaded)), last: undefined };
}
