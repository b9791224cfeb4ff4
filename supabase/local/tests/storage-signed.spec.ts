import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from './stack';
import { startStorageWorld, objectRow, type TestUser } from './storage-fixtures';

let stack: TestStack;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
	({ stack, alice, bob } = await startStorageWorld());
	await alice.client.storage.from('private').upload(`${alice.id}/report.txt`, new Blob(['secret']));
});
afterAll(async () => stack?.close());

/** A token signed with the project secret, for crafting expired or mismatched URLs. */
async function craftToken(payload: Record<string, unknown>, exp: number, secret = stack.jwtSecret) {
	return new SignJWT(payload)
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt()
		.setExpirationTime(exp)
		.sign(new TextEncoder().encode(secret));
}

describe('signed download URLs', () => {
	it('downloads without any API key until the token expires', async () => {
		const r = await alice.client.storage
			.from('private')
			.createSignedUrl(`${alice.id}/report.txt`, 60);
		expect(r.error).toBeNull();
		expect(r.data!.signedUrl).toContain(
			`/storage/v1/object/sign/private/${alice.id}/report.txt?token=`
		);
		const res = await fetch(r.data!.signedUrl);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('secret');
		expect(new Date(res.headers.get('expires')!).getTime()).toBeGreaterThan(Date.now());
	});

	it('sets content-disposition when asked to download', async () => {
		const files = alice.client.storage.from('private');
		const named = await files.createSignedUrl(`${alice.id}/report.txt`, 60, { download: 'r.txt' });
		const res = await fetch(named.data!.signedUrl);
		expect(res.headers.get('content-disposition')).toBe(
			"attachment; filename=r.txt; filename*=UTF-8''r.txt;"
		);
	});

	it("refuses an expired token with storage's 400", async () => {
		const url = `private/${alice.id}/report.txt`;
		const token = await craftToken({ url }, Math.floor(Date.now() / 1000) - 5);
		const res = await fetch(`${stack.url}/storage/v1/object/sign/${url}?token=${token}`);
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			statusCode: '400',
			error: 'InvalidJWT',
			message: 'jwt expired'
		});
	});

	it('refuses a tampered token, a foreign secret and a token for another object', async () => {
		const r = await alice.client.storage
			.from('private')
			.createSignedUrl(`${alice.id}/report.txt`, 60);
		const url = new URL(r.data!.signedUrl);
		const token = url.searchParams.get('token')!;
		const [h, p, s] = token.split('.');
		const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
		const forgedPayload = Buffer.from(
			JSON.stringify({ ...payload, exp: payload.exp + 1e6 })
		).toString('base64url');
		url.searchParams.set('token', `${h}.${forgedPayload}.${s}`);
		const tampered = await fetch(url);
		expect(tampered.status).toBe(400);
		expect(await tampered.json()).toEqual({
			statusCode: '400',
			error: 'InvalidJWT',
			message: 'invalid signature'
		});

		const exp = Math.floor(Date.now() / 1000) + 60;
		const foreign = await craftToken(
			{ url: `private/${alice.id}/report.txt` },
			exp,
			'another-secret-another-secret!!'
		);
		const f = await fetch(
			`${stack.url}/storage/v1/object/sign/private/${alice.id}/report.txt?token=${foreign}`
		);
		expect(await f.json()).toMatchObject({ statusCode: '400', message: 'invalid signature' });

		const other = await craftToken({ url: `private/${bob.id}/x.txt` }, exp);
		const o = await fetch(
			`${stack.url}/storage/v1/object/sign/private/${alice.id}/report.txt?token=${other}`
		);
		expect(o.status).toBe(400);
		expect(await o.json()).toEqual({
			statusCode: '400',
			error: 'InvalidSignature',
			message: 'Invalid signature'
		});

		const apiKeyAsToken = await fetch(
			`${stack.url}/storage/v1/object/sign/private/${alice.id}/report.txt?token=${stack.serviceRoleKey}`
		);
		expect(await apiKeyAsToken.json()).toMatchObject({ error: 'InvalidSignature' });
	});

	it('only signs objects the caller may read', async () => {
		const r = await bob.client.storage
			.from('private')
			.createSignedUrl(`${alice.id}/report.txt`, 60);
		expect(r.error).toMatchObject({ status: 400, statusCode: '404' });
		const anon = await stack
			.anon()
			.storage.from('private')
			.createSignedUrl(`${alice.id}/report.txt`, 60);
		expect(anon.error).toMatchObject({ statusCode: '404' });
	});

	it('signs many paths at once, with an error entry for the unreadable ones', async () => {
		const r = await alice.client.storage
			.from('private')
			.createSignedUrls([`${alice.id}/report.txt`, `${bob.id}/nope.txt`], 60);
		expect(r.error).toBeNull();
		expect(r.data![0]).toMatchObject({ error: null, path: `${alice.id}/report.txt` });
		expect(await (await fetch(r.data![0].signedUrl!)).text()).toBe('secret');
		expect(r.data![1]).toMatchObject({
			error: 'Either the object does not exist or you do not have access to it',
			path: `${bob.id}/nope.txt`,
			signedUrl: null
		});
	});
});

