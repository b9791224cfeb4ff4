/** The admin's user forms. Issue messages are message keys (see form.ts). */
import { z } from 'zod';
import { APP_ROLES } from '$lib/auth/roles';
import { emailField } from './auth';

export const inviteSchema = z.object({
	email: emailField,
	display_name: z
		.string()
		.trim()
		.min(1, { error: 'error_name_required' })
		.max(100, { error: 'error_name_long' }),
	organisation_id: z.uuid({ error: 'error_organisation_required' }),
	role: z.enum(APP_ROLES, { error: 'error_role_invalid' })
});

export const revokeSchema = z.object({
	membership_id: z.uuid({ error: 'error_unexpected' })
});
