import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { filesOnDisk, objectRow, storageFetch } from './storage-fixtures';

let stack: TestStack;

beforeAll(async () => {
	stack = await startTestStack();
	const admin = stack.admin();
	await admin.storage.createBucket('small', { public: false, fileSizeLimit: 10 });
	await admin.storage.createBucket('images', {
		public: true,
		allowedMimeTypes: ['image/*', 'application/pdf']
	});
	await admin.storage.createBucket('big', { public: true });
});
afterAll(async () => stack?.close());

const bucketFiles = (bucket: string) =>
	filesOnDisk(stack).filter(
		(f) => f.startsWith(`storage/${bucket}/`) || f.startsWith('storage-tmp/')
	);

/** Polls until `check` holds (the server finishes cleaning up after answering or after an abort). */
async function eventually(check: () => Promise<boolean> | boolean, ms = 3000) {
	const until = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > until) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 25));
	}
}

describe('upload limits', () => {
	it('accepts an object at the bucket size limit and refuses one byte more, leaving nothing behind', async () => {
		const files = stack.admin().storage.from('small');
		expect((await files.upload('ten.txt', new Blob(['0123456789']))).error).toBeNull();

		const multipart = await files.upload('eleven.txt', new Blob(['0123456789A']));
		expect(multipart.error).toMatchObject({
			status: 400,
			statusCode: '413',
			message: 'The object exceeded the maximum allowed size'
		});
		const raw = await files.upload('eleven-raw.txt', Buffer.from('0123456789A'));
		expect(raw.error).toMatchObject({ statusCode: '413' });

		for (const name of ['eleven.txt', 'eleven-raw.txt'])
			expect(await objectRow(stack, 'small', name)).toBeUndefined();
		await eventually(() => bucketFiles('small').length === 1);
		expect(bucketFiles('small')[0]).toMatch(/^storage\/small\/ten\.txt\/~[0-9a-f-]{36}$/);
	});

	it('stops a streamed body without a length at the limit', async () => {
		const body = new ReadableStream({
			start(c) {
				for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode('abcd'));
				c.close();
			}
		});
		const res = await storageFetch(stack, stack.serviceRoleKey, '/object/small/stream.txt', {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			statusCode: '413',
			error: 'Payload too large',
			message: 'The object exceeded the maximum allowed size'
		});
		expect(await objectRow(stack, 'small', 'stream.txt')).toBeUndefined();
		await eventually(
			() => !bucketFiles('small').some((f) => f.includes('stream') || f.startsWith('storage-tmp/'))
		);
	});

	it('enforces allowed MIME types with wildcards', async () => {
		const files = stack.admin().storage.from('images');
		const png = await files.upload('a.png', new Blob(['png'], { type: 'image/png' }));
		expect(png.error).toBeNull();
		const pdf = await files.upload('a.pdf', Buffer.from('%PDF'), {
			contentType: 'application/pdf'
		});
		expect(pdf.error).toBeNull();
		const txt = await files.upload('a.txt', new Blob(['text'], { type: 'text/plain' }));
		expect(txt.error).toMatchObject({
			status: 400,
			statusCode: '415',
			message: 'mime type text/plain is not supported'
		});
		const raw = await storageFetch(stack, stack.serviceRoleKey, '/object/images/b.html', {
			method: 'POST',
			headers: { 'content-type': 'text/html' },
			body: '<p>hi</p>'
		});
		expect(await raw.json()).toEqual({
			statusCode: '415',
			error: 'invalid_mime_type',
			message: 'mime type text/html is not supported'
		});
		expect(await objectRow(stack, 'images', 'a.txt')).toBeUndefined();
		expect(await objectRow(stack, 'images', 'b.html')).toBeUndefined();
		await eventually(
			() => bucketFiles('images').filter((f) => !f.includes('Placeholder')).length === 2
		);
	});

	it('accepts an empty folder placeholder whatever the MIME rule, but only when empty', async () => {
		const files = stack.admin().storage.from('images');
		const ok = await files.upload('folder/.emptyFolderPlaceholder', new Blob([]));
		expect(ok.error).toBeNull();
		const full = await files.upload('other/.emptyFolderPlaceholder', new Blob(['x']));
		expect(full.error).toMatchObject({ statusCode: '413' });
		const listed = await files.list();
		expect(listed.data!.map((f) => f.name)).toContain('folder');
	});

	it('leaves neither row nor file when RLS refuses an upload', async () => {
		const res = await stack
			.anon()
			.storage.from('big')
			.upload('denied.txt', new Blob(['nope']));
		expect(res.error).toMatchObject({ statusCode: '403' });
		expect(await objectRow(stack, 'big', 'denied.txt')).toBeUndefined();
		expect(bucketFiles('big').filter((f) => f.includes('denied'))).toEqual([]);
	});

	it('leaves neither row nor temp file when the client aborts mid-upload', async () => {
		const url = new URL(`${stack.url}/storage/v1/object/big/aborted.bin`);
		await new Promise<void>((resolve) => {
			const req = http.request(url, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${stack.serviceRoleKey}`,
					apikey: stack.anonKey,
					'content-type': 'application/octet-stream',
					'content-length': String(1024 * 1024)
				}
			});
			req.on('error', () => resolve());
			req.write(Buffer.alloc(64 * 1024, 1));
			setTimeout(() => {
				req.destroy();
				resolve();
			}, 150);
		});
		await eventually(() => !bucketFiles('big').some((f) => f.startsWith('storage-tmp/')));
		expect(await objectRow(stack, 'big', 'aborted.bin')).toBeUndefined();
		expect(bucketFiles('big').filter((f) => f.includes('aborted'))).toEqual([]);
	});
});

describe('paths', () => {
	it('refuses traversal, absolute paths, backslashes and NUL in object keys', async () => {
		const before = filesOnDisk(stack);
		for (const p of [
			'/object/big/..%2F..%2Fescape.txt',
			'/object/big/a/..%2F..%2F..%2Fescape.txt',
			'/object/big/%2Fetc%2Fpasswd',
			'/object/big//etc/passwd',
			'/object/big/a%5C..%5Cb.txt',
			'/object/big/a%00b.txt',
			'/object/%2E%2E/x.txt',
			'/object/big%2F..%2F..%2Fx/y.txt'
		]) {
			const res = await storageFetch(stack, stack.serviceRoleKey, p, {
				method: 'POST',
				headers: { 'content-type': 'text/plain' },
				body: 'x'
			});
			expect(res.status, p).toBeGreaterThanOrEqual(400);
			expect(res.status, p).toBeLessThan(500);
		}
		expect(filesOnDisk(stack)).toEqual(before);
		expect(existsSync(path.join(stack.config.dataDir, 'escape.txt'))).toBe(false);
		expect(existsSync(path.join(path.dirname(stack.config.dataDir), 'escape.txt'))).toBe(false);
		const rows = await stack.db.query(
			`select name from storage.objects where name like '%..%' or name like '/%'`
		);
		expect(rows.rows).toEqual([]);
	});

	it('answers storage InvalidKey for a bad key', async () => {
		const res = await storageFetch(stack, stack.serviceRoleKey, '/object/big/a%5Cb.txt', {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'x'
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			statusCode: '400',
			error: 'InvalidKey',
			message: 'Invalid key: a\\b.txt'
		});
		const js = await stack.admin().storage.from('big').upload('../up.txt', 'x');
		expect(js.error).toMatchObject({ status: 400 });
	});

	it('keeps an object and a folder of the same name apart, as S3 does', async () => {
		const files = stack.admin().storage.from('big');
		expect((await files.upload('node', 'file')).error).toBeNull();
		expect((await files.upload('node/child', 'child')).error).toBeNull();
		expect(await (await files.download('node')).data!.text()).toBe('file');
		expect(await (await files.download('node/child')).data!.text()).toBe('child');
	});
});

describe('bytes on disk', () => {
	it('round-trips a multi-megabyte object byte for byte, streamed both ways', async () => {
		const data = Buffer.alloc(3 * 1024 * 1024);
		for (let i = 0; i < data.length; i++) data[i] = (i * 7) % 251;
		const files = stack.admin().storage.from('big');
		expect(
			(await files.upload('big.bin', data, { contentType: 'application/octet-stream' })).error
		).toBeNull();
		const res = await fetch(files.getPublicUrl('big.bin').data.publicUrl);
		const got = Buffer.from(await res.arrayBuffer());
		expect(got.length).toBe(data.length);
		expect(createHash('md5').update(got).digest('hex')).toBe(
			createHash('md5').update(data).digest('hex')
		);
		expect(res.headers.get('etag')).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
	});

	it('handles concurrent uploads and keeps only the current version of a replaced object', async () => {
		const files = stack.admin().storage.from('big');
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) => files.upload(`many/${i}.txt`, `n${i}`))
		);
		expect(results.map((r) => r.error)).toEqual(Array(12).fill(null));
		const listed = await files.list('many', { limit: 100 });
		expect(listed.data).toHaveLength(12);

		await Promise.all(
			Array.from({ length: 5 }, (_, i) => files.upload('same.txt', `v${i}`, { upsert: true }))
		);
		const versions = bucketFiles('big').filter((f) => f.startsWith('storage/big/same.txt/'));
		expect(versions).toHaveLength(1);
		const row = await objectRow(stack, 'big', 'same.txt');
		expect(versions[0]).toBe(`storage/big/same.txt/~${row.version}`);
	});

	it('removes the files of removed objects and emptied buckets', async () => {
		const admin = stack.admin();
		await admin.storage.createBucket('temp');
		await admin.storage.from('temp').upload('d/one.txt', '1');
		await admin.storage.from('temp').upload('two.txt', '2');
		await admin.storage.from('temp').remove(['d/one.txt']);
		expect(bucketFiles('temp').filter((f) => f.startsWith('storage/temp/'))).toHaveLength(1);
		await admin.storage.emptyBucket('temp');
		await admin.storage.deleteBucket('temp');
		expect(existsSync(path.join(stack.config.dataDir, 'storage', 'temp'))).toBe(false);
	});
});
