/**
 * supabase/local: Supabase's HTTP APIs (auth, REST, storage) for the parts Clearcall uses, over PGlite or
 * a server Postgres, in one Node process.
 */
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { openDatabase, type Database } from './db/driver';
import { migrate, type MigrateResult } from './db/migrate';
import { createStackServer } from './http/server';
import type { StackConfig } from './config';
import { authHandler } from './auth/index';
import { restHandler } from './rest/index';
import { storageHandler } from './storage/index';
import { json } from './http/types';

export interface LocalStack {
	url: string;
	config: StackConfig;
	db: Database;
	migration: MigrateResult;
	close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and serves the APIs on config.host:config.port. */
export async function startStack(config: StackConfig): Promise<LocalStack> {
	mkdirSync(config.dataDir, { recursive: true });
	const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir });
	const migration = await migrate(db, config.migrationsDir, config.seedPath);
	const ctx = { db, config };
	const server = createStackServer(ctx, {
		'/auth/v1': authHandler,
		'/rest/v1': restHandler,
		'/storage/v1': storageHandler,
		'/health': async () => json(200, { status: 'ok', backend: db.backend })
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${config.host}:${port}`,
		config: { ...config, port },
		db,
		migration,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((r) => server.close(() => r()));
			await db.close();
		}
	};
}
