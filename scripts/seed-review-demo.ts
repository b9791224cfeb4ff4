/**
 * Demo review data for a freshly seeded embedded stack (`npm run dev`, `npm start`, the e2e app):
 * four calls of the seeded "Pretext: a relative's account" scenario at vendor A's sites, answered by
 * shopper 2 and submitted through the same server code as the phone (so every score is the
 * engine's); three of them approved by the demo officer through the review server code, which files
 * the findings (one aggregated over two calls of the same agent), checks the bank's alert threshold
 * and writes the audit trail; vendor A's manager has proposed a plan for one finding; the fourth
 * waits in the review queue.
 *
 * Why a script and not supabase/seed/*.sql: every test stack loads those files, and the RLS and
 * dashboard suites count calls, results and findings exactly; and SQL would have to restate the
 * scoring engine. The app's embedded stack runs this on every start; it adds nothing once the demo
 * calls exist.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { LocalStack } from '../supabase/local/src/index';
import { libraryContent, scenarioLibrary } from '../src/lib/domain/library';
import type { ScenarioContent } from '../src/lib/schemas/scenario';
import type { AnswerValue } from '../src/lib/schemas/scenario-answers';
import { submitCall } from '../src/lib/server/submission';
import { approveCall, proposeRemediation } from '../src/lib/server/review';
import { passingValue } from '../src/lib/server/review/rescore';
import { DEMO_PASSWORD } from './demo-accounts';

const AUDIT_ORG = 'a0000000-0000-4000-8000-000000000001';
const BANK = 'c0000000-0000-4000-8000-000000000001';
const SCENARIO_CODE = 'SE-RELATIVE';
const SHOPPER = 'shopper2@demo.clearcall.test';

/** One demo call: where, the agent the shopper noted, the items answered wrongly, approved or not. */
export interface DemoCall {
	id: string;
	site: string;
	line: string;
	/** The window ended this many hours ago. */
	hoursAgo: number;
	agent: string;
	fail: string[];
	approve: boolean;
}

// Fixed ids, so the data is recognisable (dc… = demo call) and a second run changes nothing.
export const DEMO_CALLS: DemoCall[] = [
	{
		id: 'dc000000-0000-4000-8000-000000000001',
		site: '5e000000-0000-4000-8000-0000000000a1',
		line: '1e000000-0000-4000-8000-000000000101',
		hoursAgo: 8,
		agent: 'Zhou Min',
		fail: ['mc12', 'mc40'],
		approve: true
	},
	{
		id: 'dc000000-0000-4000-8000-000000000002',
		site: '5e000000-0000-4000-8000-0000000000a1',
		line: '1e000000-0000-4000-8000-000000000101',
		hoursAgo: 6,
		agent: 'Zhou Min',
		fail: ['mc12'],
		approve: true
	},
	{
		id: 'dc000000-0000-4000-8000-000000000003',
		site: '5e000000-0000-4000-8000-0000000000a2',
		line: '1e000000-0000-4000-8000-000000000102',
		hoursAgo: 4,
		agent: 'Sun Jie',
		fail: ['rel_asked'],
		approve: true
	},
	{
		id: 'dc000000-0000-4000-8000-000000000004',
		site: '5e000000-0000-4000-8000-0000000000a1',
		line: '1e000000-0000-4000-8000-000000000101',
		hoursAgo: 2,
		agent: 'Liu Yang',
		fail: ['mc13'],
		approve: false
	}
];

/** Every scored item answered as it passes, but those in `fail`; optional and free-text items left out. */
export function demoAnswers(content: ScenarioContent, fail: string[]): Record<string, AnswerValue> {
	const out: Record<string, AnswerValue> = {};
	for (const section of content.checklist.sections)
		for (const item of section.items) {
			const pass = passingValue(item);
			if (pass === undefined) continue;
			out[item.id] = fail.includes(item.id) ? failingValue(pass) : pass;
		}
	return out;
}

const failingValue = (pass: AnswerValue): AnswerValue =>
	pass === 'yes' ? 'no' : pass === 'no' ? 'yes' : typeof pass === 'number' ? 0 : pass;

