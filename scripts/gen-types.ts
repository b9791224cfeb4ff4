/** `npm run gen:types`: regenerates src/lib/database.types.ts from the migrations. */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../supabase/local/src/config';
import { generateDatabaseTypes, TYPES_PATH } from './gen-types/index';

const next = await generateDatabaseTypes();
const previous = existsSync(TYPES_PATH) ? readFileSync(TYPES_PATH, 'utf8') : null;
const where = path.relative(PROJECT_ROOT, TYPES_PATH);
if (previous === next) {
	console.log(`${where} is up to date`);
} else {
	writeFileSync(TYPES_PATH, next);
	console.log(`wrote ${where}`);
}
