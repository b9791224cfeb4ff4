/**
 * Publishing, verifying, downloading and purging against the real stack: the server modules with the
 * officer's own client and the service role, as the routes call them; PDFs read back with pdfjs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../src/lib/server/pdf/pdf-text';
import { openReport } from '../../src/lib/server/reports/download';
import { gatherReportData } from '../../src/lib/server/reports/gather';
import { publishReport, type PublishStep } from '../../src/lib/server/reports/publish';
import { verifyReport } from '../../src/lib/server/reports/verify';
import { purgeExpiredEvidence } from '../../src/lib/server/retention/purge';
import { approveCall } from '../../src/lib/server/review/calls';
import { submitCall } from '../../src/lib/server/submission';
import type { World } from './fixtures';
import {
	freshCall,
	shopperCaller,
	startSubmissionWorld,
	validSubmission
} from './submission-fixtures';

let w: World;
const PERIOD = { period_start: '2030-01-01', period_end: '2030-01-31' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Submits a fresh call at site A1 (vendor A) with one uploaded recording; returns call and file. */
async function submittedCallWithRecording() {
	const callId = await freshCall(w);
	const bytes = new TextEncoder().encode(`recording of ${callId}`);
	const path = `${w.ids.audit}/${callId}/${randomUUID()}.m4a`;
	const up = await w.stack
		.admin()
		.storage.from('evidence')
		.upload(path, bytes, { contentType: 'audio/mp4' });
	if (up.error) throw new Error(`evidence upload: ${up.error.message}`);
	const evidence = [
		{ path, sha256: sha(bytes), bytes: bytes.byteLength, mime: 'audio/mp4' as const }
	];
	const out = await submitCall(
		shopperCaller(w),
		w.stack.admin(),
		callId,
		validSubmission(callId, { evidence })
	);
	if (out.status !== 200) throw new Error(`submission failed: ${JSON.stringify(out.body)}`);
	// Only reviewed calls go into a report (src/lib/server/reports/gather.ts).
	const approved = await approveCall(
		{ client: w.as.officer, userId: w.ids['u:officer'] },
		w.stack.admin(),
		{ callId }
	);
	if (!approved.ok) throw new Error(`approval failed: ${JSON.stringify(approved)}`);
	return { callId, path, hash: evidence[0].sha256 };
}

const officer = () => ({ client: w.as.officer, userId: w.ids['u:officer'], name: 'Officer' });

async function publish(
	who = officer(),
	scope = `vendor:${w.ids.vendorA}`,
	locale: 'en' | 'zh-CN' = 'en'
) {
	const steps: PublishStep[] = [];
	for await (const s of publishReport(
		who,
		w.stack.admin(),
		{ scope, ...PERIOD, locale, client: null },
		'https://clearcall.test'
	))
		steps.push(s);
	return steps;
}

const doneReport = (steps: PublishStep[]) => {
	const last = steps.at(-1)!;
	if (last.type !== 'done') throw new Error(`not published: ${JSON.stringify(last)}`);
	return last.report;
};

let recording: { callId: string; path: string; hash: string };

beforeAll(async () => {
	w = await startSubmissionWorld();
	recording = await submittedCallWithRecording();
});
afterAll(async () => {
	await w?.close();
});

