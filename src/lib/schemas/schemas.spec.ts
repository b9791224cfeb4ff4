import { describe, expect, it } from 'vitest';
import { formObject, validate } from './form';
import { resetSchema, signInSchema } from './auth';
import { inviteSchema } from './users';
import { profileSchema } from './profile';

const ORG = '0b7e6a2c-1f7d-4c55-9d43-6f2f7b1f2d10';

describe('form parsing', () => {
	it('reads single fields as strings and repeated checkboxes as lists', () => {
		const form = new FormData();
		form.append('email', 'a@b.test');
		form.append('languages', 'zh');
		form.append('languages', 'en');
		expect(formObject(form, ['languages', 'missing'])).toEqual({
			email: 'a@b.test',
			languages: ['zh', 'en'],
			missing: []
		});
	});
});

describe('sign-in form', () => {
	it('accepts an e-mail with stray spaces and capitals, normalised', () => {
		const r = validate(signInSchema, { email: '  Admin@Demo.Clearcall.Test ', password: 'x' });
		expect(r).toEqual({
			ok: true,
			data: { email: 'admin@demo.clearcall.test', password: 'x' }
		});
	});
	it('names the field and the reason when something is missing or malformed', () => {
		expect(validate(signInSchema, { email: '', password: '' })).toEqual({
			ok: false,
			errors: { email: 'error_email_required', password: 'error_password_required' }
		});
		expect(validate(signInSchema, { email: 'not-an-email', password: 'x' })).toEqual({
			ok: false,
			errors: { email: 'error_email_invalid' }
		});
	});
});

describe('new password form', () => {
	it('accepts matching passwords of at least 8 characters', () => {
		expect(validate(resetSchema, { password: 'correct horse', confirm: 'correct horse' }).ok).toBe(
			true
		);
	});
	it('rejects short, overlong and mismatched passwords on the right field', () => {
		expect(validate(resetSchema, { password: 'short', confirm: 'short' })).toMatchObject({
			errors: { password: 'error_password_short' }
		});
		const long = 'x'.repeat(73);
		expect(validate(resetSchema, { password: long, confirm: long })).toMatchObject({
			errors: { password: 'error_password_long' }
		});
		expect(validate(resetSchema, { password: 'abcdefgh', confirm: 'abcdefgx' })).toMatchObject({
			errors: { confirm: 'error_password_mismatch' }
		});
	});
});

describe('invite form', () => {
	const valid = { email: 'new@x.test', display_name: 'Wen', organisation_id: ORG, role: 'shopper' };
	it('accepts a complete invitation', () => {
		expect(validate(inviteSchema, valid).ok).toBe(true);
	});
	it('names each wrong field', () => {
		expect(
			validate(inviteSchema, { email: 'x', display_name: ' ', organisation_id: '', role: 'root' })
		).toEqual({
			ok: false,
			errors: {
				email: 'error_email_invalid',
				display_name: 'error_name_required',
				organisation_id: 'error_organisation_required',
				role: 'error_role_invalid'
			}
		});
	});
});

describe('profile form', () => {
	it('stores blanks as null and keeps chosen languages', () => {
		expect(
			validate(profileSchema, {
				display_name: 'Wang Fang',
				phone: '',
				home_time_zone: '',
				languages: ['zh', 'en']
			})
		).toEqual({
			ok: true,
			data: {
				display_name: 'Wang Fang',
				phone: null,
				home_time_zone: null,
				languages: ['zh', 'en']
			}
		});
	});
	it('rejects an unknown time zone, a malformed phone and unlisted languages', () => {
		expect(
			validate(profileSchema, {
				display_name: 'W',
				phone: 'call me',
				home_time_zone: 'Mars/Base',
				languages: ['klingon']
			})
		).toEqual({
			ok: false,
			errors: {
				phone: 'error_phone_invalid',
				home_time_zone: 'error_time_zone_invalid',
				languages: 'error_language_invalid'
			}
		});
	});
});
