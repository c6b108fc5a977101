import { binarySearch } from './packed.js';

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
    const k = binarySearch(this.ids, id);
    return k < 0 ? undefined : k;
  }
}