describe('signed upload URLs', () => {
	it('uploads with the token alone, owned by the user who asked for it', async () => {
		const files = alice.client.storage.from('private');
		const path = `${alice.id}/via-token.txt`;
		const s = await files.createSignedUploadUrl(path);
		expect(s.error).toBeNull();
		expect(s.data!.path).toBe(path);
		const up = await stack
			.anon()
			.storage.from('private')
			.uploadToSignedUrl(path, s.data!.token, new Blob(['signed up']));
		expect(up.error).toBeNull();
		expect(up.data).toMatchObject({ path, fullPath: `private/${path}` });
		expect(await (await files.download(path)).data!.text()).toBe('signed up');
		const owner = await stack.db.query<{ owner: string }>(
			`select owner from storage.objects where bucket_id = 'private' and name = $1`,
			[path]
		);
		expect(owner.rows[0].owner).toBe(alice.id);

		const again = await stack
			.anon()
			.storage.from('private')
			.uploadToSignedUrl(path, s.data!.token, new Blob(['x']));
		expect(again.error).toMatchObject({ statusCode: '409' });
	});

	it('replaces an object when the URL was signed with upsert', async () => {
		const path = `${alice.id}/via-token.txt`;
		const s = await alice.client.storage
			.from('private')
			.createSignedUploadUrl(path, { upsert: true });
		const up = await stack
			.anon()
			.storage.from('private')
			.uploadToSignedUrl(path, s.data!.token, new Blob(['v2']));
		expect(up.error).toBeNull();
		expect(await (await alice.client.storage.from('private').download(path)).data!.text()).toBe(
			'v2'
		);
	});

	it('refuses to sign an upload the caller could not do', async () => {
		const s = await bob.client.storage
			.from('private')
			.createSignedUploadUrl(`${alice.id}/intrude.txt`);
		expect(s.error).toMatchObject({ statusCode: '403' });
	});

	it('refuses a token used for another path, and an expired one', async () => {
		const s = await alice.client.storage
			.from('private')
			.createSignedUploadUrl(`${alice.id}/one.txt`);
		const wrong = await stack
			.anon()
			.storage.from('private')
			.uploadToSignedUrl(`${alice.id}/two.txt`, s.data!.token, new Blob(['x']));
		expect(wrong.error).toMatchObject({
			status: 400,
			statusCode: '400',
			message: 'Invalid signature'
		});
		expect(await objectRow(stack, 'private', `${alice.id}/two.txt`)).toBeUndefined();

		const expired = await craftToken(
			{ url: `private/${alice.id}/one.txt`, owner: alice.id, upsert: false },
			Math.floor(Date.now() / 1000) - 1
		);
		const late = await stack
			.anon()
			.storage.from('private')
			.uploadToSignedUrl(`${alice.id}/one.txt`, expired, new Blob(['x']));
		expect(late.error).toMatchObject({ statusCode: '400', message: 'jwt expired' });
		expect(await objectRow(stack, 'private', `${alice.id}/one.txt`)).toBeUndefined();
	});
});
