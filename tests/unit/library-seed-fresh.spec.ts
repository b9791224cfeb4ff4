/**
 * The seeded scenario library: the committed SQL is what `npm run gen:library` writes, and on a
 * fresh stack it loads as seven published scenarios of the demo audit organisation whose content
 * is exactly the library's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../supabase/local/src/config';
import { startTestStack, type TestStack } from '../../supabase/local/tests/stack';
import { scenarioContentSchema } from '../../src/lib/schemas/scenario';
import {
	LIBRARY_AUTHOR_ID,
	LIBRARY_ORGANISATION_ID,
	libraryContent,
	scenarioLibrary
} from '../../src/lib/domain/library';
import { LIBRARY_SEED_FILE, renderLibrarySeed } from '../../src/lib/domain/library/seed-sql';

const STALE = `${LIBRARY_SEED_FILE} is stale: run \`npm run gen:library\` and commit the result`;
const seedPath = path.join(PROJECT_ROOT, LIBRARY_SEED_FILE);
const committed = () => readFileSync(seedPath, 'utf8');
const scenarioIds = scenarioLibrary.map((e) => e.scenarioId);

describe('the generated library seed', () => {
	it('matches the committed supabase/seed/10_scenario_library.sql', () => {
		expect(renderLibrarySeed(), STALE).toBe(committed());
	});

	it('differs from the committed file as soon as a content module changes', () => {
		const [first, ...rest] = scenarioLibrary;
		const edited = {
			...first,
			content: { ...first.content, title: { en: 'Edited', 'zh-CN': '已修改' } }
		};
		expect(renderLibrarySeed([edited, ...rest])).not.toBe(committed());
	});

	it('refuses content that does not parse, rather than seeding it', () => {
		const [first] = scenarioLibrary;
		const broken = { ...first, content: { ...first.content, title: {} } };
		expect(() => renderLibrarySeed([broken])).toThrow();
	});
});

describe('the library on a fresh stack', () => {
	let stack: TestStack;
	beforeAll(async () => {
		stack = await startTestStack();
	});
	afterAll(() => stack?.close());

	const rows = async () =>
		(
			await stack.db.query<{
				id: string;
				code: string;
				kind: string;
				title: string;
				title_zh: string;
				organisation_id: string;
				created_by: string;
				version_id: string;
				version: number;
				status: string;
				content: unknown;
				published_at: string | null;
				published_by: string | null;
				updated_at: string;
			}>(
				`select s.id, s.code, s.kind, s.title, s.title_zh, s.organisation_id, s.created_by,
					v.id as version_id, v.version, v.status, v.content, v.published_at, v.published_by,
					v.updated_at
				from public.scenarios s join public.scenario_versions v on v.scenario_id = s.id
				where s.id = any($1::uuid[]) order by s.id, v.version`,
				[scenarioIds]
			)
		).rows;

	it('seeds every library scenario once, owned by the demo audit organisation, as published version 1', async () => {
		const seeded = await rows();
		expect(seeded).toHaveLength(scenarioLibrary.length);
		scenarioLibrary.forEach((entry, i) => {
			const content = libraryContent(entry);
			expect(seeded[i]).toMatchObject({
				id: entry.scenarioId,
				version_id: entry.versionId,
				code: entry.code,
				kind: content.kind,
				title: content.title.en,
				title_zh: content.title['zh-CN'],
				organisation_id: LIBRARY_ORGANISATION_ID,
				created_by: LIBRARY_AUTHOR_ID,
				version: 1,
				status: 'published',
				published_by: LIBRARY_AUTHOR_ID
			});
			expect(seeded[i].published_at).not.toBeNull();
		});
	});

	it('stores each version’s content exactly as the schema parses the library module', async () => {
		const seeded = await rows();
		scenarioLibrary.forEach((entry, i) => {
			expect(seeded[i].content, entry.code).toEqual(libraryContent(entry));
			expect(scenarioContentSchema.parse(seeded[i].content), entry.code).toEqual(seeded[i].content);
		});
	});

	it('changes nothing when the seed runs again', async () => {
		const before = await rows();
		await stack.db.exec(committed());
		expect(await rows()).toEqual(before);
	});

	it('keeps the seeded versions frozen like any published version', async () => {
		const [first] = scenarioLibrary;
		const before = await rows();
		await expect(
			stack.db.query(
				`update public.scenario_versions set content = content || '{"title": {"en": "x"}}'
				where id = $1`,
				[first.versionId]
			)
		).rejects.toThrow();
		expect(await rows()).toEqual(before);
	});

	it('shows the library to the demo compliance officer and hides it from a vendor manager', async () => {
		const codes = async (email: string) => {
			const client = stack.anon();
			const { error } = await client.auth.signInWithPassword({ email, password: 'clearcall-demo' });
			expect(error).toBeNull();
			const { data, error: readError } = await client
				.from('scenarios')
				.select('code, scenario_versions(status)')
				.in('id', scenarioIds);
			expect(readError).toBeNull();
			return data!;
		};
		const officer = await codes('officer@demo.clearcall.test');
		expect(officer.map((r) => r.code).sort()).toEqual(scenarioLibrary.map((e) => e.code).sort());
		for (const row of officer) expect(row.scenario_versions).toEqual([{ status: 'published' }]);
		expect(await codes('vendor-a@demo.clearcall.test')).toEqual([]);
	});
});
