import { AuthApiError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './auth-errors';

// The messages render in the base locale (English) outside a request.
describe('auth errors as people read them', () => {
	it('says plainly that e-mail and password do not match, without saying which', () => {
		const wrong = new AuthApiError('Invalid login credentials', 400, 'invalid_credentials');
		expect(authErrorMessage(wrong)).toBe(
			'That e-mail and password do not match. Check both and try again.'
		);
	});
	it('tells a rate-limited person to wait instead of blaming their password', () => {
		const limited = new AuthApiError('Too many requests', 429, 'over_request_rate_limit');
		expect(authErrorMessage(limited)).toBe(
			'Too many attempts. Wait a few minutes, then try again.'
		);
		expect(authErrorMessage(new AuthApiError('slow down', 429, undefined))).toBe(
			'Too many attempts. Wait a few minutes, then try again.'
		);
	});
	it('names weak and unchanged passwords', () => {
		expect(authErrorMessage(new AuthApiError('weak', 422, 'weak_password'))).toMatch(/too easy/);
		expect(authErrorMessage(new AuthApiError('same', 422, 'same_password'))).toMatch(/different/);
	});
	it('falls back to a generic message for anything else, never an empty one', () => {
		expect(authErrorMessage(new AuthApiError('boom', 500, 'unexpected_failure'))).toBe(
			'Something went wrong on our side. Please try again.'
		);
		expect(authErrorMessage(null)).toBe('Something went wrong on our side. Please try again.');
	});
});
