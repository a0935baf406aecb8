// The types of a database handle, apart from the client that opens it: models name them
// without importing client.server.ts (which imports a model to fill search_text at start-up).
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };
/** A transaction handle: the same query API as the database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Tx;
