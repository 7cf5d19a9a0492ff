// Time-ordered, deterministic ids: the UUIDv7 layout (48-bit time, version 7, variant 10) with the
// "time" = a base plus the business's index and then a counter within the business. Every table's
// rows are generated business by business in index order, so each insert lands after the last one
// in its primary key: InnoDB appends instead of splitting pages. Any UUID is a valid id to the app
// (it parses ids with ParseUUIDPipe / IsUUID of any version).
import { Rng, seedOf } from './rng';

export class IdMaker {
  private count = 0;
  private readonly head: string;
  private readonly rng: Rng;

  constructor(timeMs: number, seed: number, stream: number) {
    const t = Math.floor(timeMs).toString(16).padStart(12, '0');
    this.head = `${t.slice(0, 8)}-${t.slice(8, 12)}-7`;
    this.rng = new Rng(seedOf(seed, 'ids', stream));
  }

  next(): string {
    const n = this.count++;
    if (n > 0xfff) throw new RangeError('more than 4096 ids for one business');
    const r = this.rng.hex8() + this.rng.hex8();
    const variant = (8 | (parseInt(r[0], 16) & 3)).toString(16);
    return `${this.head}${n.toString(16).padStart(3, '0')}-${variant}${r.slice(1, 4)}-${r.slice(4, 16)}`;
  }
}