describe('publishing a report', () => {
	let v1: Awaited<ReturnType<typeof doneReport>>;
	let v1Bytes: Uint8Array;

	it('records a row whose sha256 is the hash of the stored PDF, with progress on the way', async () => {
		const steps = await publish();
		const progress = steps.filter((s) => s.type === 'progress').map((s) => s.done);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(progress.at(-1)).toBe(4);
		v1 = doneReport(steps);
		expect(v1.version).toBe(1);
		expect(v1.status).toBe('published');
		const { data } = await w.stack.admin().storage.from('reports').download(v1.storage_path);
		v1Bytes = new Uint8Array(await data!.arrayBuffer());
		expect(new TextDecoder().decode(v1Bytes.slice(0, 5))).toBe('%PDF-');
		expect(sha(v1Bytes)).toBe(v1.sha256);
		expect(v1.bytes).toBe(v1Bytes.byteLength);
		const [log] = await w.sql<{ actor_id: string }>(
			`select actor_id::text from public.audit_log where action = 'publish' and entity_id = $1`,
			[v1.id]
		);
		expect(log.actor_id).toBe(w.ids['u:officer']);
	});

	it('prints the report ID, version, verification URL and the evidence hash in the PDF', async () => {
		const text = (await pdfPages(v1Bytes)).join('\n');
		expect(text).toContain(v1.code);
		expect(text).toContain('https://clearcall.test/verify?code=' + v1.code);
		expect(text.replace(/\s+/g, '')).toContain(recording.hash);
	});

	it('re-publishing makes version 2 and marks version 1 superseded, still downloadable', async () => {
		const v2 = doneReport(await publish());
		expect(v2.code).toBe(v1.code);
		expect(v2.version).toBe(2);
		const [old] = await w.sql<{ status: string; superseded_by: string }>(
			`select status::text, superseded_by::text from public.reports where id = $1`,
			[v1.id]
		);
		expect(old).toEqual({ status: 'superseded', superseded_by: v2.id });
		for (const client of [w.as.officer, w.as.vendorA]) {
			const file = await openReport(client, v1.id);
			expect(sha(new Uint8Array(await file!.bytes.arrayBuffer()))).toBe(v1.sha256);
		}
		// Made for no client: the bank's viewer cannot open it (reports-content.spec.ts: audiences).
		expect(await openReport(w.as.clientBank, v1.id)).toBeNull();
		const admin = w.stack.admin();
		expect(await verifyReport(admin, v2.sha256, null)).toMatchObject({
			kind: 'current',
			report: { code: v2.code, version: 2 }
		});
		expect(await verifyReport(admin, v1.sha256, v1.code)).toMatchObject({
			kind: 'superseded',
			latestVersion: 2
		});
		const tampered = v1Bytes.slice();
		tampered[tampered.length - 20] ^= 1;
		expect(await verifyReport(admin, sha(tampered), null)).toEqual({ kind: 'unknown' });
		expect(await verifyReport(admin, v2.sha256, 'CC-0000000000')).toEqual({ kind: 'unknown' });
	});

	it('a zh-CN report is its own series and carries Chinese text', async () => {
		const zh = doneReport(await publish(officer(), `vendor:${w.ids.vendorA}`, 'zh-CN'));
		expect(zh.version).toBe(1);
		const { data } = await w.stack.admin().storage.from('reports').download(zh.storage_path);
		const text = (await pdfPages(new Uint8Array(await data!.arrayBuffer()))).join('\n');
		expect(text).toMatch(/[\u4e00-\u9fff]/);
	});

	it('a shopper cannot publish, and leaves neither a row nor a file behind', async () => {
		const before = await w.sql(
			`select count(*)::int as n from storage.objects where bucket_id = 'reports'`
		);
		const steps = await publish({ client: w.as.shopper, userId: w.ids['u:shopper1'], name: 'x' });
		expect(steps.at(-1)).toMatchObject({ type: 'error', code: 'not_found' });
		const after = await w.sql(
			`select count(*)::int as n from storage.objects where bucket_id = 'reports'`
		);
		expect(after).toEqual(before);
	});

	it("a vendor manager's or client viewer's client finds no scope to publish", async () => {
		for (const [client, id] of [
			[w.as.vendorA, 'u:vendor-a'],
			[w.as.clientBank, 'u:client-bank']
		] as const) {
			const steps = await publish({ client, userId: w.ids[id], name: 'x' });
			expect(steps.at(-1)).toMatchObject({ type: 'error' });
		}
	});

	it("publish_report refuses the officer's own token, and a stale version", async () => {
		const forged = await w.as.officer.rpc('publish_report', {
			p_actor: w.ids['u:officer'],
			p_report: {}
		});
		expect(forged.error?.code).toBe('42501');
		const [latest] = await w.sql<{ version: number; code: string }>(
			`select version, code from public.reports where code = $1 order by version desc limit 1`,
			[v1.code]
		);
		const id = randomUUID();
		const path = `${w.ids.audit}/${id}.pdf`;
		await w.stack
			.admin()
			.storage.from('reports')
			.upload(path, v1Bytes, { contentType: 'application/pdf' });
		const stale = await w.stack.admin().rpc('publish_report', {
			p_actor: w.ids['u:officer'],
			p_report: {
				id,
				organisation_id: w.ids.audit,
				code: latest.code,
				version: latest.version,
				scope_kind: 'vendor',
				vendor_id: w.ids.vendorA,
				...PERIOD,
				locale: 'en',
				sha256: 'a'.repeat(64),
				bytes: 10,
				scope_name: 'stale'
			}
		});
		expect(stale.error?.code).toBe('PT409');
	});

	it('a report with no calls says so instead of dividing by zero', async () => {
		const data = await gatherReportData(
			w.as.officer,
			'vendor',
			w.ids.vendorC,
			'2031-01-01',
			'2031-01-31'
		);
		expect(data?.calls).toEqual([]);
		const report = doneReport(await publish(officer(), `vendor:${w.ids.vendorC}`));
		expect(report.summary).toMatchObject({ calls: 0, mean: null });
	});
});

describe('retention purge', () => {
	it('deletes an expired recording, writes the audit log, and reports keep its hash', async () => {
		await w.sql(
			`update public.call_submissions set submitted_at = now() - interval '7 months' where call_id = $1`,
			[recording.callId]
		);
		const purged = await purgeExpiredEvidence(w.stack.admin());
		expect(purged).toBeGreaterThanOrEqual(1);
		const gone = await w.stack.admin().storage.from('evidence').download(recording.path);
		expect(gone.data).toBeNull();
		const [log] = await w.sql<{ before: { sha256: string; call_id: string } }>(
			`select before from public.audit_log where action = 'purge' and entity = 'evidence' and entity_id = $1`,
			[recording.path]
		);
		expect(log.before).toMatchObject({ sha256: recording.hash, call_id: recording.callId });
		// A second run finds nothing more to do for it.
		expect(await purgeExpiredEvidence(w.stack.admin())).toBe(0);

		const data = await gatherReportData(
			w.as.officer,
			'vendor',
			w.ids.vendorA,
			PERIOD.period_start,
			PERIOD.period_end
		);
		const call = data!.calls.find((c) => c.id === recording.callId)!;
		expect(call.evidence[0]).toMatchObject({ sha256: recording.hash });
		expect(call.evidence[0].purgedAt).not.toBeNull();
		const report = doneReport(await publish());
		const { data: pdf } = await w.stack
			.admin()
			.storage.from('reports')
			.download(report.storage_path);
		const text = (await pdfPages(new Uint8Array(await pdf!.arrayBuffer())))
			.join(' ')
			.replace(/\s+/g, '');
		expect(text).toContain(recording.hash);
		expect(text).toContain('purgedon');
	});

	it('an evidence file still inside its retention period is kept', async () => {
		const fresh = await submittedCallWithRecording();
		await w.sql(
			`update public.call_submissions set submitted_at = now() - interval '5 months' where call_id = $1`,
			[fresh.callId]
		);
		await purgeExpiredEvidence(w.stack.admin());
		expect(
			(await w.stack.admin().storage.from('evidence').download(fresh.path)).data
		).not.toBeNull();
	});
});
