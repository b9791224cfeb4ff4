/**
 * The scheduling world: the scenario world of ./scenarios-fixtures plus a programme, an unfillable
 * call, a vendor conflict, a notification and a calendar feed in the demo audit organisation and in
 * the other one, and a claimable call on each side, written as the database owner. Shopper 1 owns
 * `notifOwn` and `feedOwn`; shopper 2 owns `notifOther` and `feedOther`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { PASSWORD, type World } from './fixtures';
import { addCall, startScenarioWorld } from './scenarios-fixtures';
import type { Row, TableSpec } from './tables';

export type SchedulingTable =
	| 'programmes'
	| 'unfillable_calls'
	| 'shopper_conflicts'
	| 'notifications'
	| 'calendar_feeds'
	| 'email_outbox';

/** A sha256 hex of a fresh random token, as the profile page stores it. */
export const tokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

async function insert(w: World, table: string, row: Row, returning = 'id::text'): Promise<string> {
	const cols = Object.keys(row);
	const values = Object.values(row).map((v) =>
		v && typeof v === 'object' ? JSON.stringify(v) : v
	);
	const [r] = await w.sql<{ id: string }>(
		`insert into public.${table} (${cols.join(', ')})
		 values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning ${returning} as id`,
		values
	);
	return r.id;
}

/** A programme definition with the rules claim_open_call reads. */
export const definition = (rules: { maxCallsPerShopperPerDay?: number; lockoutDays?: number }) => ({
	schemaVersion: 1,
	name: 'Fixture programme',
	seed: 1,
	...rules
});

/** Adds a programme as the owner under fixture name `name`. */
export async function addProgramme(
	w: World,
	name: string,
	org: 'audit' | 'xAudit',
	rules: Parameters<typeof definition>[0] = {}
): Promise<string> {
	w.ids[name] = await insert(w, 'programmes', {
		organisation_id: w.ids[org],
		client_id: w.ids[org === 'audit' ? 'bank' : 'xClient'],
		name: `Fixture ${name}`,
		status: 'active',
		definition: definition(rules)
	});
	return w.ids[name];
}

