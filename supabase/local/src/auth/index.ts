/**
 * /auth/v1 with GoTrue's behaviour, as supabase-js talks to it: routes, Kong's API-key gate in
 * front of everything but the e-mail links, and GoTrue's error bodies.
 */
import { json, type ApiResponse, type Handler } from '../http/types';
import { authContext, type AuthCtx } from './context';
import { errorResponse } from './errors';
import { GatewayError, requireApiKey } from './guard';
import {
	createAdminUser,
	deleteAdminUser,
	getAdminUser,
	listAdminUsers,
	noRoute,
	updateAdminUser
} from './handlers/admin';
import { generateLink, invite, otp, recover } from './handlers/links';
import { health, outbox, settings } from './handlers/meta';
import { signup } from './handlers/signup';
import { token } from './handlers/token';
import { getUser, logout, updateUser } from './handlers/user';
import { verifyGet, verifyPost } from './handlers/verify';
import { ensureAuthSchema } from './schema';

type Route = (ac: AuthCtx, id: string) => Promise<ApiResponse>;

interface RouteSpec {
	path: RegExp;
	methods: Record<string, Route>;
	/** Reachable without an API key: the links people click in e-mails. */
	open?: boolean;
}

const ROUTES: RouteSpec[] = [
	{ path: /^\/health$/, methods: { GET: health } },
	{ path: /^\/settings$/, methods: { GET: settings } },
	{ path: /^\/signup$/, methods: { POST: signup } },
	{ path: /^\/token$/, methods: { POST: token } },
	{ path: /^\/verify$/, methods: { GET: verifyGet, POST: verifyPost }, open: true },
	{ path: /^\/recover$/, methods: { POST: recover } },
	{ path: /^\/otp$/, methods: { POST: otp } },
	{ path: /^\/user$/, methods: { GET: getUser, PUT: updateUser } },
	{ path: /^\/logout$/, methods: { POST: logout } },
	{ path: /^\/invite$/, methods: { POST: invite } },
	{ path: /^\/admin\/users$/, methods: { GET: listAdminUsers, POST: createAdminUser } },
	{
		path: /^\/admin\/users\/([^/]+)$/,
		methods: { GET: getAdminUser, PUT: updateAdminUser, DELETE: deleteAdminUser }
	},
	{ path: /^\/admin\/generate_link$/, methods: { POST: generateLink } },
	{ path: /^\/outbox$/, methods: { GET: outbox } }
];

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** The /auth/v1 service. */
export const authHandler: Handler = async (req, ctx) => {
	const ac = authContext(req, ctx);
	const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
	try {
		const route = ROUTES.map((r) => ({ r, m: r.path.exec(path) })).find((x) => x.m);
		if (!route) {
			await requireApiKey(ac);
			throw noRoute();
		}
		if (!route.r.open) await requireApiKey(ac);
		const method = req.method === 'HEAD' ? 'GET' : req.method;
		const fn = route.r.methods[method];
		if (!fn) {
			return { status: 405, headers: { allow: Object.keys(route.r.methods).join(', ') }, body: '' };
		}
		await ensureAuthSchema(ac.db);
		return await fn(ac, decode(route.m![1] ?? ''));
	} catch (e) {
		if (e instanceof GatewayError) return json(e.status, { message: e.message });
		return errorResponse(e, req);
	}
};
