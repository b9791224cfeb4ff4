/** /admin/users: user management with the service-role key (GoTrue's admin API). */
import { json, type ApiResponse } from '../../http/types';
import type { Tx } from '../../db/driver';
import { AuthError, badRequest, internal, notFound, unprocessable } from '../errors';
import type { AuthCtx } from '../context';
import { requireAdmin } from '../guard';
import { readOptionalParams, readParams, validateEmail } from '../params';
import { checkPasswordStrength, hashPassword } from '../passwords';
import { logout } from '../sessions';
import { parseGoDuration } from '../settings';
import { mergeMeta, userJson } from '../user-json';
import {
	DUPLICATE_EMAIL,
	confirmUser,
	emailTaken,
	findUserById,
	insertUser,
	isUuid,
	listUsers,
	type UserRow
} from '../users';

const USER_PARAMS = {
	id: 'string',
	aud: 'string',
	role: 'string',
	email: 'string',
	phone: 'string',
	password: 'string',
	password_hash: 'string',
	email_confirm: 'boolean',
	phone_confirm: 'boolean',
	user_metadata: 'object',
	app_metadata: 'object',
	ban_duration: 'string'
} as const;

type UserParams = Awaited<ReturnType<typeof readParams<typeof USER_PARAMS>>>;

/** The password hash to store: from `password` (checked) or a bcrypt `password_hash`; null if neither. */
async function passwordHashOf(ac: AuthCtx, p: UserParams): Promise<string | null> {
	if (p.password && p.password_hash) {
		throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
	}
	if (p.password_hash) {
		if (!/^\$2[aby]\$\d\d\$.{53}$/.test(p.password_hash)) {
			throw badRequest('validation_failed', 'Invalid password hash format');
		}
		return p.password_hash;
	}
	if (p.password === undefined) return null;
	checkPasswordStrength(ac.settings, p.password);
	return hashPassword(p.password);
}

/** `ban_duration`: "none" lifts a ban, a Go duration sets one; returns the SQL value to store. */
function bannedUntil(duration: string): string | null {
	if (duration === 'none') return null;
	const ms = parseGoDuration(duration);
	if (ms === null) {
		throw badRequest('validation_failed', `invalid format for ban duration: ${duration}`);
	}
	return new Date(Date.now() + ms).toISOString();
}

async function loadUser(ac: AuthCtx, id: string, tx: Tx = ac.db): Promise<UserRow> {
	if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
	const user = await findUserById(tx, id);
	if (!user) throw notFound('user_not_found', 'User not found');
	return user;
}

function pageParam(v: string | null, fallback: number): number {
	if (v === null || v === '') return fallback;
	if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v))) {
		throw badRequest('validation_failed', 'Bad Pagination Parameters');
	}
	return Number(v);
}

export async function listAdminUsers(ac: AuthCtx): Promise<ApiResponse> {
	await requireAdmin(ac);
	const q = ac.req.url.searchParams;
	const page = pageParam(q.get('page'), 1);
	const perPage = pageParam(q.get('per_page'), 50);
	const { rows, total } = await listUsers(ac.db, page, perPage, q.get('filter') ?? '');
	// GoTrue's pagination headers: a Link to the next and last pages, and the total.
	const totalPages = Math.ceil(total / perPage);
	const link = (n: number) => {
		const params = new URLSearchParams(q);
		params.set('page', String(n));
		params.sort();
		return `</admin/users?${params}>`;
	};
	const links = [];
	if (totalPages > page) links.push(`${link(page + 1)}; rel="next"`);
	links.push(`${link(totalPages)}; rel="last"`);
	return json(
		200,
		{ users: rows.map(userJson), aud: 'authenticated' },
		{ link: links.join(', '), 'x-total-count': String(total) }
	);
}

