// One lane of the load: businesses in index order, generated a batch at a time and written while the
// next batch is generated (the database works on one batch as this thread makes the next).
import { BusinessGenerator, BusinessSpec, emptyRows, GenerationContext, Rows, SEED_TABLES } from './generate';
import type { RowSink } from './writers';

/** Businesses per transaction. */
export const BATCH = 200;
/** Generate this many businesses, then let the event loop send what is pending. */
const SLICE = 20;

export type RowCounts = Record<string, number>;

export function countRows(rows: Rows, into: RowCounts): void {
  for (const t of SEED_TABLES) into[t] = (into[t] ?? 0) + rows[t].length;
}

const yieldToIo = () => new Promise<void>((ok) => setImmediate(ok));

/** A transaction's worth of businesses, numbered in the order of the whole run. */
export interface Batch {
  no: number;
  specs: BusinessSpec[];
}

/** The businesses in batches of BATCH, numbered from 0. */
export function batchesOf(specs: readonly BusinessSpec[]): Batch[] {
  const out: Batch[] = [];
  for (let from = 0; from < specs.length; from += BATCH) out.push({ no: out.length, specs: specs.slice(from, from + BATCH) });
  return out;
}

export async function runLane(ctx: GenerationContext, batches: readonly Batch[], sink: RowSink, onBatch: (businesses: number, counts: RowCounts) => void): Promise<RowCounts> {
  const gen = new BusinessGenerator(ctx);
  const total: RowCounts = {};
  let writing: Promise<void> = Promise.resolve();
  for (const batch of batches) {
    const rows = emptyRows();
    for (const [i, spec] of batch.specs.entries()) {
      gen.business(spec, rows);
      if (i % SLICE === SLICE - 1) await yieldToIo();
    }
    await writing;
    const counts: RowCounts = {};
    countRows(rows, counts);
    writing = sink.write(rows, batch.no).then(() => {
      for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v;
      onBatch(batch.specs.length, counts);
    });
    // A failed write must stop the lane at once, not after the next batch is made.
    writing.catch(() => undefined);
  }
  await writing;
  return total;
}
