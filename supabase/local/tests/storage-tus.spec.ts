/**
 * Resumable (TUS) uploads at `/storage/v1/upload/resumable`, as Supabase serves them: the protocol
 * through raw fetch, and tus-js-client (the client Supabase documents) end to end, including a
 * connection dropped mid-upload and resumed from the server's offset.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tus from 'tus-js-client';
import type { TestStack } from './stack';
import {
	filesOnDisk,
	objectRow,
	startStorageWorld,
	storageFetch,
	type StorageWorld
} from './storage-fixtures';

let w: StorageWorld;
let stack: TestStack;

beforeAll(async () => {
	w = await startStorageWorld();
	stack = w.stack;
	await stack.admin().storage.createBucket('audio', {
		public: false,
		fileSizeLimit: 1000,
		allowedMimeTypes: ['audio/*']
	});
	await stack.db.exec(`
		create policy "audio: own folder insert" on storage.objects for insert to authenticated
		  with check (bucket_id = 'audio' and (storage.foldername(name))[1] = auth.uid()::text);
		create policy "audio: own folder read" on storage.objects for select to authenticated
		  using (bucket_id = 'audio' and (storage.foldername(name))[1] = auth.uid()::text);`);
});
afterAll(async () => stack?.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');
const meta = (m: Record<string, string>) =>
	Object.entries(m)
		.map(([k, v]) => `${k} ${b64(v)}`)
		.join(',');

/** POSTs a new upload as `token`; returns the response. */
function create(
	token: string,
	length: number,
	m: Record<string, string>,
	extra = {},
	body?: Uint8Array<ArrayBuffer>
) {
	return storageFetch(stack, token, '/upload/resumable', {
		method: 'POST',
		body,
		headers: {
			'tus-resumable': '1.0.0',
			'upload-length': String(length),
			'upload-metadata': meta(m),
			...extra
		}
	});
}

const patch = (token: string, location: string, offset: number, body: Uint8Array<ArrayBuffer>) =>
	fetch(new URL(location, stack.url), {
		method: 'PATCH',
		headers: {
			authorization: `Bearer ${token}`,
			apikey: stack.anonKey,
			'tus-resumable': '1.0.0',
			'upload-offset': String(offset),
			'content-type': 'application/offset+octet-stream'
		},
		body
	});

const head = (token: string, location: string) =>
	fetch(new URL(location, stack.url), {
		method: 'HEAD',
		headers: { authorization: `Bearer ${token}`, apikey: stack.anonKey, 'tus-resumable': '1.0.0' }
	});

const bytes = (n: number, fill = 3) => new Uint8Array(n).fill(fill);
const tusFiles = () => filesOnDisk(stack).filter((f) => f.startsWith('storage-tus/'));

