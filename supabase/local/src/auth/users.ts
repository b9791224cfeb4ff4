/**
 * auth.users as GoTrue reads and writes it, and the user JSON it answers with. Lookups apply
 * GoTrue's own filters (instance_id, aud, is_sso_user) so a seed that would not sign in on a hosted
 * project does not sign in here either; the stack says why on the console instead of staying silent.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/driver';
import { AuthError, internal } from './errors';

export const NIL_INSTANCE = '00000000-0000-0000-0000-000000000000';
const AUD = 'authenticated';

/** A timestamp as Go's time.Time marshals it (RFC 3339, UTC). */
export const iso = (col: string) =>
	`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const TIMESTAMPS = [
	'email_confirmed_at',
	'invited_at',
	'confirmation_sent_at',
	'confirmed_at',
	'recovery_sent_at',
	'email_change_sent_at',
	'phone_confirmed_at',
	'phone_change_sent_at',
	'reauthentication_sent_at',
	'last_sign_in_at',
	'created_at',
	'updated_at',
	'banned_until',
	'deleted_at'
] as const;

const USER_SELECT = `
	select u.id::text, u.instance_id::text, u.aud, u.role, u.email, u.encrypted_password,
	       u.confirmation_token, u.recovery_token, u.email_change_token_new, u.email_change,
	       u.phone, u.phone_change, u.raw_app_meta_data, u.raw_user_meta_data, u.is_sso_user,
	       u.is_anonymous, coalesce(u.banned_until > now(), false) as banned,
	       ${TIMESTAMPS.map((c) => `${iso(`u.${c}`)} as ${c}`).join(', ')},
	       coalesce((select jsonb_agg(jsonb_build_object(
	           'identity_id', i.id, 'id', i.provider_id, 'user_id', i.user_id,
	           'identity_data', i.identity_data, 'provider', i.provider,
	           'last_sign_in_at', ${iso('i.last_sign_in_at')}, 'created_at', ${iso('i.created_at')},
	           'updated_at', ${iso('i.updated_at')}, 'email', i.email) order by i.created_at)
	         from auth.identities i where i.user_id = u.id), '[]'::jsonb) as identities
	from auth.users u`;

type Timestamps = { [K in (typeof TIMESTAMPS)[number]]: string | null };

export interface UserRow extends Timestamps {
	id: string;
	instance_id: string | null;
	aud: string | null;
	role: string | null;
	email: string | null;
	encrypted_password: string | null;
	confirmation_token: string | null;
	recovery_token: string | null;
	email_change_token_new: string | null;
	email_change: string | null;
	phone: string | null;
	phone_change: string | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	is_sso_user: boolean;
	is_anonymous: boolean;
	banned: boolean;
	identities: Record<string, unknown>[];
}

const warned = new Set<string>();
function warnOnce(key: string, message: string) {
	if (warned.has(key)) return;
	warned.add(key);
	console.warn(`[supabase/local auth] ${message}`);
}

// GoTrue scans these into Go strings; a NULL fails every lookup with a 500 on hosted Supabase
// (supabase/auth#1940), typically after a seed inserted users by hand.
const NOT_NULL_STRINGS = [
	'confirmation_token',
	'recovery_token',
	'email_change_token_new',
	'email_change'
] as const;

function checkScannable(row: UserRow): UserRow {
	const nulls = NOT_NULL_STRINGS.filter((c) => row[c] === null);
	if (nulls.length) {
		warnOnce(
			`null:${row.id}`,
			`auth.users ${row.id} has NULL in ${nulls.join(', ')}; GoTrue fails with ` +
				`"Database error querying schema" for such rows. Insert '' instead of NULL.`
		);
		throw internal('Database error querying schema');
	}
	return row;
}

async function one(tx: Tx, where: string, params: unknown[]): Promise<UserRow | null> {
	const { rows } = await tx.query<UserRow>(`${USER_SELECT} where ${where} limit 1`, params);
	return rows[0] ? checkScannable(rows[0]) : null;
}

/** A user by id, or null (also for ids that are not UUIDs). */
export function findUserById(tx: Tx, id: string): Promise<UserRow | null> {
	if (!isUuid(id)) return Promise.resolve(null);
	return one(tx, 'u.id = $1', [id]);
}

/** A user by e-mail with GoTrue's filters: nil instance, aud `authenticated`, not an SSO user. */
export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | null> {
	const { rows } = await tx.query<UserRow>(
		`${USER_SELECT} where lower(u.email) = lower($1) and u.is_sso_user = false order by u.created_at`,
		[email]
	);
	for (const row of rows) {
		if (row.instance_id === NIL_INSTANCE && row.aud === AUD) return checkScannable(row);
		warnOnce(
			`aud:${row.id}`,
			`auth.users ${row.id} (${email}) has instance_id ${row.instance_id} and aud ${row.aud}; ` +
				`GoTrue only finds users with instance_id '${NIL_INSTANCE}' and aud '${AUD}', so it cannot sign in.`
		);
	}
	return null;
}

/** Whether another user already has this address (any audience: the unique index spans them all). */
export async function emailTaken(tx: Tx, email: string, exceptId: string | null): Promise<boolean> {
	const { rows } = await tx.query(
		`select 1 from auth.users where lower(email) = lower($1) and is_sso_user = false
		   and ($2::uuid is null or id <> $2::uuid) limit 1`,
		[email, exceptId]
	);
	return rows.length > 0;
}

/** A page of users, newest first, optionally filtered by e-mail or full name (GoTrue's `filter`). */
export async function listUsers(
	tx: Tx,
	page: number,
	perPage: number,
	filter: string
): Promise<{ rows: UserRow[]; total: number }> {
	const where = `u.aud = '${AUD}' and ($1 = '' or u.email ilike '%' || $1 || '%'
	  or u.raw_user_meta_data ->> 'full_name' ilike '%' || $1 || '%')`;
	const count = await tx.query<{ n: number }>(
		`select count(*)::int as n from auth.users u where ${where}`,
		[filter]
	);
	const { rows } = await tx.query<UserRow>(
		`${USER_SELECT} where ${where} order by u.created_at desc, u.id limit $2 offset $3`,
		[filter, perPage, (page - 1) * perPage]
	);
	return { rows: rows.map(checkScannable), total: count.rows[0].n };
}

export type TokenColumn = 'confirmation_token' | 'recovery_token';

/** The user holding a one-time token hash (with or without the PKCE prefix). */
export function findUserByToken(
	tx: Tx,
	columns: TokenColumn[],
	hash: string
): Promise<UserRow | null> {
	if (!hash) return Promise.resolve(null);
	const where = columns.map((c) => `u.${c}::text in ($1::text, 'pkce_' || $1::text)`).join(' or ');
	return one(tx, `(${where})`, [hash]);
}

export function isUuid(v: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

export interface NewUser {
	id?: string;
	email: string | null;
	phone?: string | null;
	/** bcrypt hash, or '' for a user without a password. */
	passwordHash: string;
	role?: string;
	appMetadata?: Record<string, unknown>;
	userMetadata?: Record<string, unknown>;
	confirmed?: boolean;
	invited?: boolean;
	isAnonymous?: boolean;
}

/**
 * Inserts a user and its e-mail identity, as GoTrue's signup does; returns the user's id. A failing
 * trigger on auth.users (a project's "handle new user" function) is GoTrue's 500 "Database error
 * saving new user"; the database's own message goes to the console for whoever wrote the trigger.
 */
export async function insertUser(tx: Tx, u: NewUser): Promise<string> {
	try {
		return await insertUserRows(tx, u);
	} catch (e) {
		const pg = e as { code?: string; message?: string };
		if (pg.code === '23505' && /email|users_pkey|identities/.test(pg.message ?? '')) {
			throw new AuthError(422, 'email_exists', DUPLICATE_EMAIL);
		}
		console.error('[supabase/local auth] creating a user failed in the database:', pg.message);
		throw internal('Database error saving new user');
	}
}

export const DUPLICATE_EMAIL = 'A user with this email address has already been registered';

async function insertUserRows(tx: Tx, u: NewUser): Promise<string> {
	const id = u.id ?? randomUUID();
	const provider = u.isAnonymous ? null : u.email ? 'email' : 'phone';
	const app = provider
		? { provider, providers: [provider], ...(u.appMetadata ?? {}) }
		: { ...(u.appMetadata ?? {}) };
	const meta = u.userMetadata ?? {};
	await tx.query(
		`insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password,
		   email_confirmed_at, invited_at, raw_app_meta_data, raw_user_meta_data, is_anonymous,
		   created_at, updated_at)
		 values ($1, $2, $3, $4, $5, $6, $7, case when $8::boolean then now() end, case when $9::boolean then now() end,
		   $10, $11, $12, now(), now())`,
		[
			NIL_INSTANCE,
			id,
			AUD,
			u.role ?? AUD,
			u.email,
			u.phone ?? null,
			u.passwordHash,
			!!u.confirmed,
			!!u.invited,
			JSON.stringify(app),
			JSON.stringify(meta),
			!!u.isAnonymous
		]
	);
	if (u.email) {
		const data = {
			...meta,
			sub: id,
			email: u.email,
			email_verified: !!u.confirmed,
			phone_verified: false
		};
		await tx.query(
			`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
			 values ($1, $2, $3, 'email', now(), now())`,
			[id, id, JSON.stringify(data)]
		);
	}
	return id;
}

/** Marks a user's e-mail confirmed, as GoTrue's Confirm does, and its identity verified. */
export async function confirmUser(tx: Tx, id: string): Promise<void> {
	await tx.query(
		`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()),
		   confirmation_token = '', updated_at = now() where id = $1`,
		[id]
	);
	await tx.query(
		`update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb,
		   updated_at = now() where user_id = $1 and provider = 'email'`,
		[id]
	);
}