/** Signs a demo shopper (`shopper2`, …) in and returns their client. */
export async function signInShopper(w: World, name: string): Promise<SupabaseClient> {
	const c = createClient(w.stack.url, w.stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { error } = await c.auth.signInWithPassword({
		email: `${name}@demo.clearcall.test`,
		password: PASSWORD
	});
	if (error) throw new Error(`${name} could not sign in: ${error.message}`);
	return c;
}

/** Starts the scenario world and adds the scheduling fixtures. */
export async function startSchedulingWorld(): Promise<World> {
	const w = await startScenarioWorld();
	await addProgramme(w, 'progOwn', 'audit');
	await addProgramme(w, 'progX', 'xAudit');
	for (const [name, prog, site, line] of [
		['ufOwn', 'progOwn', 'siteA1', 'lineBankA1'],
		['ufX', 'progX', 'xSite', 'xLine']
	]) {
		w.ids[name] = await insert(w, 'unfillable_calls', {
			programme_id: w.ids[prog],
			site_id: w.ids[site],
			line_id: w.ids[line],
			window_start: '2030-01-08T01:00:00Z',
			window_end: '2030-01-08T03:00:00Z',
			reasons: { rules: ['lockout'] }
		});
	}
	for (const [name, shopper, vendor] of [
		['conflictOwn', 'shopper3', 'vendorB'],
		['conflictX', 'xAdmin', 'xVendor']
	]) {
		await insert(
			w,
			'shopper_conflicts',
			{
				shopper_id: w.ids[`u:${shopper}`],
				vendor_id: w.ids[vendor],
				reason: 'fixture'
			},
			'shopper_id::text'
		);
		w.ids[name] = `${shopper}/${vendor}`;
	}
	for (const [name, user] of [
		['notifOwn', 'shopper1'],
		['notifOther', 'shopper2']
	]) {
		w.ids[name] = await insert(w, 'notifications', {
			user_id: w.ids[`u:${user}`],
			kind: 'assignment',
			call_id: w.ids.callOwn,
			payload: { fixture: true }
		});
	}
	for (const [name, user] of [
		['feedOwn', 'shopper1'],
		['feedOther', 'shopper2']
	]) {
		w.ids[name] = await insert(w, 'calendar_feeds', {
			user_id: w.ids[`u:${user}`],
			token_hash: tokenHash()
		});
	}
	w.ids.mailOwn = await insert(
		w,
		'email_outbox',
		{ recipient: 'shopper1@demo.clearcall.test', subject: 'Fixture', body: 'x', kind: 'fixture' },
		'id::text'
	);
	await addCall(w, 'callOpen', { org: 'audit', version: 'verOwn1', site: 'siteC1' });
	await addCall(w, 'callOpenX', { org: 'xAudit', version: 'verX1', site: 'xSite' });
	await w.sql('update test_calls set claimable = true where id in ($1, $2)', [
		w.ids.callOpen,
		w.ids.callOpenX
	]);
	return w;
}

const idKey = (w: World, label: string) => ({ id: w.ids[label] });
const labelOf = (w: World, r: Row) =>
	Object.entries(w.ids).find(([k, v]) => v === String(r.id) && !k.includes(':'))?.[0] ?? `?${r.id}`;
const isOther = (w: World, label: string) => label.endsWith('X') || label === 'ufX';

/** How the matrix touches the scheduling tables (see ./tables for the contract). */
export const SCHEDULING_TABLES: Record<SchedulingTable, TableSpec<SchedulingTable>> = {
	programmes: {
		table: 'programmes',
		keyOf: idKey,
		labelOf,
		newRow: async (w, label) => {
			const x = isOther(w, label);
			return {
				id: randomUUID(),
				organisation_id: w.ids[x ? 'xAudit' : 'audit'],
				client_id: w.ids[x ? 'xClient' : 'bank'],
				name: 'RLS probe programme',
				definition: definition({})
			};
		},
		patch: { name: 'RLS probe renamed' }
	},
	unfillable_calls: {
		table: 'unfillable_calls',
		keyOf: idKey,
		labelOf,
		newRow: async (w, label) => {
			const x = isOther(w, label);
			return {
				id: randomUUID(),
				programme_id: w.ids[x ? 'progX' : 'progOwn'],
				site_id: w.ids[x ? 'xSite' : 'siteA2'],
				reasons: { rules: ['no_window'] }
			};
		},
		patch: { reasons: { rules: ['probe'] } }
	},
	shopper_conflicts: {
		table: 'shopper_conflicts',
		keyOf: (w, label) => {
			const [shopper, vendor] = w.ids[label].split('/');
			return { shopper_id: w.ids[`u:${shopper}`], vendor_id: w.ids[vendor] };
		},
		labelOf: (w, r) => `${labelOf(w, { id: r.shopper_id })}/${labelOf(w, { id: r.vendor_id })}`,
		// The same shopper and a vendor its audit organisation keeps spare.
		newRow: async (w, label) => {
			const [shopper] = w.ids[label].split('/');
			return {
				shopper_id: w.ids[`u:${shopper}`],
				vendor_id: w.ids[isOther(w, label) ? 'xSpareVendor' : 'spareVendor'],
				reason: 'RLS probe'
			};
		},
		patch: { reason: 'RLS probe changed' }
	},
	notifications: {
		table: 'notifications',
		keyOf: idKey,
		labelOf,
		newRow: async (w, label) => {
			const [n] = await w.sql<Row>('select user_id, call_id from notifications where id = $1', [
				w.ids[label]
			]);
			return { id: randomUUID(), ...n, kind: 'change', payload: {} };
		},
		patch: { read_at: '2030-01-01T00:00:00+00:00' }
	},
	calendar_feeds: {
		table: 'calendar_feeds',
		keyOf: idKey,
		labelOf,
		newRow: async (w, label) => {
			const [f] = await w.sql<Row>('select user_id from calendar_feeds where id = $1', [
				w.ids[label]
			]);
			return { id: randomUUID(), user_id: f.user_id, token_hash: tokenHash() };
		},
		patch: { revoked_at: '2030-01-01T00:00:00+00:00' }
	},
	email_outbox: {
		table: 'email_outbox',
		keyOf: (w, label) => ({ id: Number(w.ids[label]) }),
		labelOf,
		newRow: async () => ({
			recipient: 'probe@fixture.clearcall.test',
			subject: 'RLS probe',
			body: 'probe',
			kind: 'probe'
		}),
		patch: { sent_at: '2030-01-01T00:00:00+00:00' }
	}
};

export interface CallAt {
	site: string;
	/** Window start, ISO 8601; the window lasts `hours` (2 by default) and the call is planned at its start. */
	start: string;
	hours?: number;
	org?: 'audit' | 'xAudit';
	version?: string;
	line?: string;
	shopper?: string;
	claimable?: boolean;
	programme?: string;
	status?: string;
}

/** Adds a call as the owner and returns its id; the demo audit organisation and `verOwn1` by default. */
export async function addScheduledCall(w: World, at: CallAt): Promise<string> {
	const start = new Date(at.start);
	const end = new Date(start.getTime() + (at.hours ?? 2) * 3_600_000);
	return insert(w, 'test_calls', {
		organisation_id: w.ids[at.org ?? 'audit'],
		scenario_version_id: w.ids[at.version ?? 'verOwn1'],
		site_id: w.ids[at.site],
		line_id: at.line ? w.ids[at.line] : null,
		shopper_id: at.shopper ? w.ids[`u:${at.shopper}`] : null,
		claimable: at.claimable ?? false,
		programme_id: at.programme ? w.ids[at.programme] : null,
		status: at.status ?? 'scheduled',
		window_start: start.toISOString(),
		window_end: end.toISOString(),
		scheduled_at: start.toISOString()
	});
}

/** What the owner sees the triggers wrote about call `id`: notifications, e-mails and audit entries. */
export async function trail(w: World, id: string) {
	const notifications = await w.sql<{ user_id: string; kind: string; payload: Row }>(
		'select user_id::text, kind, payload from notifications where call_id = $1 order by created_at',
		[id]
	);
	const audit = await w.sql<{ action: string; actor_id: string | null; before: Row; after: Row }>(
		`select action, actor_id::text, before, after from audit_log
		 where entity = 'test_calls' and entity_id = $1 order by id`,
		[id]
	);
	return { notifications, audit };
}

/** The e-mails queued for `recipient` of `kind`, oldest first. */
export const outbox = (w: World, recipient: string, kind: string) =>
	w.sql<{ subject: string; body: string }>(
		'select subject, body from email_outbox where recipient = $1 and kind = $2 order by id',
		[recipient, kind]
	);
