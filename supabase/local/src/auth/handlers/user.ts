/** GET /user, PUT /user and POST /logout: what a signed-in user does with their own account. */
import { json, type ApiResponse } from '../../http/types';
import { badRequest, forbidden, unprocessable } from '../errors';
import type { AuthCtx } from '../context';
import { requireUser } from '../guard';
import { readParams, validateEmail } from '../params';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../passwords';
import { logout as endSessions, type LogoutScope } from '../sessions';
import { mergeMeta, userJson } from '../user-json';
import { DUPLICATE_EMAIL, emailTaken, findUserById } from '../users';

export async function getUser(ac: AuthCtx): Promise<ApiResponse> {
	const { user } = await requireUser(ac);
	return json(200, userJson(user));
}

export async function updateUser(ac: AuthCtx): Promise<ApiResponse> {
	const caller = await requireUser(ac);
	const p = await readParams(ac.req, {
		email: 'string',
		phone: 'string',
		password: 'string',
		nonce: 'string',
		data: 'object',
		app_metadata: 'object',
		channel: 'string',
		code_challenge: 'string',
		code_challenge_method: 'string'
	});
	const user = caller.user;
	if (p.app_metadata) {
		throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
	}
	if (p.phone) throw unprocessable('phone_provider_disabled', 'Phone provider is disabled');
	let hash: string | null = null;
	if (p.password !== undefined) {
		checkPasswordStrength(ac.settings, p.password);
		if (await verifyPassword(user.encrypted_password, p.password)) {
			throw unprocessable(
				'same_password',
				'New password should be different from the old password.'
			);
		}
		hash = await hashPassword(p.password);
	}
	let email: string | null = null;
	if (p.email !== undefined && p.email.toLowerCase() !== (user.email ?? '')) {
		email = validateEmail(p.email);
		if (ac.settings.enableConfirmations) {
			throw badRequest(
				'validation_failed',
				'The local stack changes e-mail addresses only with confirmations off (auth.email.enable_confirmations = false)'
			);
		}
		if (await emailTaken(ac.db, email, user.id))
			throw unprocessable('email_exists', DUPLICATE_EMAIL);
	}
	const updated = await ac.db.transaction(async (tx) => {
		if (hash) {
			await tx.query(`update auth.users set encrypted_password = $2 where id = $1`, [
				user.id,
				hash
			]);
			// A new password ends every other session, as GoTrue's UpdatePassword does.
			await endSessions(tx, user.id, caller.sessionId, caller.sessionId ? 'others' : 'global');
		}
		if (p.data) {
			await tx.query(`update auth.users set raw_user_meta_data = $2 where id = $1`, [
				user.id,
				JSON.stringify(mergeMeta(user.raw_user_meta_data, p.data))
			]);
		}
		if (email) {
			await tx.query(
				`update auth.users set email = $2, email_change = '', email_change_token_new = '',
				   email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1`,
				[user.id, email]
			);
			await tx.query(
				`update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', true),
				   updated_at = now() where user_id = $1 and provider = 'email'`,
				[user.id, email]
			);
		}
		await tx.query(`update auth.users set updated_at = now() where id = $1`, [user.id]);
		return (await findUserById(tx, user.id))!;
	});
	return json(200, userJson(updated));
}

const SCOPES: LogoutScope[] = ['global', 'local', 'others'];

export async function logout(ac: AuthCtx): Promise<ApiResponse> {
	const caller = await requireUser(ac);
	const raw = ac.req.url.searchParams.get('scope') || 'global';
	const scope = SCOPES.find((s) => s === raw);
	if (!scope) throw badRequest('validation_failed', `Unsupported logout scope "${raw}"`);
	await ac.db.transaction((tx) => endSessions(tx, caller.user.id, caller.sessionId, scope));
	return { status: 204, headers: {}, body: null };
}
