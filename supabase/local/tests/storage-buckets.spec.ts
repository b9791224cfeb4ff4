import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { storageFetch, userClient, type TestUser } from './storage-fixtures';

let stack: TestStack;
let user: TestUser;

beforeAll(async () => {
	stack = await startTestStack();
	user = await userClient(stack);
});
afterAll(async () => stack?.close());

describe('storage buckets', () => {
	it('lets the service role create, read, list, update and delete a bucket', async () => {
		const admin = stack.admin();
		const created = await admin.storage.createBucket('docs', {
			public: false,
			fileSizeLimit: '1MB',
			allowedMimeTypes: ['image/*', 'application/pdf']
		});
		expect(created).toEqual({ data: { name: 'docs' }, error: null });

		const got = await admin.storage.getBucket('docs');
		expect(got.error).toBeNull();
		expect(got.data).toMatchObject({
			id: 'docs',
			name: 'docs',
			public: false,
			file_size_limit: 1_000_000,
			allowed_mime_types: ['image/*', 'application/pdf']
		});
		expect(got.data!.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

		const updated = await admin.storage.updateBucket('docs', { public: true, fileSizeLimit: 2048 });
		expect(updated).toEqual({ data: { message: 'Successfully updated' }, error: null });
		const after = await admin.storage.getBucket('docs');
		expect(after.data).toMatchObject({ public: true, file_size_limit: 2048 });
		expect(after.data!.allowed_mime_types).toEqual(['image/*', 'application/pdf']);

		const listed = await admin.storage.listBuckets();
		expect(listed.data!.map((b) => b.id)).toContain('docs');

		expect(await admin.storage.deleteBucket('docs')).toEqual({
			data: { message: 'Successfully deleted' },
			error: null
		});
		const gone = await admin.storage.getBucket('docs');
		expect(gone.error).toMatchObject({
			status: 400,
			statusCode: '404',
			message: 'Bucket not found'
		});
	});

	it('denies bucket creation to anon and signed-in users through RLS, as Supabase does', async () => {
		for (const client of [stack.anon(), user.client]) {
			const r = await client.storage.createBucket('sneaky', { public: true });
			expect(r.data).toBeNull();
			expect(r.error).toMatchObject({
				status: 400,
				statusCode: '403',
				message: 'new row violates row-level security policy'
			});
		}
		const rows = await stack.db.query(`select 1 from storage.buckets where id = 'sneaky'`);
		expect(rows.rows).toHaveLength(0);
	});

	it('hides buckets from callers without a select policy and refuses their updates and deletes', async () => {
		await stack.admin().storage.createBucket('locked', { public: false });
		expect((await user.client.storage.listBuckets()).data).toEqual([]);
		const get = await user.client.storage.getBucket('locked');
		expect(get.error).toMatchObject({ statusCode: '404' });
		const upd = await user.client.storage.updateBucket('locked', { public: true });
		expect(upd.error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
		const del = await stack.anon().storage.deleteBucket('locked');
		expect(del.error).toMatchObject({ statusCode: '404' });
		expect((await stack.admin().storage.getBucket('locked')).data).toMatchObject({ public: false });
	});

	it('shows buckets to a caller once a select policy allows it', async () => {
		await stack.admin().storage.createBucket('listed', { public: true });
		await stack.db.exec(
			`create policy "public buckets are listed" on storage.buckets for select using (public)`
		);
		const list = await user.client.storage.listBuckets();
		expect(list.data!.map((b) => b.id)).toEqual(['listed']);
		await stack.db.exec(`drop policy "public buckets are listed" on storage.buckets`);
	});

	it('answers 409 Duplicate for an existing bucket id', async () => {
		await stack.admin().storage.createBucket('twice');
		const r = await stack.admin().storage.createBucket('twice');
		expect(r.error).toMatchObject({
			status: 400,
			statusCode: '409',
			message: 'The resource already exists'
		});
		const res = await storageFetch(stack, stack.serviceRoleKey, '/bucket', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'twice' })
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			statusCode: '409',
			error: 'Duplicate',
			message: 'The resource already exists'
		});
	});

	it('rejects invalid bucket names, sizes and MIME rules', async () => {
		const admin = stack.admin();
		for (const name of ['a/b', '..', 'bad\\name', 'x'.repeat(101)]) {
			const r = await admin.storage.createBucket(name);
			expect(r.error, name).toMatchObject({ statusCode: '400', message: 'Bucket name invalid' });
		}
		const size = await admin.storage.createBucket('sized', {
			public: false,
			fileSizeLimit: 'lots'
		});
		expect(size.error).toMatchObject({ statusCode: '400' });
		expect(size.error!.message).toContain('Invalid file size format');
		const huge = await admin.storage.createBucket('huge', { public: false, fileSizeLimit: '10GB' });
		expect(huge.error).toMatchObject({ statusCode: '413' });
		const mime = await admin.storage.createBucket('mimes', {
			public: false,
			allowedMimeTypes: ['not a mime']
		});
		expect(mime.error).toMatchObject({
			statusCode: '415',
			message: 'mime type not a mime is not supported'
		});
	});

	it('empties a bucket and refuses to delete one that still holds objects', async () => {
		const admin = stack.admin();
		await admin.storage.createBucket('full');
		await admin.storage.from('full').upload('a.txt', 'a');
		await admin.storage.from('full').upload('dir/b.txt', 'b');

		const del = await admin.storage.deleteBucket('full');
		expect(del.error).toMatchObject({
			statusCode: '409',
			message: 'The bucket you tried to delete is not empty'
		});

		expect(await admin.storage.emptyBucket('full')).toEqual({
			data: { message: 'Successfully emptied' },
			error: null
		});
		expect((await admin.storage.from('full').list()).data).toEqual([]);
		expect((await admin.storage.deleteBucket('full')).error).toBeNull();
	});

	it('refuses to empty for a caller who may see objects but not delete them', async () => {
		const admin = stack.admin();
		await admin.storage.createBucket('readonly');
		await admin.storage.from('readonly').upload('keep.txt', 'keep');
		await stack.db.exec(
			`create policy "readonly: read" on storage.objects for select to authenticated using (bucket_id = 'readonly');
			 create policy "readonly: bucket" on storage.buckets for select to authenticated using (id = 'readonly');`
		);
		const r = await user.client.storage.emptyBucket('readonly');
		expect(r.error).toMatchObject({ statusCode: '403' });
		expect(r.error!.message).toContain('Cannot delete: keep.txt');
		expect((await admin.storage.from('readonly').list()).data).toHaveLength(1);
	});

	it('requires an API key and a valid JWT', async () => {
		const none = await storageFetch(stack, null, '/bucket');
		expect(none.status).toBe(401);
		const forged = await storageFetch(stack, 'x.y.z', '/bucket');
		expect(forged.status).toBe(400);
		expect(await forged.json()).toMatchObject({ statusCode: '403', message: 'invalid signature' });
		const expired = await stack.sign({ role: 'service_role' }, -10);
		const res = await fetch(`${stack.url}/storage/v1/bucket`, {
			headers: { apikey: stack.anonKey, authorization: `Bearer ${expired}` }
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			statusCode: '403',
			error: 'Unauthorized',
			message: 'jwt expired'
		});
	});
});
