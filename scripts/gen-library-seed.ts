/** `npm run gen:library`: writes supabase/seed/10_scenario_library.sql from the library modules. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../supabase/local/src/config';
import { LIBRARY_SEED_FILE, renderLibrarySeed } from '../src/lib/domain/library/seed-sql';

const target = path.join(PROJECT_ROOT, LIBRARY_SEED_FILE);
const next = renderLibrarySeed();
const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
if (previous === next) {
	console.log(`${LIBRARY_SEED_FILE} is up to date`);
} else {
	mkdirSync(path.dirname(target), { recursive: true });
	writeFileSync(target, next);
	console.log(`wrote ${LIBRARY_SEED_FILE}`);
}