export async function createAdminUser(ac: AuthCtx): Promise<ApiResponse> {
	await requireAdmin(ac);
	const p = await readParams(ac.req, USER_PARAMS);
	if (!p.email && !p.phone) {
		throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
	}
	if (p.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
	const email = validateEmail(p.email);
	if (p.id !== undefined && !isUuid(p.id)) {
		throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
	}
	const hash = await passwordHashOf(ac, p);
	const ban = p.ban_duration ? bannedUntil(p.ban_duration) : null;
	const user = await ac.db.transaction(async (tx) => {
		if (await emailTaken(tx, email, null)) throw unprocessable('email_exists', DUPLICATE_EMAIL);
		if (p.id && (await findUserById(tx, p.id))) {
			throw unprocessable('user_already_exists', 'User already exists');
		}
		const id = await insertUser(tx, {
			id: p.id,
			email,
			passwordHash: hash ?? '',
			role: p.role || undefined,
			appMetadata: p.app_metadata,
			userMetadata: p.user_metadata,
			confirmed: !!p.email_confirm
		});
		if (ban) await tx.query('update auth.users set banned_until = $2 where id = $1', [id, ban]);
		return (await findUserById(tx, id))!;
	});
	return json(200, userJson(user));
}

export async function getAdminUser(ac: AuthCtx, id: string): Promise<ApiResponse> {
	await requireAdmin(ac);
	return json(200, userJson(await loadUser(ac, id)));
}

export async function updateAdminUser(ac: AuthCtx, id: string): Promise<ApiResponse> {
	await requireAdmin(ac);
	await loadUser(ac, id);
	const p = await readParams(ac.req, USER_PARAMS);
	if (p.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
	const email = p.email !== undefined ? validateEmail(p.email) : null;
	const hash = await passwordHashOf(ac, p);
	const ban = p.ban_duration !== undefined ? bannedUntil(p.ban_duration) : undefined;
	const user = await ac.db.transaction(async (tx) => {
		const current = await loadUser(ac, id, tx);
		const set = (col: string, value: unknown) =>
			tx.query(`update auth.users set ${col} = $2, updated_at = now() where id = $1`, [id, value]);
		if (p.role) await set('role', p.role);
		if (email && email !== current.email) {
			if (await emailTaken(tx, email, id)) throw unprocessable('email_exists', DUPLICATE_EMAIL);
			await set('email', email);
			await tx.query(
				`update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text),
				   updated_at = now() where user_id = $1 and provider = 'email'`,
				[id, email]
			);
		}
		if (p.email_confirm) await confirmUser(tx, id);
		if (hash) {
			await set('encrypted_password', hash);
			// An administrator resetting a password signs the user out everywhere.
			await logout(tx, id, null, 'global');
		}
		if (p.user_metadata) {
			await set(
				'raw_user_meta_data',
				JSON.stringify(mergeMeta(current.raw_user_meta_data, p.user_metadata))
			);
		}
		if (p.app_metadata) {
			await set(
				'raw_app_meta_data',
				JSON.stringify(mergeMeta(current.raw_app_meta_data, p.app_metadata))
			);
		}
		if (ban !== undefined) await set('banned_until', ban);
		return (await findUserById(tx, id))!;
	});
	return json(200, userJson(user));
}

export async function deleteAdminUser(ac: AuthCtx, id: string): Promise<ApiResponse> {
	await requireAdmin(ac);
	await loadUser(ac, id);
	const p = await readOptionalParams(ac.req, { should_soft_delete: 'boolean' });
	await ac.db.transaction(async (tx) => {
		await tx.query('delete from auth.refresh_tokens where user_id = $1', [id]);
		if (!p.should_soft_delete) {
			try {
				await tx.query('delete from auth.users where id = $1', [id]);
			} catch (e) {
				// Typically a table of the project references the user without `on delete cascade`.
				console.error('[supabase/local auth] deleting a user failed:', (e as Error).message);
				throw internal('Database error deleting user');
			}
			return;
		}
		// Soft delete keeps the row for references but removes what identifies or signs the user in.
		await logout(tx, id, null, 'global');
		await tx.query('delete from auth.identities where user_id = $1', [id]);
		await tx.query(
			`update auth.users set email = encode(extensions.digest(id::text || coalesce(email, ''), 'sha256'), 'hex'),
			   phone = null, encrypted_password = '', confirmation_token = '', recovery_token = '',
			   email_change = '', email_change_token_new = '', raw_user_meta_data = '{}',
			   deleted_at = now(), updated_at = now() where id = $1`,
			[id]
		);
	});
	return json(200, {});
}

/** Thrown for an admin route that does not exist, in GoTrue's shape. */
export const noRoute = () => new AuthError(404, 'not_found', 'Not Found');
