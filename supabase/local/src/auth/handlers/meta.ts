/** GET /settings, GET /health, and the local outbox (GET /outbox, service role). */
import { json, type ApiResponse } from '../../http/types';
import type { AuthCtx } from '../context';
import { requireAdmin } from '../guard';
import { badRequest } from '../errors';

const PROVIDERS = [
	'anonymous_users',
	'apple',
	'azure',
	'bitbucket',
	'discord',
	'email',
	'facebook',
	'figma',
	'fly',
	'github',
	'gitlab',
	'google',
	'keycloak',
	'kakao',
	'linkedin',
	'linkedin_oidc',
	'notion',
	'phone',
	'saml',
	'slack',
	'slack_oidc',
	'spotify',
	'twitch',
	'twitter',
	'workos',
	'zoom'
];

export async function settings(ac: AuthCtx): Promise<ApiResponse> {
	const s = ac.settings;
	const external = Object.fromEntries(
		PROVIDERS.map((p) => [
			p,
			p === 'email' || (p === 'anonymous_users' && s.enableAnonymousSignIns)
		])
	);
	return json(200, {
		external,
		disable_signup: !s.enableSignup,
		mailer_autoconfirm: !s.enableConfirmations,
		phone_autoconfirm: false,
		sms_provider: '',
		saml_enabled: false
	});
}

export async function health(): Promise<ApiResponse> {
	return json(200, {
		version: 'supabase-local',
		name: 'GoTrue',
		description: 'GoTrue is a user registration and authentication API'
	});
}

/**
 * The messages the stack would have e-mailed, newest first, for the app's dev page. `email`
 * narrows to one recipient, `limit` (default 50, at most 500) to the latest few.
 */
export async function outbox(ac: AuthCtx): Promise<ApiResponse> {
	await requireAdmin(ac);
	const q = ac.req.url.searchParams;
	const limit = q.get('limit') ?? '50';
	if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 500) {
		throw badRequest('validation_failed', 'limit must be an integer from 1 to 500');
	}
	const { rows } = await ac.db.query(
		`select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
		        kind, recipient, subject, body, link
		 from auth.outbox where ($1 = '' or lower(recipient) = lower($1))
		 order by id desc limit $2`,
		[q.get('email') ?? '', Number(limit)]
	);
	return json(200, rows);
}
