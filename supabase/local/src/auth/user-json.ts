/** The user object GoTrue answers with, and its metadata merge rule. */
import type { UserRow } from './users';

/** GoTrue's user JSON: empty strings for missing e-mail/phone, omitted empty timestamps. */
export function userJson(row: UserRow): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: row.id,
		aud: row.aud ?? '',
		role: row.role ?? '',
		email: row.email ?? '',
		phone: row.phone ?? ''
	};
	const put = (key: string, v: unknown) => {
		if (v !== null && v !== undefined && v !== '') out[key] = v;
	};
	put('email_confirmed_at', row.email_confirmed_at);
	put('phone_confirmed_at', row.phone_confirmed_at);
	put('confirmation_sent_at', row.confirmation_sent_at);
	put('confirmed_at', row.confirmed_at);
	put('recovery_sent_at', row.recovery_sent_at);
	put('new_email', row.email_change);
	put('email_change_sent_at', row.email_change_sent_at);
	put('new_phone', row.phone_change);
	put('phone_change_sent_at', row.phone_change_sent_at);
	put('invited_at', row.invited_at);
	put('last_sign_in_at', row.last_sign_in_at);
	out.app_metadata = row.raw_app_meta_data ?? {};
	out.user_metadata = row.raw_user_meta_data ?? {};
	out.identities = row.identities.map((i) =>
		Object.fromEntries(Object.entries(i).filter(([, v]) => v !== null))
	);
	out.created_at = row.created_at;
	out.updated_at = row.updated_at;
	put('banned_until', row.banned_until);
	put('deleted_at', row.deleted_at);
	out.is_anonymous = row.is_anonymous;
	return out;
}

/** Applies a metadata patch as GoTrue does: keys set to null are removed, others replaced. */
export function mergeMeta(
	current: Record<string, unknown> | null,
	patch: Record<string, unknown>
): Record<string, unknown> {
	const next = { ...(current ?? {}) };
	for (const [k, v] of Object.entries(patch)) {
		if (v === null) delete next[k];
		else next[k] = v;
	}
	return next;
}
