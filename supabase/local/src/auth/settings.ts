/**
 * The auth settings a Supabase project keeps in `supabase/config.toml` ([auth], [auth.email]), read
 * from the config.toml beside the migrations directory so the stack behaves like the project it
 * serves. Only the keys GoTrue's local behaviour depends on are read; the rest keep the CLI defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StackConfig } from '../config';

export interface AuthSettings {
	siteUrl: string;
	additionalRedirectUrls: string[];
	jwtExpiry: number;
	refreshTokenRotation: boolean;
	/** Seconds during which a just-rotated refresh token may be presented again. */
	refreshTokenReuseInterval: number;
	enableSignup: boolean;
	enableAnonymousSignIns: boolean;
	minimumPasswordLength: number;
	/** Off means "autoconfirm": sign-up returns a session at once. */
	enableConfirmations: boolean;
	/** Seconds an e-mailed link or code stays valid. */
	otpExpiry: number;
	/** Seconds between two e-mails of one kind to one user. */
	maxFrequency: number;
	signInLimit: { attempts: number; windowMs: number };
}

type TomlValue = string | number | boolean | string[];

/** Parses the flat subset of TOML that config.toml uses: sections, scalars and string arrays. */
export function parseTomlSubset(text: string): Record<string, Record<string, TomlValue>> {
	const out: Record<string, Record<string, TomlValue>> = {};
	let section = '';
	out[section] = {};
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.replace(/^\s+|\s+$/g, '');
		if (!line || line.startsWith('#')) continue;
		const head = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
		if (head) {
			section = head[1];
			out[section] ??= {};
			continue;
		}
		const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.+?)\s*(#[^"\]]*)?$/.exec(line);
		if (!kv) continue;
		const value = parseTomlValue(kv[2]);
		if (value !== undefined) out[section][kv[1]] = value;
	}
	return out;
}

function parseTomlValue(v: string): TomlValue | undefined {
	if (v === 'true' || v === 'false') return v === 'true';
	if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
	const str = /^"((?:[^"\\]|\\.)*)"$/.exec(v) ?? /^'([^']*)'$/.exec(v);
	if (str) return str[1].replace(/\\(.)/g, '$1');
	if (v.startsWith('[') && v.endsWith(']')) {
		return [...v.slice(1, -1).matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
	}
	return undefined;
}

const DURATION_UNITS: Record<string, number> = {
	ns: 1e-6,
	us: 1e-3,
	µs: 1e-3,
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000
};

/** Go's time.ParseDuration ("876000h", "1h30m", "1.5s"), in milliseconds; null when malformed. */
export function parseGoDuration(text: string): number | null {
	const s = text.trim();
	if (!/^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/.test(s)) return s === '0' ? 0 : null;
	let ms = 0;
	for (const m of s.matchAll(/([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/g)) {
		ms += Number(m[1]) * DURATION_UNITS[m[2]];
	}
	return ms;
}

const cache = new Map<string, AuthSettings>();

/** The auth settings for a stack: config.toml beside the migrations, then the stack's own config. */
export function authSettings(config: StackConfig): AuthSettings {
	const tomlPath = path.join(path.dirname(config.migrationsDir), 'config.toml');
	const key = `${tomlPath}|${config.siteUrl}|${config.jwtExpiry}|${JSON.stringify(config.signInLimit)}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const toml = existsSync(tomlPath) ? parseTomlSubset(readFileSync(tomlPath, 'utf8')) : {};
	const auth = toml['auth'] ?? {};
	const email = toml['auth.email'] ?? {};
	const num = (v: TomlValue | undefined, d: number) => (typeof v === 'number' ? v : d);
	const bool = (v: TomlValue | undefined, d: boolean) => (typeof v === 'boolean' ? v : d);
	const dur = (v: TomlValue | undefined, d: number) =>
		typeof v === 'string' ? (parseGoDuration(v) ?? d * 1000) / 1000 : num(v, d);
	const settings: AuthSettings = {
		siteUrl: config.siteUrl,
		additionalRedirectUrls: Array.isArray(auth.additional_redirect_urls)
			? auth.additional_redirect_urls
			: [],
		jwtExpiry: config.jwtExpiry,
		refreshTokenRotation: bool(auth.enable_refresh_token_rotation, true),
		refreshTokenReuseInterval: num(auth.refresh_token_reuse_interval, 10),
		enableSignup: bool(auth.enable_signup, true) && bool(email.enable_signup, true),
		enableAnonymousSignIns: bool(auth.enable_anonymous_sign_ins, false),
		minimumPasswordLength: num(auth.minimum_password_length, 6),
		enableConfirmations: bool(email.enable_confirmations, false),
		otpExpiry: num(email.otp_expiry, 3600),
		maxFrequency: dur(email.max_frequency, 1),
		signInLimit: config.signInLimit
	};
	cache.set(key, settings);
	return settings;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Glob match as GoTrue's allow list does it: `*` within a segment, `**` across segments. */
function globMatch(pattern: string, value: string): boolean {
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '*' && pattern[i + 1] === '*') {
			re += '.*';
			i++;
		} else if (c === '*') re += '[^/.]*';
		else if (c === '?') re += '.';
		else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${re}$`).test(value);
}

/**
 * Whether `redirect_to` may be used: the site URL's host, a loopback host (the dev servers), or an
 * entry of additional_redirect_urls. Anything else falls back to the site URL, as GoTrue does, so
 * a link can never send a user (and their tokens) to a foreign origin.
 */
export function isAllowedRedirect(settings: AuthSettings, target: string): boolean {
	let url: URL;
	try {
		url = new URL(target);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
	if (url.username || url.password) return false;
	try {
		if (new URL(settings.siteUrl).hostname === url.hostname) return true;
	} catch {
		// A malformed site URL allows nothing by host.
	}
	if (LOOPBACK.has(url.hostname)) return true;
	return settings.additionalRedirectUrls.some(
		(p) => p === target || globMatch(p, target) || globMatch(p.replace(/\/$/, '') + '/**', target)
	);
}

/** The redirect target for a request: `redirect_to` when allowed, else the site URL. */
export function redirectTarget(
	settings: AuthSettings,
	requested: string | null | undefined
): string {
	return requested && isAllowedRedirect(settings, requested) ? requested : settings.siteUrl;
}