describe('the TUS protocol through fetch', () => {
	it('creates, reports the offset, takes chunks in order and commits the object at the last byte', async () => {
		const key = `${w.alice.id}/a.mp3`;
		const c = await create(w.alice.token, 10, {
			bucketName: 'private',
			objectName: key,
			contentType: 'audio/mpeg'
		});
		expect(c.status).toBe(201);
		expect(c.headers.get('tus-resumable')).toBe('1.0.0');
		const loc = c.headers.get('location')!;
		expect(loc).toMatch(/^\/storage\/v1\/upload\/resumable\/[0-9a-f-]{36}$/);

		let h = await head(w.alice.token, loc);
		expect(h.status).toBe(200);
		expect(h.headers.get('upload-offset')).toBe('0');
		expect(h.headers.get('upload-length')).toBe('10');

		const p1 = await patch(w.alice.token, loc, 0, bytes(4));
		expect(p1.status).toBe(204);
		expect(p1.headers.get('upload-offset')).toBe('4');
		expect(await objectRow(stack, 'private', key)).toBeUndefined();

		h = await head(w.alice.token, loc);
		expect(h.headers.get('upload-offset')).toBe('4');

		const wrong = await patch(w.alice.token, loc, 2, bytes(2));
		expect(wrong.status).toBe(409);

		const p2 = await patch(w.alice.token, loc, 4, bytes(6));
		expect(p2.status).toBe(204);
		expect(p2.headers.get('upload-offset')).toBe('10');
		const row = await objectRow(stack, 'private', key);
		expect(row.metadata).toMatchObject({ size: 10, mimetype: 'audio/mpeg' });
		const { data } = await w.alice.client.storage.from('private').download(key);
		expect(data?.size).toBe(10);
		expect((await head(w.alice.token, loc)).status).toBe(404);
		expect(tusFiles()).toEqual([]);
	});

	it('takes the first bytes with the POST (creation-with-upload)', async () => {
		const key = `${w.alice.id}/small.mp3`;
		const c = await create(
			w.alice.token,
			3,
			{ bucketName: 'private', objectName: key, contentType: 'audio/mpeg' },
			{ 'content-type': 'application/offset+octet-stream' },
			bytes(3)
		);
		expect(c.status).toBe(201);
		expect(c.headers.get('upload-offset')).toBe('3');
		expect(await objectRow(stack, 'private', key)).toBeDefined();
	});

	it('refuses at creation what the bucket or RLS would refuse, storing nothing', async () => {
		const own = `${w.alice.id}/x.mp3`;
		const cases: [number, Record<string, string>, number][] = [
			[2000, { bucketName: 'audio', objectName: own, contentType: 'audio/mpeg' }, 413],
			[10, { bucketName: 'audio', objectName: own, contentType: 'text/plain' }, 415],
			[10, { bucketName: 'nope', objectName: own, contentType: 'audio/mpeg' }, 404],
			[
				10,
				{ bucketName: 'audio', objectName: `${w.bob.id}/x.mp3`, contentType: 'audio/mpeg' },
				403
			],
			[10, { bucketName: 'audio', objectName: '../x', contentType: 'audio/mpeg' }, 400]
		];
		for (const [length, m, code] of cases) {
			const r = await create(w.alice.token, length, m);
			expect(r.status, JSON.stringify(m)).toBe(code);
			expect(r.headers.get('tus-resumable')).toBe('1.0.0');
		}
		expect(tusFiles()).toEqual([]);
	});

	it('answers 401 without a key, 412 without Tus-Resumable and 415 for a PATCH of another type', async () => {
		const anon = await fetch(`${stack.url}/storage/v1/upload/resumable`, { method: 'POST' });
		expect(anon.status).toBe(401);
		const noTus = await storageFetch(stack, w.alice.token, '/upload/resumable', {
			method: 'POST',
			headers: { 'upload-length': '1' }
		});
		expect(noTus.status).toBe(412);
		const c = await create(w.alice.token, 5, {
			bucketName: 'private',
			objectName: `${w.alice.id}/t.bin`
		});
		const r = await fetch(new URL(c.headers.get('location')!, stack.url), {
			method: 'PATCH',
			headers: {
				authorization: `Bearer ${w.alice.token}`,
				apikey: stack.anonKey,
				'tus-resumable': '1.0.0',
				'upload-offset': '0',
				'content-type': 'text/plain'
			},
			body: 'hello'
		});
		expect(r.status).toBe(415);
	});

	it('hides an upload from everyone but its creator', async () => {
		const c = await create(w.alice.token, 5, {
			bucketName: 'private',
			objectName: `${w.alice.id}/mine.bin`
		});
		const loc = c.headers.get('location')!;
		expect((await head(w.bob.token, loc)).status).toBe(404);
		expect((await patch(w.bob.token, loc, 0, bytes(5))).status).toBe(404);
		expect((await head(w.alice.token, loc)).headers.get('upload-offset')).toBe('0');
	});

	it('refuses an existing object without x-upsert and replaces it with x-upsert', async () => {
		const key = `${w.alice.id}/a.mp3`; // committed by the first test
		const m = { bucketName: 'private', objectName: key, contentType: 'audio/mpeg' };
		expect((await create(w.alice.token, 2, m)).status).toBe(409);
		const up = await create(w.alice.token, 2, m, { 'x-upsert': 'true' });
		expect(up.status).toBe(201);
		expect((await patch(w.alice.token, up.headers.get('location')!, 0, bytes(2))).status).toBe(204);
		expect((await objectRow(stack, 'private', key)).metadata).toMatchObject({ size: 2 });
	});

	it('keeps the bytes of a PATCH cut off mid-way and resumes after them', async () => {
		const key = `${w.alice.id}/cut.mp3`;
		const c = await create(w.alice.token, 100_000, {
			bucketName: 'private',
			objectName: key,
			contentType: 'audio/mpeg'
		});
		const loc = new URL(c.headers.get('location')!, stack.url);
		// Send 30 000 bytes of a declared 100 000, then drop the connection.
		await new Promise<void>((resolve) => {
			const req = http.request(loc, {
				method: 'PATCH',
				headers: {
					authorization: `Bearer ${w.alice.token}`,
					apikey: stack.anonKey,
					'tus-resumable': '1.0.0',
					'upload-offset': '0',
					'content-type': 'application/offset+octet-stream',
					'content-length': '100000'
				}
			});
			req.on('error', () => resolve());
			req.write(Buffer.alloc(30_000, 1), () => setTimeout(() => (req.destroy(), resolve()), 100));
		});
		let offset = 0;
		for (let i = 0; i < 40 && offset !== 30_000; i++) {
			await new Promise((r) => setTimeout(r, 25));
			offset = Number((await head(w.alice.token, loc.pathname)).headers.get('upload-offset'));
		}
		expect(offset).toBe(30_000);
		expect(await objectRow(stack, 'private', key)).toBeUndefined();
		const rest = await patch(w.alice.token, loc.pathname, 30_000, bytes(70_000));
		expect(rest.headers.get('upload-offset')).toBe('100000');
		expect((await objectRow(stack, 'private', key)).metadata).toMatchObject({ size: 100_000 });
	});
});

