// A worker thread of the province seed: its own lane of businesses and its own MariaDB connection.
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { GenerationContext } from './generate';
import { Batch, runLane } from './lane';
import { MysqlSink, TableGate, TablePlans } from './writers';

export interface WorkerInput {
  ctx: GenerationContext;
  plans: TablePlans;
  /** This thread's batches (every n-th of the run). */
  batches: Batch[];
  url: string;
  /** TableGate.memory(), shared by the run's threads. */
  gate: SharedArrayBuffer;
}

export type WorkerMessage = { kind: 'batch'; businesses: number; counts: Record<string, number> } | { kind: 'done'; counts: Record<string, number> };

async function main(): Promise<void> {
  const input = workerData as WorkerInput;
  const sink = await MysqlSink.open(input.url, input.plans, new TableGate(input.gate));
  try {
    const counts = await runLane(input.ctx, input.batches, sink, (businesses, batch) => parentPort!.postMessage({ kind: 'batch', businesses, counts: batch } satisfies WorkerMessage));
    parentPort!.postMessage({ kind: 'done', counts } satisfies WorkerMessage);
  } finally {
    await sink.close();
  }
}

main().catch((e: unknown) => {
  // Rethrown outside the promise so the thread's 'error' event carries it to the main thread.
  setImmediate(() => {
    throw e;
  });
});
