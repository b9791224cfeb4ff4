/** Installs Supabase's base objects, applies `supabase/migrations` in order, and seeds a fresh database. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './driver';

const BOOTSTRAP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bootstrap.sql');
const MIGRATION_FILE = /^(\d{14})_(.+)\.sql$/;

export interface MigrateResult {
	fresh: boolean;
	applied: string[];
	seeded: boolean;
}

/**
 * The seed files in the order config.toml's `sql_paths = ["./seed.sql", "./seed/*.sql"]` gives them to
 * `supabase db reset`: seed.sql first, then the files in seed/ by name.
 */
export function seedFiles(seedPath: string): string[] {
	const dir = path.join(path.dirname(seedPath), 'seed');
	const more = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.sql'))
				.sort()
				.map((f) => path.join(dir, f))
		: [];
	return [seedPath, ...more];
}

export async function migrate(
	db: Database,
	migrationsDir: string,
	seedPath: string | null
): Promise<MigrateResult> {
	const probe = await db.query<{ t: string | null }>(
		`select to_regclass('supabase_migrations.schema_migrations')::text as t`
	);
	const fresh = probe.rows[0].t === null;
	if (fresh) await db.exec(readFileSync(BOOTSTRAP, 'utf8'));

	const done = new Set(
		(
			await db.query<{ version: string }>(
				'select version from supabase_migrations.schema_migrations'
			)
		).rows.map((r) => r.version)
	);
	const files = existsSync(migrationsDir)
		? readdirSync(migrationsDir)
				.filter((f) => MIGRATION_FILE.test(f))
				.sort()
		: [];
	const applied: string[] = [];
	for (const file of files) {
		const [, version, name] = MIGRATION_FILE.exec(file)!;
		if (done.has(version)) continue;
		const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
		await db.transaction(async (tx) => {
			try {
				await tx.exec(sql);
			} catch (e) {
				throw new Error(`migration ${file} failed: ${(e as Error).message}`, { cause: e });
			}
			await tx.query(
				'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
				[version, name, [sql]]
			);
		});
		applied.push(file);
	}

	let seeded = false;
	if (fresh && seedPath && existsSync(seedPath)) {
		for (const file of seedFiles(seedPath)) {
			await db.transaction((tx) => tx.exec(readFileSync(file, 'utf8')));
		}
		seeded = true;
	}
	return { fresh, applied, seeded };
}