async function signedIn(stack: LocalStack, email: string) {
	const client = createClient(stack.url, stack.config.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { data, error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error) throw new Error(`demo sign-in of ${email} failed: ${error.message}`);
	return { client: client as SupabaseClient, userId: data.user.id };
}

const one = async <T>(stack: LocalStack, sql: string, params: unknown[] = []) =>
	(await stack.db.query<T>(sql, params)).rows[0];

/** Adds the demo review data to `stack`; returns how many calls it added (0 when already there). */
export async function seedReviewDemo(stack: LocalStack): Promise<number> {
	const entry = scenarioLibrary.find((e) => e.code === SCENARIO_CODE);
	if (!entry) throw new Error(`the library has no ${SCENARIO_CODE}`);
	const content = libraryContent(entry);
	const existing = await one<{ n: number }>(
		stack,
		'select count(*)::int as n from public.test_calls where id = any ($1::uuid[])',
		[DEMO_CALLS.map((c) => c.id)]
	);
	if (existing.n > 0) return 0;

	const admin = createClient(stack.url, stack.config.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	}) as SupabaseClient;
	const shopper = await signedIn(stack, SHOPPER);
	const officer = await signedIn(stack, 'officer@demo.clearcall.test');
	const vendor = await signedIn(stack, 'vendor-a@demo.clearcall.test');

	// The bank alerts below 70 % or on any critical failure.
	await stack.db.query(
		`insert into public.alert_thresholds (organisation_id, client_id, min_overall, on_critical_fail)
		 values ($1, $2, 0.7, true) on conflict do nothing`,
		[AUDIT_ORG, BANK]
	);

	// The calls are history, not news: the assignment notices the insert triggers are removed again.
	const mark = await one<{ id: number }>(
		stack,
		'select coalesce(max(id), 0)::int as id from public.email_outbox'
	);
	for (const c of DEMO_CALLS)
		await stack.db.query(
			`insert into public.test_calls (id, organisation_id, scenario_version_id, site_id, line_id,
			   shopper_id, status, window_start, window_end, scheduled_at)
			 values ($1, $2, $3, $4, $5, $6, 'in_progress', now() - make_interval(hours => $7 + 2),
			   now() - make_interval(hours => $7), now() - make_interval(hours => $7 + 1))`,
			[c.id, AUDIT_ORG, entry.versionId, c.site, c.line, shopper.userId, c.hoursAgo]
		);
	await stack.db.query(
		`delete from public.notifications where kind = 'assignment' and call_id = any ($1::uuid[])`,
		[DEMO_CALLS.map((c) => c.id)]
	);
	await stack.db.query(
		`delete from public.email_outbox where id > $1 and kind = 'assignment' and recipient = $2`,
		[mark.id, SHOPPER]
	);

	for (const c of DEMO_CALLS) {
		const out = await submitCall(shopper, admin, c.id, {
			callId: c.id,
			idempotencyKey: crypto.randomUUID(),
			answers: demoAnswers(content, c.fail),
			itemNotes: {},
			markers: [],
			timings: {},
			notes: c.fail.length ? 'Demo call: see the failed items.' : 'Demo call.',
			evidence: [],
			agent: c.agent,
			clientVersion: 1
		});
		if (out.status !== 200) throw new Error(`demo submission ${c.id}: ${JSON.stringify(out)}`);
		if (!c.approve) continue;
		const approved = await approveCall(officer, admin, { callId: c.id });
		if (!approved.ok) throw new Error(`demo approval ${c.id}: ${JSON.stringify(approved)}`);
	}

	// Vendor A has answered the repeated finding with a plan.
	const repeated = await one<{ id: string }>(
		stack,
		`select id::text from public.findings where item_id = 'mc12' and $1 = any (call_ids)`,
		[DEMO_CALLS[0].id]
	);
	const plan = await proposeRemediation(vendor, {
		findingId: repeated.id,
		actions: [
			{
				title: 'Refresher on verifying third-party callers',
				owner: 'Team lead, Shanghai',
				due_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
				status: 'in_progress'
			}
		]
	});
	if (!plan.ok) throw new Error(`demo plan: ${JSON.stringify(plan)}`);
	return DEMO_CALLS.length;
}
