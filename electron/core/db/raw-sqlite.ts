/**
 * The raw better-sqlite3 handle under a TypeORM SQLite DataSource: the one connection every
 * transaction (db/database.ts) and every hand-written statement (db/sql.ts) runs on. A module of
 * its own, so db/sql.ts needs no import of the data source and, through it, the migrations.
 */
import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

export function rawSqlite(dataSource: DataSource): Database {
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}
