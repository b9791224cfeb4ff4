/** Sign-in and password forms. Issue messages are message keys (see form.ts). */
import { z } from 'zod';

export const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, { error: 'error_email_required' })
	.pipe(z.email({ error: 'error_email_invalid' }));

/** GoTrue's default minimum is 6; the app asks for 8. */
export const PASSWORD_MIN = 8;

export const signInSchema = z.object({
	email: emailField,
	password: z.string().min(1, { error: 'error_password_required' }),
	redirectTo: z.string().optional()
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z
	.object({
		password: z.string().min(PASSWORD_MIN, { error: 'error_password_short' }).max(72, {
			// bcrypt ignores everything past 72 bytes.
			error: 'error_password_long'
		}),
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, {
		error: 'error_password_mismatch',
		path: ['confirm']
	});
