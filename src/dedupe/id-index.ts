/**
 * Record id → position in the prepared columns. Records usually arrive in ascending id order (the
 * store reads them so): then a binary search over the ids needs no memory of its own, where a Map
 * would cost some 40 bytes a record. Other orders fall back to a Map.
 */
export class IdIndex {
  private readonly map: Map<number, number> | null;

  constructor(private readonly ids: readonly number[]) {
    let ascending = true;
    for (let k = 1; k < ids.length && ascending; k++) ascending = ids[k - 1] < ids[k];
    if (ascending) {
      this.map = null;
    } else {
      this.map = new Map();
      ids.forEach((id, i) => this.map?.set(id, i));
    }
  }

  get(id: number): number | undefined {
    if (this.map) return this.map.get(id);
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid];
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
}
