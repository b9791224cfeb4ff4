/** The contract between the stack's HTTP server and its services (auth, rest, storage). */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Database } from '../db/driver';
import type { Claims } from '../db/rls';
import type { StackConfig } from '../config';

export interface StackContext {
	db: Database;
	config: StackConfig;
}

export type Caller =
	| { ok: true; claims: Claims; token: string }
	| {
			ok: false;
			status: number;
			reason: 'missing_key' | 'bad_key' | 'expired' | 'invalid';
			message: string;
	  };

export interface ApiRequest {
	method: string;
	url: URL;
	/** The path below the service prefix, e.g. `/token` for `/auth/v1/token`. Percent-decoded per segment by the service. */
	path: string;
	headers: IncomingHttpHeaders;
	ip: string;
	/** The raw stream, for uploads that must not be buffered twice. Do not combine with body(). */
	raw: IncomingMessage;
	/** The whole body; rejects with HttpError 413 past `limit` (default config.maxBodyBytes). */
	body(limit?: number): Promise<Buffer>;
	/** The body parsed as JSON; rejects with HttpError 400 when malformed. Empty body gives undefined. */
	json(): Promise<unknown>;
	/** Who is calling: the JWT from `Authorization: Bearer`, else the `apikey` header, verified. */
	caller(): Promise<Caller>;
	/** A header as one string (first value). */
	header(name: string): string | undefined;
}

export interface ApiResponse {
	status: number;
	headers?: Record<string, string>;
	/** A stream is piped (large downloads); the server destroys it for HEAD or a closed client. */
	body?: string | Uint8Array | Readable | null;
}

export type Handler = (req: ApiRequest, ctx: StackContext) => Promise<ApiResponse>;

/** Thrown by services to answer with a given status and JSON body. */
export class HttpError extends Error {
	constructor(
		public status: number,
		public body: unknown,
		public headers: Record<string, string> = {}
	) {
		super(
			typeof body === 'object' && body && 'message' in body ? String(body.message) : String(body)
		);
	}
}

export function json(
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): ApiResponse {
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
		body: body === undefined ? '' : JSON.stringify(body)
	};
}
