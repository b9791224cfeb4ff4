/**
 * What a published report holds, read back from the PDF with pdfjs: the findings register, the
 * remediation actions, the margin of error from the programme's sampling plan and the trend over the
 * previous period, from reviewed calls only; and the audience rule of issue 8 — vendor A serves the
 * bank and the telecom client, so the vendor report made for the bank holds no telecom call, and
 * the telecom viewer cannot read it.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { pdfPages } from '../../src/lib/server/pdf/pdf-text';
import { approveCall } from '../../src/lib/server/review/calls';
import { proposeRemediation } from '../../src/lib/server/review/findings';
import type { Actor } from '../../src/lib/server/review/result';
import { publishReport, type PublishStep } from '../../src/lib/server/reports/publish';
import { submitCall } from '../../src/lib/server/submission';
import { PASSWORD, type World } from './fixtures';
import {
	freshCall,
	shopperCaller,
	startSubmissionWorld,
	validSubmission
} from './submission-fixtures';

let w: World;
let admin: SupabaseClient;
let telecomViewer: SupabaseClient<Database>;
const officer = (): Actor => ({ client: w.as.officer, userId: w.ids['u:officer'] });
const vendor = (): Actor => ({ client: w.as.vendorA, userId: w.ids['u:vendor-a'] });
const displayId = (id: string) => `TC-${id.slice(0, 8).toUpperCase()}`;
const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

/** A reviewed call at site A1 on `line` for `programme`, on `day` (UTC), greeting failed or passed. */
async function reviewedCall(line: string, programme: string, day: string, greeted: 'yes' | 'no') {
	const id = await freshCall(w, 'shopper1', { line });
	const body = validSubmission(id, {
		answers: { greeted, asked_verification: 'yes', comment: 'x' },
		agent: 'Zhang Wei'
	});
	expect((await submitCall(shopperCaller(w), admin, id, body)).status).toBe(200);
	const approved = await approveCall(officer(), admin, { callId: id });
	expect(approved.ok, JSON.stringify(approved)).toBe(true);
	await w.sql(
		`update public.test_calls set programme_id = $2, scheduled_at = null,
		   window_start = $3::date + time '09:00', window_end = $3::date + time '11:00' where id = $1`,
		[id, w.ids[programme], day]
	);
	return id;
}

async function programme(name: string, client: string) {
	const definition = {
		sampling: { confidence: 0.95, margin: 0.1 },
		sites: [{ siteId: w.ids.siteA1, callVolume: 400 }]
	};
	const [r] = await w.sql<{ id: string }>(
		`insert into public.programmes (organisation_id, client_id, name, definition)
		 values ($1, $2, $3, $4) returning id::text`,
		[w.ids.audit, w.ids[client], name, JSON.stringify(definition)]
	);
	w.ids[name] = r.id;
}

async function publish(client: string | null) {
	const steps: PublishStep[] = [];
	for await (const s of publishReport(
		{ client: w.as.officer, userId: w.ids['u:officer'], name: 'Officer' },
		admin,
		{
			scope: `vendor:${w.ids.vendorA}`,
			period_start: '2030-01-01',
			period_end: '2030-01-31',
			locale: 'en',
			client
		},
		'https://clearcall.test'
	))
		steps.push(s);
	const last = steps.at(-1)!;
	if (last.type !== 'done') throw new Error(`not published: ${JSON.stringify(last)}`);
	const file = await admin.storage.from('reports').download(last.report.storage_path);
	return {
		report: last.report,
		text: flat(await pdfPages(new Uint8Array(await file.data!.arrayBuffer())))
	};
}

let bankCall: string;
let telecomCall: string;
let bank: Awaited<ReturnType<typeof publish>>;
let telecom: Awaited<ReturnType<typeof publish>>;