describe('tus-js-client against the stack', () => {
	const upload = (
		file: Buffer,
		key: string,
		opts: Partial<tus.UploadOptions> = {}
	): Promise<tus.Upload> =>
		new Promise((resolve, reject) => {
			const u = new tus.Upload(file, {
				endpoint: `${stack.url}/storage/v1/upload/resumable`,
				headers: { authorization: `Bearer ${w.alice.token}`, apikey: stack.anonKey },
				metadata: { bucketName: 'private', objectName: key, contentType: 'audio/mp4' },
				chunkSize: 64 * 1024,
				retryDelays: [0],
				...opts,
				onSuccess: () => resolve(u),
				onError: reject
			});
			u.start();
		});

	it('uploads a file in chunks, with progress, as one object', async () => {
		const key = `${w.alice.id}/tus.m4a`;
		const seen: number[] = [];
		const file = Buffer.alloc(300_000, 9);
		await upload(file, key, { onProgress: (sent) => seen.push(sent) });
		expect(seen.at(-1)).toBe(300_000);
		const { data } = await w.alice.client.storage.from('private').download(key);
		expect(Buffer.from(await data!.arrayBuffer()).equals(file)).toBe(true);
	});

	it('continues an aborted upload from its URL where the server stopped', async () => {
		const key = `${w.alice.id}/resume.m4a`;
		const file = Buffer.alloc(256 * 1024, 5);
		let url = '';
		const first = new tus.Upload(file, {
			endpoint: `${stack.url}/storage/v1/upload/resumable`,
			headers: { authorization: `Bearer ${w.alice.token}`, apikey: stack.anonKey },
			metadata: { bucketName: 'private', objectName: key, contentType: 'audio/mp4' },
			chunkSize: 64 * 1024,
			onChunkComplete: (_c, sent) => {
				url = first.url!;
				if (sent >= 128 * 1024) void first.abort();
			}
		});
		first.start();
		for (let i = 0; i < 200 && !url; i++) await new Promise((r) => setTimeout(r, 10));
		await new Promise((r) => setTimeout(r, 200));
		expect(await objectRow(stack, 'private', key)).toBeUndefined();

		const sentAgain: number[] = [];
		await upload(file, key, {
			uploadUrl: url,
			onProgress: (sent) => sentAgain.push(sent)
		});
		expect(sentAgain[0]).toBeGreaterThanOrEqual(128 * 1024);
		expect((await objectRow(stack, 'private', key)).metadata).toMatchObject({ size: 256 * 1024 });
	});
});
