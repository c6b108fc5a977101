/**
 * Positions grouped by a group number each, packed in two typed arrays: group g holds
 * members[start[g] .. start[g + 1]), in the order of the positions. A negative group leaves a
 * position out. `values` replaces each position by the value at it. Typed arrays rather than an
 * array per group: at a million records most groups hold one or two members.
 */
export function packGroups(groupOf: ArrayLike<number>, groups: number, values?: ArrayLike<number>): { start: Uint32Array; members: Uint32Array } {
  const start = new Uint32Array(groups + 1);
  for (let x = 0; x < groupOf.length; x++) if (groupOf[x] >= 0) start[groupOf[x] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const members = new Uint32Array(start[groups]);
  const fill = start.slice(0, groups);
  for (let x = 0; x < groupOf.length; x++) {
    const g = groupOf[x];
    if (g >= 0) members[fill[g]++] = values ? values[x] : x;
  }
  return { start, members };
}

/** Index of value in an ascending array, or -1. */
export function binarySearch(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