beforeAll(async () => {
	w = await startSubmissionWorld();
	admin = w.stack.admin();
	await programme('progBank', 'bank');
	await programme('progTelecom', 'telecom');
	bankCall = await reviewedCall('lineBankA1', 'progBank', '2030-01-10', 'no');
	telecomCall = await reviewedCall('lineTelA1', 'progTelecom', '2030-01-12', 'no');
	await reviewedCall('lineBankA1', 'progBank', '2029-12-10', 'yes');
	const [finding] = await w.sql<{ id: string }>(
		`select id::text from public.findings where $1::uuid = any (call_ids)`,
		[bankCall]
	);
	const plan = await proposeRemediation(vendor(), {
		findingId: finding.id,
		actions: [
			{ title: 'Retrain the greeting script', owner: 'Team lead A', due_date: '2030-02-28' }
		]
	});
	expect(plan.ok, JSON.stringify(plan)).toBe(true);
	bank = await publish(w.ids.bank);
	telecom = await publish(w.ids.telecom);
	telecomViewer = createClient<Database>(w.stack.url, w.stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const signIn = await telecomViewer.auth.signInWithPassword({
		email: 'client-telecom@demo.clearcall.test',
		password: PASSWORD
	});
	if (signIn.error) throw new Error(signIn.error.message);
}, 180_000);
afterAll(() => w?.close());

describe('the content of a published vendor report', () => {
	it('lists the finding the period rests on, with the remediation action, owner and due date', () => {
		expect(bank.text).toContain('F-');
		expect(bank.text).toContain('Retrain the greeting script');
		expect(bank.text).toContain('Team lead A');
		expect(bank.text).toContain('2030-02-28');
	});

	it("prints the sampling plan's population and the achieved margin of error", () => {
		expect(bank.text).toContain('Achieved margin of error');
		expect(bank.text).toMatch(/±\s?\d/);
		expect(bank.text).toContain('400');
	});

	it('shows the trend over the previous periods of equal length', () => {
		expect(bank.text).toContain('2029-12-01');
		expect(bank.text).toContain('2029-12-31');
	});

	it('names agents by pseudonym only, never by name', () => {
		expect(bank.text).toMatch(/Agent [0-9A-F]{4}/);
		expect(bank.text).not.toContain('Zhang Wei');
	});
});

describe('a vendor report made for one client', () => {
	it("holds the bank's call and no telecom call ID", () => {
		expect(bank.report.client_id).toBe(w.ids.bank);
		expect(bank.text).toContain(displayId(bankCall));
		expect(bank.text).not.toContain(displayId(telecomCall));
		expect(telecom.text).toContain(displayId(telecomCall));
		expect(telecom.text).not.toContain(displayId(bankCall));
	});

	it('is its own series per client, with its own code', () => {
		expect(telecom.report.code).not.toBe(bank.report.code);
		expect(telecom.report.version).toBe(1);
	});

	it("the bank viewer reads the bank's report and file, not the telecom's", async () => {
		const rows = await w.as.clientBank.from('reports').select('id');
		const ids = (rows.data ?? []).map((r) => r.id);
		expect(ids).toContain(bank.report.id);
		expect(ids).not.toContain(telecom.report.id);
		const file = await w.as.clientBank.storage
			.from('reports')
			.download(telecom.report.storage_path);
		expect(file.data).toBeNull();
	});

	it("the telecom viewer cannot read the bank's report or its file", async () => {
		const rows = await telecomViewer.from('reports').select('id').eq('id', bank.report.id);
		expect(rows.data ?? []).toEqual([]);
		const file = await telecomViewer.storage.from('reports').download(bank.report.storage_path);
		expect(file.data).toBeNull();
		const own = await telecomViewer.from('reports').select('id').eq('id', telecom.report.id);
		expect(own.data?.length).toBe(1);
	});

	it('the vendor manager reads both', async () => {
		const rows = await w.as.vendorA
			.from('reports')
			.select('id')
			.in('id', [bank.report.id, telecom.report.id]);
		expect(rows.data?.length).toBe(2);
	});

	it('publish_report refuses an audience the vendor does not serve', async () => {
		const { error } = await admin.rpc('publish_report', {
			p_actor: w.ids['u:officer'],
			p_report: {
				id: crypto.randomUUID(),
				organisation_id: w.ids.audit,
				code: 'CC-AUDIENCE01',
				version: 1,
				scope_kind: 'vendor',
				vendor_id: w.ids.vendorC,
				client_id: w.ids.bank,
				period_start: '2030-01-01',
				period_end: '2030-01-31',
				locale: 'en'
			}
		});
		expect(error?.code).toBe('PT404');
	});
});
