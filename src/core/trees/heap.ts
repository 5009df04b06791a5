/**
 * A max-heap on a numeric key with exactly Python heapq's sift order, so that nodes of equal gain
 * are split in the same order as scikit-learn's grower (heappush / heappop on TreeNode, whose
 * `<` is "higher gain").
 */
export class GainHeap<T> {
  private items: T[] = [];

  constructor(private readonly key: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  /** heapq "a < b": a comes out first. */
  private before(a: T, b: T): boolean {
    return this.key(a) > this.key(b);
  }

  push(item: T): void {
    this.items.push(item);
    this.siftDown(0, this.items.length - 1);
  }

  /** Remove and return the item with the highest key (undefined when empty). */
  pop(): T | undefined {
    const last = this.items.pop();
    if (this.items.length === 0) return last;
    const top = this.items[0];
    this.items[0] = last!;
    this.siftUp(0);
    return top;
  }

  /** Empty the heap, returning its items (in heap order). */
  drain(): T[] {
    const all = this.items;
    this.items = [];
    return all;
  }

  private siftDown(start: number, pos: number): void {
    const h = this.items;
    const item = h[pos]!;
    while (pos > start) {
      const parentPos = (pos - 1) >> 1;
      const parent = h[parentPos]!;
      if (!this.before(item, parent)) break;
      h[pos] = parent;
      pos = parentPos;
    }
    h[pos] = item;
  }

  private siftUp(pos: number): void {
    const h = this.items;
    const end = h.length;
    const start = pos;
    const item = h[pos]!;
    let child = 2 * pos + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !this.before(h[child]!, h[right]!)) child = right;
      h[pos] = h[child]!;
      pos = child;
      child = 2 * pos + 1;
    }
    h[pos] = item;
    this.siftDown(start, pos);
  }
}
