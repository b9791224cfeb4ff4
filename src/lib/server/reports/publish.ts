/**
 * Publishing one report version: gather with the officer's own client, render, stamp, hash, upload
 * with the service role, then record it in one transaction (publish_report, which re-checks the
 * officer; see supabase/migrations/20261123005000_report_publication.sql). Yields progress steps so
 * the route can stream them; a failed record removes the uploaded file again.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { PublishRequest } from '$lib/schemas/report-publication';
import { parseScope } from '$lib/schemas/report-publication';
import type { AppClient } from '$lib/tenancy';
import type { Tables } from '$lib/database.types';
import { gatherReportData, type ScopeKind } from './gather';
import { reportRenderer, type ReportRenderer } from './render';
import { sha256Hex } from './hash';
import { summarise } from './summary';

export const REPORTS_BUCKET = 'reports';

export interface Publisher {
	/** The officer's own client (RLS applies). */
	client: AppClient;
	userId: string;
	/** How the control block names the publisher. */
	name: string;
}

export type PublishStage = 'gather' | 'render' | 'upload' | 'record';
export const STAGES: readonly PublishStage[] = ['gather', 'render', 'upload', 'record'];

export type PublishStep =
	| { type: 'progress'; stage: PublishStage; done: number; total: number }
	| { type: 'done'; report: Tables<'reports'> }
	| { type: 'error'; code: 'not_found' | 'conflict' | 'failed'; message: string };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new report ID: `CC-` and ten characters a reader can copy without confusing 0/O or 1/I. */
export function newReportCode(): string {
	let s = 'CC-';
	for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
	return s;
}

const SCOPE_COLUMN: Record<ScopeKind, 'site_id' | 'vendor_id' | 'programme_id'> = {
	site: 'site_id',
	vendor: 'vendor_id',
	programme: 'programme_id'
};

/** The newest version of the series, as the officer sees it (their organisation's reports). */
async function latestVersion(
	client: AppClient,
	organisationId: string,
	kind: ScopeKind,
	id: string,
	audience: string | null,
	req: PublishRequest
) {
	let q = client
		.from('reports')
		.select('code, version')
		.eq('organisation_id', organisationId)
		.eq('scope_kind', kind)
		.eq(SCOPE_COLUMN[kind], id);
	// The audience is part of a site or vendor series (a programme's client is fixed).
	if (kind !== 'programme') q = audience ? q.eq('client_id', audience) : q.is('client_id', null);
	const { data, error } = await q
		.eq('period_start', req.period_start)
		.eq('period_end', req.period_end)
		.eq('locale', req.locale)
		.order('version', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (error) throw new Error(`reports: ${error.message}`);
	return data;
}

/**
 * Publishes `req` as `who`, with `admin` (the service-role client) for the upload and the record;
 * `origin` makes the verification URL printed in the PDF.
 */
export async function* publishReport(
	who: Publisher,
	admin: AppClient,
	req: PublishRequest,
	origin: string,
	render: ReportRenderer = reportRenderer
): AsyncGenerator<PublishStep> {
	const total = STAGES.length;
	const { kind, id } = parseScope(req.scope);
	yield { type: 'progress', stage: 'gather', done: 0, total };
	const audience = kind === 'programme' ? null : (req.client ?? null);
	const data = await gatherReportData(
		who.client,
		kind,
		id,
		req.period_start,
		req.period_end,
		audience
	);
	if (!data) {
		yield { type: 'error', code: 'not_found', message: 'no such scope' };
		return;
	}
	const org = data.scope.organisationId;
	const latest = await latestVersion(who.client, org, kind, id, audience, req);
	const code = latest?.code ?? newReportCode();
	const version = (latest?.version ?? 0) + 1;
	const reportId = randomUUID();

	yield { type: 'progress', stage: 'render', done: 1, total };
	const stamp = {
		code,
		version,
		verifyUrl: `${origin}/verify?code=${code}`,
		publishedAt: new Date().toISOString(),
		author: who.name
	};
	const bytes = await render(data, stamp, req.locale);
	const sha256 = sha256Hex(bytes);

	yield { type: 'progress', stage: 'upload', done: 2, total };
	const path = `${org}/${reportId}.pdf`;
	const up = await admin.storage
		.from(REPORTS_BUCKET)
		.upload(path, bytes, { contentType: 'application/pdf', upsert: false });
	if (up.error) {
		yield { type: 'error', code: 'failed', message: up.error.message };
		return;
	}

	yield { type: 'progress', stage: 'record', done: 3, total };
	const { data: row, error } = await admin.rpc('publish_report', {
		p_actor: who.userId,
		p_report: {
			id: reportId,
			organisation_id: org,
			code,
			version,
			scope_kind: kind,
			[SCOPE_COLUMN[kind]]: id,
			...(audience ? { client_id: audience } : {}),
			period_start: req.period_start,
			period_end: req.period_end,
			locale: req.locale,
			sha256,
			bytes: bytes.byteLength,
			scope_name: data.scope.name,
			summary: { ...summarise(data) }
		}
	});
	if (error || !row) {
		// Nothing points at the file, so it must not linger (nobody could ever verify it).
		await admin.storage.from(REPORTS_BUCKET).remove([path]);
		const conflict = error?.code === 'PT409';
		yield {
			type: 'error',
			code: conflict ? 'conflict' : error?.code === 'PT403' ? 'not_found' : 'failed',
			message: error?.message ?? 'not recorded'
		};
		return;
	}
	yield { type: 'progress', stage: 'record', done: total, total };
	yield { type: 'done', report: row as Tables<'reports'> };
}
