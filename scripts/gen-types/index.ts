/**
 * Generates `src/lib/database.types.ts` from the live schema: a throw-away database (PGlite in memory
 * unless one is given) with every migration applied, introspected and rendered like the Supabase CLI.
 */
import path from 'node:path';
import { openDatabase, type Database } from '../../supabase/local/src/db/driver';
import { migrate } from '../../supabase/local/src/db/migrate';
import { PROJECT_ROOT } from '../../supabase/local/src/config';
import { introspect } from './introspect';
import { renderTypes } from './render';

export const TYPES_PATH = path.join(PROJECT_ROOT, 'src/lib/database.types.ts');

/**
 * The generated types for the `public` schema. With `databaseUrl`, migrations run on that (empty)
 * server database instead of an in-memory PGlite.
 */
export async function generateDatabaseTypes(databaseUrl?: string): Promise<string> {
	const db: Database = await openDatabase({ databaseUrl, dataDir: 'memory://' });
	try {
		await migrate(db, path.join(PROJECT_ROOT, 'supabase/migrations'), null);
		return await renderTypes(await introspect(db, 'public'));
	} finally {
		await db.close();
	}
}
