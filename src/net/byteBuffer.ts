/**
 * A growable byte buffer with cheap appends at the end and removal at the
 * front: the `bytearray` a StreamReader keeps.
 */
export class ByteBuffer {
  // Starts empty and grows to what it holds: typed arrays of up to 64 bytes
  // live on V8's heap, larger ones own an off-heap backing store whose
  // allocation and sweeping cost more than the bytes (a reader that only ever
  // sees short lines never allocates one).
  private _data: Uint8Array = EMPTY;
  private _start = 0;
  private _end = 0;

  get length(): number {
    return this._end - this._start;
  }

  /** bytearray.extend */
  extend(bytes: Uint8Array): void {
    const n = bytes.length;
    if (this._end + n > this._data.length) {
      const len = this.length;
      if (len + n <= this._data.length / 2) {
        this._data.copyWithin(0, this._start, this._end);
      } else {
        const grown = new Uint8Array(Math.max(2 * this._data.length, len + n, 16));
        grown.set(this._data.subarray(this._start, this._end));
        this._data = grown;
      }
      this._start = 0;
      this._end = len;
    }
    this._data.set(bytes, this._end);
    this._end += n;
  }

  /** bytearray.find(sep, offset): the index of the first `sep` at or after offset, or -1. */
  find(sep: Uint8Array, offset: number): number {
    const d = this._data;
    const last = this._end - sep.length;
    const first = sep[0];
    outer: for (let i = this._start + Math.max(0, offset); i <= last; i++) {
      if (d[i] !== first) continue;
      for (let j = 1; j < sep.length; j++) if (d[i + j] !== sep[j]) continue outer;
      return i - this._start;
    }
    return -1;
  }

  /** bytearray.startswith(sep, at) */
  startsWith(sep: Uint8Array, at: number): boolean {
    if (at + sep.length > this.length) return false;
    for (let j = 0; j < sep.length; j++) if (this._data[this._start + at + j] !== sep[j]) return false;
    return true;
  }

  /** A copy of the first n bytes, removed from the buffer. */
  take(n: number): Uint8Array {
    n = Math.min(n, this.length);
    const out = this._data.slice(this._start, this._start + n);
    this.drop(n);
    return out;
  }

  /** del buf[:n] */
  drop(n: number): void {
    this._start += Math.min(n, this.length);
    if (this._start === this._end) this._start = this._end = 0;
  }

  /** bytearray.clear */
  clear(): void {
    this._start = this._end = 0;
  }
}

const EMPTY = new Uint8Array(0);
