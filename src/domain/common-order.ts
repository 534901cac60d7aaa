/**
 * The ids two orders keep in common: a longest common subsequence of `a` (the profile order) and `b`
 * (the actual order), with fixed tie-breaking. Everything else counts as moved. Binding records a
 * reason for each moved document and the reorder dialog asks for one, so both use this one function.
 */
export function keptInOrder(a: readonly number[], b: readonly number[]): Set<number> {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    }
  }
  const out = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.add(a[i]!);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}
