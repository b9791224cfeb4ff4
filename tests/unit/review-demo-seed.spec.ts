/**
 * The demo review data (scripts/seed-review-demo.ts) on a fresh seeded stack: its scores are the
 * engine's for the stored answers, approval filed vendor A's findings (one aggregated over the same
 * agent's two calls, with a plan), alerts fired exactly where the bank's threshold says, one call
 * waits for review, the shopper got no stale assignment notices, and a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../supabase/local/tests/stack';
import { libraryContent, scenarioLibrary } from '../../src/lib/domain/library';
import { scoreScenario } from '../../src/lib/domain/scoring';
import { answersSchemaFor } from '../../src/lib/schemas/scenario-answers';
import { DEMO_CALLS, seedReviewDemo } from '../../scripts/seed-review-demo';

const VENDOR_A = 'd0000000-0000-4000-8000-00000000000a';
const content = libraryContent(scenarioLibrary.find((e) => e.code === 'SE-RELATIVE')!);
const ids = DEMO_CALLS.map((c) => c.id);

let stack: TestStack;
const sql = async <T>(text: string, params: unknown[] = []) =>
	(await stack.db.query<T>(text, params)).rows;

beforeAll(async () => {
	stack = await startTestStack();
	expect(await seedReviewDemo(stack)).toBe(DEMO_CALLS.length);
}, 180_000);
afterAll(() => stack?.close());

describe('the demo review data', () => {
	it('stores the engine’s score of the stored answers, original and final', async () => {
		const rows = await sql<{
			call_id: string;
			status: string;
			answers: unknown;
			overall: string;
			current_overall: string | null;
		}>(
			`select s.call_id::text, c.status::text, s.answers, s.overall, s.current_overall
			   from public.call_submissions s join public.test_calls c on c.id = s.call_id
			  where s.call_id = any ($1::uuid[]) order by s.call_id`,
			[ids]
		);
		expect(rows.map((r) => r.status)).toEqual(['reviewed', 'reviewed', 'reviewed', 'submitted']);
		for (const r of rows) {
			const score = scoreScenario(content, answersSchemaFor(content).parse(r.answers));
			expect(Number(r.overall), r.call_id).toBeCloseTo(score.score!, 6);
			if (r.status === 'reviewed') expect(Number(r.current_overall)).toBeCloseTo(score.score!, 6);
			const failed = score.items.filter((i) => i.passed === false).map((i) => i.id);
			expect(failed.sort()).toEqual(DEMO_CALLS.find((c) => c.id === r.call_id)!.fail.sort());
		}
	});

	it("files vendor A's findings, aggregating the same item over two calls, with a plan", async () => {
		const rows = await sql<{
			item_id: string;
			vendor_id: string;
			occurrences: number;
			agents: number;
			status: string;
		}>(
			`select item_id, vendor_id::text, occurrences, cardinality(agent_pseudonyms) as agents,
			        status::text from public.findings where call_ids && $1::uuid[] order by item_id`,
			[ids]
		);
		expect(rows.map((r) => r.item_id)).toEqual(['mc12', 'mc40', 'rel_asked']);
		expect(new Set(rows.map((r) => r.vendor_id))).toEqual(new Set([VENDOR_A]));
		expect(rows[0]).toMatchObject({ occurrences: 2, agents: 1, status: 'remediation_proposed' });
	});

	it('alerts exactly on the approved calls the bank’s threshold catches', async () => {
		for (const c of DEMO_CALLS.filter((d) => d.approve)) {
			const [s] = await sql<{ answers: unknown }>(
				'select answers from public.call_submissions where call_id = $1',
				[c.id]
			);
			const score = scoreScenario(content, answersSchemaFor(content).parse(s.answers));
			const expected = score.failed || (score.score ?? 1) < 0.7;
			const [a] = await sql<{ n: number }>(
				`select count(*)::int as n from public.audit_log where action = 'alert' and entity_id = $1`,
				[c.id]
			);
			expect(a.n > 0, c.id).toBe(expected);
		}
	});

	it('leaves the shopper no assignment notice or e-mail about calls that are history', async () => {
		expect(
			await sql(
				`select 1 from public.notifications where kind = 'assignment' and call_id = any ($1::uuid[])`,
				[ids]
			)
		).toEqual([]);
		expect(
			await sql(
				`select 1 from public.email_outbox where kind = 'assignment'
				  and recipient = 'shopper2@demo.clearcall.test'`
			)
		).toEqual([]);
	});

	it('adds nothing when run again', async () => {
		expect(await seedReviewDemo(stack)).toBe(0);
		const [n] = await sql<{ n: number }>(
			'select count(*)::int as n from public.call_submissions where call_id = any ($1::uuid[])',
			[ids]
		);
		expect(n.n).toBe(DEMO_CALLS.length);
	});
});
