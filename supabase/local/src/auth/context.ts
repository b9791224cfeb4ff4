/**
 * What every auth handler works with: the request, the database, the project's auth settings, who
 * is calling from where, and the per-stack state (sign-in failure counters).
 */
import { isIP } from 'node:net';
import type { StackConfig } from '../config';
import type { Database } from '../db/driver';
import type { ApiRequest, StackContext } from '../http/types';
import { FailureLimiter } from './ratelimit';
import { authSettings, type AuthSettings } from './settings';
import type { ClientInfo } from './sessions';

export interface AuthState {
	signIns: FailureLimiter;
}

export interface AuthCtx {
	req: ApiRequest;
	db: Database;
	config: StackConfig;
	settings: AuthSettings;
	client: ClientInfo;
	state: AuthState;
}

const states = new WeakMap<StackContext, AuthState>();

const LOOPBACK_PEER = /^(127\.|::1$|::ffff:127\.)/;

/** The caller's address; a forwarded address is trusted only from a proxy on this machine. */
function clientIp(req: ApiRequest): string {
	const forwarded = req.header('x-forwarded-for')?.split(',')[0]?.trim();
	if (forwarded && isIP(forwarded) && LOOPBACK_PEER.test(req.ip)) return forwarded;
	return req.ip;
}

/** The origin the caller used to reach the stack, for links and the token issuer. */
function externalUrl(req: ApiRequest, config: StackConfig): string {
	const host =
		req.header('x-forwarded-host') ?? req.header('host') ?? `${config.host}:${config.port}`;
	const proto = req.header('x-forwarded-proto') === 'https' ? 'https' : 'http';
	// A Host header is caller-controlled: keep it to host[:port] characters so it cannot inject a path.
	return /^[A-Za-z0-9.\-[\]:]+$/.test(host)
		? `${proto}://${host}`
		: `http://${config.host}:${config.port}`;
}

/** Builds the handler context for one request. */
export function authContext(req: ApiRequest, ctx: StackContext): AuthCtx {
	const settings = authSettings(ctx.config);
	let state = states.get(ctx);
	if (!state) {
		state = { signIns: new FailureLimiter(settings.signInLimit) };
		states.set(ctx, state);
	}
	return {
		req,
		db: ctx.db,
		config: ctx.config,
		settings,
		state,
		client: {
			ip: clientIp(req),
			userAgent: req.header('user-agent') ?? '',
			externalUrl: externalUrl(req, ctx.config)
		}
	};
}
