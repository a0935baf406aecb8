// Dense indexes for string ids (people, at F10 twelve thousand of them): an open-addressing hash
// table over a typed array. Unlike a Map it allocates no per-entry memory on the JS heap, so a
// full check leaves the young generation (and its collector) mostly alone; see ADR 0005.

/**
 * index → id in `ids`, id → index through the table. Built over an existing list of ids, where
 * the first position of a repeated id wins; `add` appends ids met later.
 */
export class IdIndex {
  readonly ids: string[];
  #slots: Int32Array; // index + 1 per slot, 0 for an empty slot
  #mask: number;
  #count = 0;

  constructor(ids: string[]) {
    this.ids = ids;
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (let i = 0; i < ids.length; i++) this.#insert(ids[i], i);
  }

  get size(): number {
    return this.#count;
  }

  /** The index of `id`, or -1. */
  indexOf(id: string): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = hashOf(id) & mask; ; s = (s + 1) & mask) {
      const v = slots[s];
      if (v === 0) return -1;
      const other = this.ids[v - 1];
      if (other === id) return v - 1;
    }
  }

  /** The index of `id`, appending it when absent. */
  add(id: string): number {
    const known = this.indexOf(id);
    if (known >= 0) return known;
    const index = this.ids.length;
    this.ids.push(id);
    if ((this.#count + 1) * 2 > this.#slots.length) this.#grow();
    this.#insert(id, index);
    return index;
  }

  /** Puts `id` at `index` unless it is already there (first position wins). */
  #insert(id: string, index: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let s = hashOf(id) & mask;
    for (; slots[s] !== 0; s = (s + 1) & mask) if (this.ids[slots[s] - 1] === id) return;
    slots[s] = index + 1;
    this.#count++;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2);
    this.#mask = this.#slots.length - 1;
    this.#count = 0;
    for (let s = 0; s < old.length; s++) if (old[s] !== 0) this.#insert(this.ids[old[s] - 1], old[s] - 1);
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix of the high bits into the low ones. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 16);
}
