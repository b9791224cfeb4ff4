/**
 * E-mail the local stack "sends": one-time tokens made as GoTrue makes them (a 6-digit code and
 * sha224(email + code) as the link token), written to auth.outbox and appended to
 * `<dataDir>/outbox.jsonl` for the dev page, instead of going to an SMTP server.
 */
import { createHash, randomInt } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from '../db/driver';
import type { AuthCtx } from './context';

export type MailKind = 'signup' | 'invite' | 'magiclink' | 'recovery';

export interface OneTimeToken {
	otp: string;
	/** What the link carries and the database stores (with `pkce_` in front for the PKCE flow). */
	hash: string;
}

/** A fresh 6-digit code and its hash, bound to the address it is sent to. */
export function oneTimeToken(email: string, pkce: boolean): OneTimeToken {
	const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
	const hash = tokenHash(email, otp);
	return { otp, hash: pkce ? `pkce_${hash}` : hash };
}

/** GoTrue's GenerateTokenHash. */
export function tokenHash(email: string, otp: string): string {
	return createHash('sha224')
		.update(email.toLowerCase() + otp)
		.digest('hex');
}

/** The verify link GoTrue puts in its e-mails (ConfirmationURL). */
export function verifyLink(ac: AuthCtx, hash: string, type: MailKind, redirectTo: string): string {
	const q = new URLSearchParams({ token: hash, type, redirect_to: redirectTo });
	return `${ac.client.externalUrl}/auth/v1/verify?${q}`;
}

const TEMPLATES: Record<MailKind, { subject: string; intro: string }> = {
	signup: { subject: 'Confirm Your Signup', intro: 'Follow this link to confirm your user:' },
	invite: {
		subject: 'You have been invited',
		intro: 'You have been invited to create a user. Follow this link to accept the invite:'
	},
	magiclink: { subject: 'Your Magic Link', intro: 'Follow this link to login:' },
	recovery: {
		subject: 'Reset Your Password',
		intro: 'Follow this link to reset the password for your user:'
	}
};

export interface OutboxMessage {
	id: number;
	created_at: string;
	kind: MailKind;
	recipient: string;
	subject: string;
	body: string;
	link: string;
	token_hash: string;
	otp: string;
	redirect_to: string;
}

/** Writes the message to auth.outbox inside the caller's transaction. */
export async function queueMail(
	tx: Tx,
	ac: AuthCtx,
	kind: MailKind,
	recipient: string,
	token: OneTimeToken,
	redirectTo: string
): Promise<OutboxMessage> {
	const link = verifyLink(ac, token.hash, kind, redirectTo);
	const t = TEMPLATES[kind];
	const body = [
		t.intro,
		link,
		'',
		`Alternatively, enter the code: ${token.otp}`,
		`Token hash (for a custom /auth/confirm route): ${token.hash}`
	].join('\n');
	const { rows } = await tx.query<{ id: number; created_at: string }>(
		`insert into auth.outbox (kind, recipient, subject, body, link) values ($1, $2, $3, $4, $5)
		 returning id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at`,
		[kind, recipient, t.subject, body, link]
	);
	return {
		...rows[0],
		kind,
		recipient,
		subject: t.subject,
		body,
		link,
		token_hash: token.hash,
		otp: token.otp,
		redirect_to: redirectTo
	};
}

/** Appends a committed message to the outbox file; a failure here must not undo the request. */
export async function appendOutboxFile(ac: AuthCtx, msg: OutboxMessage): Promise<void> {
	try {
		await mkdir(ac.config.dataDir, { recursive: true });
		await appendFile(path.join(ac.config.dataDir, 'outbox.jsonl'), JSON.stringify(msg) + '\n');
	} catch (e) {
		console.warn('[supabase/local auth] could not append to outbox.jsonl', e);
	}
}
