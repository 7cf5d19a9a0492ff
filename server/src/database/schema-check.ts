import { DataSource } from 'typeorm';

/** The SQL TypeORM would generate to bring the schema in line with the entities; empty = no drift. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
