import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../supabase/local/src/db/driver';
import { migrate } from '../../supabase/local/src/db/migrate';
import { PROJECT_ROOT } from '../../supabase/local/src/config';
import { generateDatabaseTypes, TYPES_PATH } from '../../scripts/gen-types/index';
import { introspect } from '../../scripts/gen-types/introspect';
import { renderTypes } from '../../scripts/gen-types/render';
import { startTestStack } from '../../supabase/local/tests/stack';

const STALE = 'src/lib/database.types.ts is stale: run `npm run gen:types` and commit the result';
const committed = () => readFileSync(TYPES_PATH, 'utf8');

describe('generated database types', () => {
	it('match the committed src/lib/database.types.ts', async () => {
		expect(await generateDatabaseTypes(), STALE).toBe(committed());
	});

	it('come out the same from the stack database the tests run on (PGlite or server Postgres)', async () => {
		const stack = await startTestStack();
		try {
			expect(await renderTypes(await introspect(stack.db)), STALE).toBe(committed());
		} finally {
			await stack.close();
		}
	});

	describe('after a migration changes the schema', () => {
		let db: Database;
		beforeAll(async () => {
			db = await openDatabase({ dataDir: 'memory://' });
			await migrate(db, path.join(PROJECT_ROOT, 'supabase/migrations'), null);
			await db.exec(`
				create type public.probe_mood as enum ('calm', 'tense');
				create table public.probe_notes (
					id bigint generated always as identity primary key,
					line_id uuid not null unique references public.lines (id),
					mood public.probe_mood,
					body text not null default ''
				);
				create view public.probe_view as select id, body from public.probe_notes;
				create function public.probe_count(since timestamptz default null) returns setof public.probe_notes
					language sql stable as $$ select * from public.probe_notes $$;`);
		});
		afterAll(() => db?.close());

		it('differ from the committed file, so a stale file fails the suite', async () => {
			const changed = await renderTypes(await introspect(db));
			expect(changed).not.toBe(committed());
		});

		it('describe new tables, enums, views, functions and one-to-one relationships', async () => {
			const out = await renderTypes(await introspect(db));
			expect(out).toContain('probe_mood: "calm" | "tense"');
			expect(out).toMatch(
				/probe_notes: \{\s+Row: \{\s+body: string\s+id: number\s+line_id: string\s+mood: Database\["public"\]\["Enums"\]\["probe_mood"\] \| null/
			);
			expect(out).toMatch(/Insert: \{\s+body\?: string\s+id\?: never\s+line_id: string\s+mood\?:/);
			expect(out).toMatch(
				/foreignKeyName: "probe_notes_line_id_fkey"\s+columns: \["line_id"\]\s+isOneToOne: true\s+referencedRelation: "lines"/
			);
			expect(out).toMatch(/probe_view: \{\s+Row: \{\s+body: string \| null\s+id: number \| null/);
			expect(out).toMatch(
				/probe_count: \{\s+Args: \{\s+since\?: string\s+\}\s+Returns: \{\s+body: string\s+id: number/
			);
		});
	});
});
