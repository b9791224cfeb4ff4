/**
 * Passwords as GoTrue keeps them: bcrypt (cost 10), so hashes made by pgcrypto's
 * `crypt(..., gen_salt('bf'))` in a seed verify here and on a hosted project alike.
 */
import bcrypt from 'bcryptjs';
import { badRequest, weakPassword } from './errors';
import type { AuthSettings } from './settings';

const COST = 10;
/** bcrypt only reads 72 bytes; GoTrue refuses longer passwords rather than truncate silently. */
const MAX_PASSWORD_LENGTH = 72;

export function hashPassword(password: string): Promise<string> {
	return bcrypt.hash(password, COST);
}

/** Compares without throwing; users without a (bcrypt) password never match. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
	if (!hash || !/^\$2[aby]\$\d\d\$/.test(hash)) return false;
	try {
		return await bcrypt.compare(password, hash);
	} catch {
		return false;
	}
}

/** The reasons a password is weak under the project's rules; empty when it is acceptable. */
export function passwordWeakness(settings: AuthSettings, password: string): string[] {
	return [...password].length < settings.minimumPasswordLength ? ['length'] : [];
}

/** GoTrue's checkPasswordStrength: 400 when too long for bcrypt, 422 weak_password when too short. */
export function checkPasswordStrength(settings: AuthSettings, password: string): void {
	if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_LENGTH) {
		throw badRequest(
			'validation_failed',
			`Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`
		);
	}
	const reasons = passwordWeakness(settings, password);
	if (reasons.length) {
		throw weakPassword(
			`Password should be at least ${settings.minimumPasswordLength} characters.`,
			reasons
		);
	}
}
