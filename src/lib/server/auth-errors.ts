/** Auth errors as a person should read them, in their language. */
import type { AuthError } from '@supabase/supabase-js';
import { m } from '$lib/paraglide/messages';

/**
 * GoTrue answers a wrong e-mail and a wrong password alike (400 invalid_credentials), and so does
 * this message: telling them apart would reveal which addresses have accounts.
 */
export function authErrorMessage(error: AuthError | null): string {
	if (!error) return m.error_unexpected();
	if (error.status === 429 || error.code === 'over_request_rate_limit')
		return m.error_rate_limited();
	if (error.code === 'invalid_credentials' || error.status === 400)
		return m.signin_wrong_password();
	if (error.code === 'weak_password') return m.error_password_weak();
	if (error.code === 'same_password') return m.error_password_same();
	return m.error_unexpected();
}
