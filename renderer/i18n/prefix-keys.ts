/** A table's keys under a common prefix, with the literal key type kept (so MessageKey includes them). */
export type Prefixed<P extends string, T> = { readonly [K in keyof T & string as `${P}${K}`]: T[K] };

export function prefixKeys<P extends string, T extends Record<string, string>>(prefix: P, table: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [prefix + k, v])) as Prefixed<P, T>;
}
