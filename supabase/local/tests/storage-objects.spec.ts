import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from './stack';
import { startStorageWorld, objectRow, storageFetch, type TestUser } from './storage-fixtures';

let stack: TestStack;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
	({ stack, alice, bob } = await startStorageWorld());
});
afterAll(async () => stack?.close());

const text = (s: string) => new Blob([s], { type: 'text/plain' });

describe('storage objects under RLS', () => {
	it('lets a user upload to and download from their own folder', async () => {
		const up = await alice.client.storage
			.from('private')
			.upload(`${alice.id}/note.txt`, text('hello'));
		expect(up.error).toBeNull();
		expect(up.data).toMatchObject({
			path: `${alice.id}/note.txt`,
			fullPath: `private/${alice.id}/note.txt`
		});
		expect(up.data!.id).toMatch(/^[0-9a-f-]{36}$/);

		const down = await alice.client.storage.from('private').download(`${alice.id}/note.txt`);
		expect(down.error).toBeNull();
		expect(await down.data!.text()).toBe('hello');

		const row = await objectRow(stack, 'private', `${alice.id}/note.txt`);
		expect(row.metadata).toMatchObject({
			size: 5,
			mimetype: 'text/plain',
			cacheControl: 'max-age=3600'
		});
		const owner = await stack.db.query<{ owner: string }>(
			`select owner from storage.objects where id = $1`,
			[row.id]
		);
		expect(owner.rows[0].owner).toBe(alice.id);
	});

	it("denies a user another user's folder, for upload and for download", async () => {
		const up = await bob.client.storage.from('private').upload(`${alice.id}/evil.txt`, text('x'));
		expect(up.error).toMatchObject({
			status: 400,
			statusCode: '403',
			message: 'new row violates row-level security policy'
		});
		expect(await objectRow(stack, 'private', `${alice.id}/evil.txt`)).toBeUndefined();

		const down = await bob.client.storage.from('private').download(`${alice.id}/note.txt`);
		expect(down.data).toBeNull();
		expect(down.error).toMatchObject({ status: 400 });
		const raw = await storageFetch(
			stack,
			bob.token,
			`/object/authenticated/private/${alice.id}/note.txt`
		);
		expect(raw.status).toBe(400);
		expect(await raw.json()).toEqual({
			statusCode: '404',
			error: 'not_found',
			message: 'Object not found'
		});
	});

	it('denies anon uploads and downloads in a private bucket', async () => {
		const anon = stack.anon();
		const up = await anon.storage.from('private').upload(`${alice.id}/anon.txt`, text('x'));
		expect(up.error).toMatchObject({ statusCode: '403' });
		const down = await anon.storage.from('private').download(`${alice.id}/note.txt`);
		expect(down.error).toMatchObject({ status: 400 });
		const noKey = await fetch(`${stack.url}/storage/v1/object/private/${alice.id}/note.txt`);
		expect(noKey.status).toBe(400);
		expect(await noKey.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
	});

	it('lets the service role bypass RLS', async () => {
		const admin = stack.admin();
		expect(
			(await admin.storage.from('private').upload('anywhere/x.txt', text('x'))).error
		).toBeNull();
		const down = await admin.storage.from('private').download(`${alice.id}/note.txt`);
		expect(await down.data!.text()).toBe('hello');
	});

	it('refuses to overwrite without x-upsert and replaces with it', async () => {
		const path = `${alice.id}/upsert.txt`;
		const files = alice.client.storage.from('private');
		expect((await files.upload(path, text('one'))).error).toBeNull();
		const again = await files.upload(path, text('two'));
		expect(again.error).toMatchObject({
			status: 400,
			statusCode: '409',
			message: 'The resource already exists'
		});
		expect(await (await files.download(path)).data!.text()).toBe('one');

		const before = await objectRow(stack, 'private', path);
		const up = await files.upload(path, text('three'), { upsert: true, cacheControl: '60' });
		expect(up.error).toBeNull();
		expect(up.data!.id).toBe(before.id);
		expect(await (await files.download(path)).data!.text()).toBe('three');
		const after = await objectRow(stack, 'private', path);
		expect(after.version).not.toBe(before.version);
		expect(after.metadata).toMatchObject({ size: 5, cacheControl: 'max-age=60' });

		const upd = await files.update(path, text('four'));
		expect(upd.error).toBeNull();
		expect(await (await files.download(path)).data!.text()).toBe('four');
	});

	it('stores raw bodies with their content type, cache control and user metadata', async () => {
		const files = alice.client.storage.from('private');
		const path = `${alice.id}/raw.json`;
		const up = await files.upload(path, Buffer.from('{"a":1}'), {
			contentType: 'application/json',
			cacheControl: '120',
			metadata: { purpose: 'test' }
		});
		expect(up.error).toBeNull();
		const res = await storageFetch(stack, alice.token, `/object/authenticated/private/${path}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.headers.get('cache-control')).toBe('max-age=120');
		expect(res.headers.get('content-length')).toBe('7');
		expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
		expect(await res.text()).toBe('{"a":1}');

		const info = await files.info(path);
		expect(info.error).toBeNull();
		expect(info.data).toMatchObject({
			name: path,
			bucketId: 'private',
			size: 7,
			contentType: 'application/json',
			cacheControl: 'max-age=120',
			metadata: { purpose: 'test' }
		});
		expect((await files.exists(path)).data).toBe(true);
		expect((await files.exists(`${alice.id}/missing.txt`)).data).toBe(false);
		expect((await bob.client.storage.from('private').exists(path)).data).toBe(false);
	});

	it('serves public buckets without an API key and private ones never publicly', async () => {
		const admin = stack.admin();
		await admin.storage.from('pics').upload('cat.txt', text('meow'));
		const { publicUrl } = stack.anon().storage.from('pics').getPublicUrl('cat.txt').data;
		const res = await fetch(publicUrl);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('meow');

		const dl = await fetch(
			stack.anon().storage.from('pics').getPublicUrl('cat.txt', { download: 'kitty.txt' }).data
				.publicUrl
		);
		expect(dl.headers.get('content-disposition')).toBe(
			"attachment; filename=kitty.txt; filename*=UTF-8''kitty.txt;"
		);
		const plain = await fetch(`${stack.url}/storage/v1/object/public/pics/cat.txt?download`);
		expect(plain.headers.get('content-disposition')).toBe('attachment;');

		const priv = await fetch(`${stack.url}/storage/v1/object/public/private/${alice.id}/note.txt`);
		expect(priv.status).toBe(400);
		expect(await priv.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
		const missing = await fetch(`${stack.url}/storage/v1/object/public/pics/nope.txt`);
		expect(await missing.json()).toMatchObject({ statusCode: '404', message: 'Object not found' });
	});

	it('lets anon add to a bucket whose policy allows it, but not replace', async () => {
		const anon = stack.anon().storage.from('drop');
		expect((await anon.upload('inbox/a.txt', text('a'))).error).toBeNull();
		const again = await anon.upload('inbox/a.txt', text('b'), { upsert: true });
		expect(again.error).toMatchObject({ statusCode: '403' });
		expect(await (await fetch(anon.getPublicUrl('inbox/a.txt').data.publicUrl)).text()).toBe('a');
	});

	it('answers storage errors for unknown buckets and unsupported features', async () => {
		const up = await stack.admin().storage.from('nope').upload('a.txt', text('a'));
		expect(up.error).toMatchObject({ status: 400, statusCode: '404', message: 'Bucket not found' });
		const v2 = await stack.admin().storage.from('pics').listV2();
		expect(v2.error).toMatchObject({ status: 400, statusCode: '400' });
		expect(v2.error!.message).toContain('not supported');
	});

	it('serves byte ranges and answers 304 to a matching If-None-Match', async () => {
		await stack.admin().storage.from('pics').upload('digits.txt', text('0123456789'));
		const url = `${stack.url}/storage/v1/object/public/pics/digits.txt`;
		const part = await fetch(url, { headers: { range: 'bytes=2-5' } });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 2-5/10');
		expect(await part.text()).toBe('2345');
		const tail = await fetch(url, { headers: { range: 'bytes=-3' } });
		expect(await tail.text()).toBe('789');
		const beyond = await fetch(url, { headers: { range: 'bytes=20-' } });
		expect(beyond.status).toBe(416);
		expect(beyond.headers.get('content-range')).toBe('bytes */10');

		const full = await fetch(url);
		expect(full.headers.get('accept-ranges')).toBe('bytes');
		const etag = full.headers.get('etag')!;
		const cached = await fetch(url, { headers: { 'if-none-match': etag } });
		expect(cached.status).toBe(304);
		const changed = await fetch(url, { headers: { 'if-none-match': '"other"' } });
		expect(changed.status).toBe(200);
	});

	it('answers HEAD with the headers only', async () => {
		const res = await storageFetch(stack, stack.serviceRoleKey, '/object/pics/digits.txt', {
			method: 'HEAD'
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-length')).toBe('10');
		expect(res.headers.get('content-type')).toBe('text/plain');
		expect(await res.text()).toBe('');
		const missing = await storageFetch(stack, stack.serviceRoleKey, '/object/pics/none.txt', {
			method: 'HEAD'
		});
		expect(missing.status).toBe(400);
	});
});
