/**
 * Review e2e set-up through the service role: a scenario of its own, a call of a fresh shopper at
 * Apex Shanghai (vendor A) with a recording in the evidence bucket, and the shopper's submission
 * through the real submit endpoint (the phone's API) in the shopper's own browser session.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Browser, Page } from '@playwright/test';
import { call, en, item, section, yesNo } from '../../src/lib/domain/scoring/test-fixtures';
import { expect, freshShopper, serviceKey, signIn } from './fixtures';

export const AUDIT_ORG = 'a0000000-0000-4000-8000-000000000001';
export const APEX_SHANGHAI = '5e000000-0000-4000-8000-0000000000a1';
const BANK_CARDS_LINE = '1e000000-0000-4000-8000-000000000101';

/** The service-role client of the e2e stack. */
export function serviceClient(): SupabaseClient {
	return createClient(process.env.E2E_STACK_URL!, serviceKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
}

const must = <T>(r: { data: T | null; error: { message: string } | null }): T => {
	expect(r.error?.message ?? null).toBeNull();
	return r.data as T;
};

/** A published scenario of its own: a major item, a critical one and an optional comment. */
export async function reviewScenario(admin: SupabaseClient, label: string) {
	const content = call(
		[
			section('opening', [
				yesNo('greeted'),
				yesNo('asked_verification', { critical: true }),
				item('comment', 'text', { required: false })
			])
		],
		{ title: { en: `Review ${label}`, 'zh-CN': `审核 ${label}` }, description: en('e2e') }
	);
	const officer = must(
		await admin
			.from('memberships')
			.select('user_id')
			.eq('organisation_id', AUDIT_ORG)
			.eq('role', 'compliance_officer')
			.limit(1)
			.single()
	) as { user_id: string };
	const scenario = must(
		await admin
			.from('scenarios')
			.insert({
				organisation_id: AUDIT_ORG,
				kind: 'mystery_call',
				code: `E2E-${label}-${randomUUID().slice(0, 6)}`,
				title: `Review ${label}`,
				created_by: officer.user_id
			})
			.select('id')
			.single()
	) as { id: string };
	const version = must(
		await admin
			.from('scenario_versions')
			.insert({ scenario_id: scenario.id, version: 1, status: 'published', content })
			.select('id')
			.single()
	) as { id: string };
	return { scenarioId: scenario.id, versionId: version.id };
}

/** A call on `versionId` for `shopperEmail` at Apex Shanghai, with a one-second WAV recording uploaded. */
export async function scheduledCall(
	admin: SupabaseClient,
	versionId: string,
	shopperEmail: string
) {
	const listed = await admin.auth.admin.listUsers({ perPage: 1000 });
	expect(listed.error).toBeNull();
	const shopper = listed.data.users.find((u) => u.email === shopperEmail)!;
	const row = must(
		await admin
			.from('test_calls')
			.insert({
				organisation_id: AUDIT_ORG,
				scenario_version_id: versionId,
				site_id: APEX_SHANGHAI,
				line_id: BANK_CARDS_LINE,
				shopper_id: shopper.id,
				window_start: new Date(Date.now() - 3_600_000).toISOString(),
				window_end: new Date(Date.now() + 3_600_000).toISOString()
			})
			.select('id')
			.single()
	) as { id: string };
	const wav = silentWav();
	const path = `${AUDIT_ORG}/${row.id}/recording.wav`;
	must(
		await admin.storage
			.from('evidence')
			.upload(path, new Blob([wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }))
	);
	return {
		callId: row.id,
		evidence: {
			path,
			sha256: createHash('sha256').update(wav).digest('hex'),
			bytes: wav.byteLength,
			mime: 'audio/wav' as const
		}
	};
}

/** One second of 8 kHz mono silence as a WAV file. */
function silentWav(): Uint8Array<ArrayBuffer> {
	const samples = 8000;
	const buf = Buffer.alloc(44 + samples * 2);
	buf.write('RIFF', 0);
	buf.writeUInt32LE(36 + samples * 2, 4);
	buf.write('WAVEfmt ', 8);
	buf.writeUInt32LE(16, 16);
	buf.writeUInt16LE(1, 20);
	buf.writeUInt16LE(1, 22);
	buf.writeUInt32LE(8000, 24);
	buf.writeUInt32LE(16000, 28);
	buf.writeUInt16LE(2, 32);
	buf.writeUInt16LE(16, 34);
	buf.write('data', 36);
	buf.writeUInt32LE(samples * 2, 40);
	return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** Signs `page` in as the shopper and submits the call through the phone's submit endpoint. */
export async function submitAsShopper(
	page: Page,
	shopperEmail: string,
	call: Awaited<ReturnType<typeof scheduledCall>>,
	answers: Record<string, string>
) {
	await signIn(page, shopperEmail);
	const res = await page.request.post(`/api/calls/${call.callId}/submit`, {
		data: {
			callId: call.callId,
			idempotencyKey: randomUUID(),
			answers,
			markers: [
				{ kind: 'greeting', t: 200 },
				{ kind: 'hold_start', t: 400 },
				{ kind: 'hold_end', t: 700 }
			],
			timings: { time_to_answer: 3000, talk: 60_000 },
			notes: 'No greeting; listen at 0:00 for the opening.',
			evidence: [call.evidence],
			clientVersion: 1,
			agent: 'Li Wei'
		}
	});
	expect(res.status(), await res.text()).toBe(200);
}

/**
 * A fresh shopper's call on a scenario of its own, submitted with `answers` in `page` (which
 * stays signed in as that shopper). `label` names the scenario after the test.
 */
export async function submittedCall(page: Page, label: string, answers: Record<string, string>) {
	const admin = serviceClient();
	const { scenarioId, versionId } = await reviewScenario(admin, label);
	const shopper = await freshShopper();
	const call = await scheduledCall(admin, versionId, shopper);
	await submitAsShopper(page, shopper, call, answers);
	return { admin, scenarioId, shopper, ...call };
}

/** A page in a browser context of its own, signed in as `email`; `errors` collects page errors. */
export async function as(browser: Browser, email: string): Promise<Page & { errors: string[] }> {
	const page = (await (await browser.newContext()).newPage()) as Page & { errors: string[] };
	page.errors = [];
	page.on('pageerror', (e) => page.errors.push(e.message));
	await signIn(page, email);
	return page;
}
