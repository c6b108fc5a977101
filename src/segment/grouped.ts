/** One summary builder per --by group value (or a single group ''), finished into rows tagged with the group. */
export class Grouped<B> {
  private readonly groups = new Map<string, B>();

  constructor(private readonly make: () => B) {}

  get(group: string): B {
    let b = this.groups.get(group);
    if (!b) {
      b = this.make();
      this.groups.set(group, b);
    }
    return b;
  }

  /** Groups by name ('' — unknown — last); rows carry `group` when grouping was asked for. */
  finish<R extends object>(finishOne: (builder: B) => R[], grouped: boolean): (R & { group?: string })[] {
    const names = [...this.groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
    return names.flatMap((g) => finishOne(this.groups.get(g)!).map((row) => (grouped ? { group: g, ...row } : row)));
  }
}
