// Business dates are Shanghai calendar days, and a test file reads "today" more than once: the
// test itself, the server and the page each compute it. A file that runs across Shanghai midnight
// would compare two different days — yesterday's record looks like today's, the home page's 今日
// is a day the test never filled (seen once in CI: the outbox story started at 23:59). So before
// a file starts, it waits until the next midnight is further away than any file takes to run.
// Loaded by the api and browser jest projects (setupFilesAfterEnv); costs nothing except in the
// last minutes of a Shanghai day.
import { endOfBusinessDay, todayInShanghai } from '@shian/shared';

/** Longer than the slowest test file takes (the console-loop story, about a minute on MariaDB). */
const MARGIN_MS = 4 * 60_000;
/** A little past midnight, so the page, server and test all agree that the new day has begun. */
const SETTLE_MS = 2_000;

/** How long to wait now so that the file starts at least `margin` before the next midnight. */
export function waitForMidnight(now: Date, margin = MARGIN_MS): number {
  const left = endOfBusinessDay(todayInShanghai(now)).getTime() - now.getTime();
  return left > margin ? 0 : left + SETTLE_MS;
}

beforeAll(async () => {
  const wait = waitForMidnight(new Date());
  if (wait === 0) return;
  process.stderr.write(`Shanghai midnight is ${Math.ceil(wait / 1000)} s away: this test file waits for it so that its dates stay one day\n`);
  await new Promise((resolve) => setTimeout(resolve, wait));
}, MARGIN_MS + 60_000);
