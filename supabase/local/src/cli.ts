/** `npm run db:start` (serve the stack in the foreground) and `npm run db:reset` (rebuild the database). */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { configFromEnv, ensureEnvFile } from './config';
import { startStack } from './index';

async function resetServerDatabase(url: string) {
	// A server database is emptied schema by schema; the cluster-wide roles stay.
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query(`drop schema if exists public, auth, storage, extensions, supabase_migrations, private cascade;
		create schema public; grant all on schema public to public;`);
	await client.end();
}

async function main() {
	const command = process.argv[2] ?? 'start';
	const env = await ensureEnvFile();
	const config = configFromEnv(env);
	if (command === 'reset') {
		if (config.databaseUrl) await resetServerDatabase(config.databaseUrl);
		else rmSync(config.dataDir, { recursive: true, force: true });
		const stack = await startStack({ ...config, port: 0 });
		console.log(
			`database rebuilt (${stack.db.backend}): ${stack.migration.applied.length} migrations, seeded=${stack.migration.seeded}`
		);
		await stack.close();
		return;
	}
	const stack = await startStack(config);
	console.log(`supabase/local (${stack.db.backend}) listening on ${stack.url}`);
	const stop = async () => {
		await stack.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
