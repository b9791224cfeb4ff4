/** Reads of test calls for the calendar, programme, officer home and shopper pages (caller's RLS). */
import type { CallStatus } from '$lib/components/schedule/labels';
import { loose, must } from './db';

export interface CallRow {
	id: string;
	status: CallStatus;
	programme_id: string | null;
	site_id: string;
	line_id: string | null;
	shopper_id: string | null;
	window_start: string;
	window_end: string;
	scheduled_at: string | null;
	claimable: boolean;
	cancel_reason: string | null;
	assignment_reason: {
		time?: { sentence?: { key: string; params: Record<string, unknown> } };
		scenario?: { sentence?: { key: string; params: Record<string, unknown> } };
		shopper?: { sentence?: { key: string; params: Record<string, unknown> } };
	} | null;
	site: { name: string; name_zh: string | null; time_zone: string } | null;
	line: { label: string; phone_number: string | null } | null;
	version: { scenario: { code: string; title: string; title_zh: string | null } | null } | null;
}

export interface UnfillableRow {
	id: string;
	site_id: string;
	window_start: string | null;
	reasons: {
		rules?: string[];
		sentence?: { key: string; params: Record<string, unknown> };
		siteLocal?: { date: string; time: string } | null;
	};
	site: { name: string; name_zh: string | null; time_zone: string } | null;
}

export interface PersonName {
	id: string;
	display_name: string | null;
	pseudonym: string | null;
	email: string | null;
}

export const CALL_COLUMNS =
	'id, status, programme_id, site_id, line_id, shopper_id, window_start, window_end, scheduled_at, ' +
	'claimable, cancel_reason, assignment_reason, site:sites(name, name_zh, time_zone), ' +
	'line:lines(label, phone_number), version:scenario_versions(scenario:scenarios(code, title, title_zh))';

/** The calls of one programme, in planned order. */
export async function programmeCalls(client: unknown, programmeId: string): Promise<CallRow[]> {
	return must(
		'calls',
		await loose(client)
			.from('test_calls')
			.select(CALL_COLUMNS)
			.eq('programme_id', programmeId)
			.order('scheduled_at')
			.limit(5000)
	);
}

/** What the planner could not assign for one programme. */
export async function unfillableCalls(
	client: unknown,
	programmeId: string
): Promise<UnfillableRow[]> {
	return must(
		'unfillable calls',
		await loose(client)
			.from('unfillable_calls')
			.select('id, site_id, window_start, reasons, site:sites(name, name_zh, time_zone)')
			.eq('programme_id', programmeId)
			.order('window_start')
			.limit(2000)
	);
}

export interface CallFilter {
	siteId?: string;
	shopperId?: string;
}

/** Calls planned to start in [from, to), optionally for one site or shopper. */
export async function callsBetween(
	client: unknown,
	from: string,
	to: string,
	filter: CallFilter = {}
): Promise<CallRow[]> {
	let query = loose(client)
		.from('test_calls')
		.select(CALL_COLUMNS)
		.gte('scheduled_at', from)
		.lt('scheduled_at', to);
	if (filter.siteId) query = query.eq('site_id', filter.siteId);
	if (filter.shopperId) query = query.eq('shopper_id', filter.shopperId);
	return must('calls', await query.order('scheduled_at').limit(5000));
}

/** Overdue (window over, still open) and recently missed calls for the officer's home. */
export async function attentionCalls(client: unknown, now: string) {
	const db = loose(client);
	const [overdue, missed] = await Promise.all([
		db
			.from('test_calls')
			.select(CALL_COLUMNS)
			.in('status', ['scheduled', 'in_progress'])
			.lt('window_end', now)
			.order('window_end')
			.limit(50),
		db
			.from('test_calls')
			.select(CALL_COLUMNS)
			.eq('status', 'missed')
			.order('window_end', { ascending: false })
			.limit(50)
	]);
	return {
		overdue: must<CallRow[]>('overdue', overdue),
		missed: must<CallRow[]>('missed', missed)
	};
}

/** The signed-in shopper's calls whose window ends after `from` and starts before `to`. */
export async function ownCalls(client: unknown, userId: string, from: string, to: string) {
	return must<CallRow[]>(
		'calls',
		await loose(client)
			.from('test_calls')
			.select(CALL_COLUMNS)
			.eq('shopper_id', userId)
			.gt('window_end', from)
			.lt('window_start', to)
			.neq('status', 'cancelled')
			.order('window_start')
			.limit(500)
	);
}

/** Calls open on the job board that have not ended yet. */
export async function claimableCalls(client: unknown, now: string) {
	return must<CallRow[]>(
		'claimable calls',
		await loose(client)
			.from('test_calls')
			.select(CALL_COLUMNS)
			.eq('claimable', true)
			.gt('window_end', now)
			.order('window_start')
			.limit(200)
	);
}

/** Names of the people in `ids` the caller may see, by id. */
export async function peopleById(client: unknown, ids: (string | null)[]) {
	const wanted = [...new Set(ids.filter((x): x is string => !!x))];
	if (!wanted.length) return {} as Record<string, PersonName>;
	const rows = must<PersonName[]>(
		'profiles',
		await loose(client)
			.from('profiles')
			.select('id, display_name, pseudonym, email')
			.in('id', wanted)
	);
	return Object.fromEntries(rows.map((r) => [r.id, r]));
}
