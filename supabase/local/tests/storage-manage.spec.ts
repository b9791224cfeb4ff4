import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from './stack';
import { startStorageWorld, objectRow, storageFetch, type TestUser } from './storage-fixtures';

let stack: TestStack;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
	({ stack, alice, bob } = await startStorageWorld());
	await stack
		.admin()
		.storage.from('pics')
		.upload('cat.txt', new Blob(['meow'], { type: 'text/plain' }));
});
afterAll(async () => stack?.close());

const text = (s: string) => new Blob([s], { type: 'text/plain' });

describe('listing and managing objects under RLS', () => {
	it('lists one folder level with folders first, honouring limit, offset, sort and search', async () => {
		const admin = stack.admin().storage.from('pics');
		for (const p of [
			'list/b.txt',
			'list/a.txt',
			'list/sub/c.txt',
			'list/other/d.txt',
			'list/zz.txt'
		]) {
			await admin.upload(p, text(p));
		}
		const all = await admin.list('list');
		expect(all.error).toBeNull();
		expect(all.data!.map((f) => f.name)).toEqual(['other', 'sub', 'a.txt', 'b.txt', 'zz.txt']);
		expect(all.data![0]).toMatchObject({ id: null, metadata: null });
		expect(all.data![2]).toMatchObject({ metadata: { size: 10, mimetype: 'text/plain' } });
		expect(all.data![2].id).toMatch(/^[0-9a-f-]{36}$/);

		const page = await admin.list('list', { limit: 2, offset: 1 });
		expect(page.data!.map((f) => f.name)).toEqual(['sub', 'a.txt']);
		const desc = await admin.list('list', { sortBy: { column: 'name', order: 'desc' } });
		expect(desc.data!.map((f) => f.name)).toEqual(['sub', 'other', 'zz.txt', 'b.txt', 'a.txt']);
		const search = await admin.list('list', { search: 'z' });
		expect(search.data!.map((f) => f.name)).toEqual(['zz.txt']);
		const root = await admin.list();
		expect(root.data!.map((f) => f.name)).toEqual(expect.arrayContaining(['list', 'cat.txt']));
		const wildcard = await admin.list('list', { search: '%' });
		expect(wildcard.data).toEqual([]);
	});

	it('lists only what RLS lets the caller see', async () => {
		await bob.client.storage.from('private').upload(`${bob.id}/mine.txt`, text('bob'));
		const own = await bob.client.storage.from('private').list(bob.id);
		expect(own.data!.map((f) => f.name)).toEqual(['mine.txt']);
		const other = await bob.client.storage.from('private').list(alice.id);
		expect(other.data).toEqual([]);
		const root = await bob.client.storage.from('private').list();
		expect(root.data!.map((f) => f.name)).toEqual([bob.id]);
	});

	it('removes objects the caller may delete and reports exactly those', async () => {
		const files = alice.client.storage.from('private');
		await files.upload(`${alice.id}/rm1.txt`, text('1'));
		await files.upload(`${alice.id}/rm2.txt`, text('2'));
		const r = await files.remove([
			`${alice.id}/rm1.txt`,
			`${alice.id}/rm2.txt`,
			`${bob.id}/mine.txt`
		]);
		expect(r.error).toBeNull();
		expect(r.data!.map((o) => o.name).sort()).toEqual([
			`${alice.id}/rm1.txt`,
			`${alice.id}/rm2.txt`
		]);
		expect(await objectRow(stack, 'private', `${alice.id}/rm1.txt`)).toBeUndefined();
		expect(await objectRow(stack, 'private', `${bob.id}/mine.txt`)).toBeDefined();
		const down = await files.download(`${alice.id}/rm1.txt`);
		expect(down.error).toMatchObject({ status: 400 });
	});

	it("moves within the own folder and refuses to move into another user's", async () => {
		const files = alice.client.storage.from('private');
		await files.upload(`${alice.id}/from.txt`, text('moving'));
		const mv = await files.move(`${alice.id}/from.txt`, `${alice.id}/dir/to.txt`);
		expect(mv.error).toBeNull();
		expect(mv.data).toMatchObject({ message: 'Successfully moved', Key: `${alice.id}/dir/to.txt` });
		expect(await (await files.download(`${alice.id}/dir/to.txt`)).data!.text()).toBe('moving');
		expect(await objectRow(stack, 'private', `${alice.id}/from.txt`)).toBeUndefined();

		const steal = await files.move(`${alice.id}/dir/to.txt`, `${bob.id}/stolen.txt`);
		expect(steal.error).toMatchObject({ statusCode: '403' });
		expect(await (await files.download(`${alice.id}/dir/to.txt`)).data!.text()).toBe('moving');
		const foreign = await bob.client.storage
			.from('private')
			.move(`${alice.id}/dir/to.txt`, `${bob.id}/x.txt`);
		expect(foreign.error).toMatchObject({ statusCode: '404', message: 'Object not found' });
		await files.upload(`${alice.id}/taken.txt`, text('taken'));
		const clash = await files.move(`${alice.id}/dir/to.txt`, `${alice.id}/taken.txt`);
		expect(clash.error).toMatchObject({ statusCode: '409' });
	});

	it('copies to a new key, keeping the source', async () => {
		const files = alice.client.storage.from('private');
		await files.upload(`${alice.id}/orig.txt`, text('copy me'));
		const cp = await files.copy(`${alice.id}/orig.txt`, `${alice.id}/copy.txt`);
		expect(cp).toEqual({ data: { path: `private/${alice.id}/copy.txt` }, error: null });
		expect(await (await files.download(`${alice.id}/copy.txt`)).data!.text()).toBe('copy me');
		expect(await (await files.download(`${alice.id}/orig.txt`)).data!.text()).toBe('copy me');
		const again = await files.copy(`${alice.id}/orig.txt`, `${alice.id}/copy.txt`);
		expect(again.error).toMatchObject({ statusCode: '409' });
		const out = await files.copy(`${alice.id}/orig.txt`, `${bob.id}/copy.txt`);
		expect(out.error).toMatchObject({ statusCode: '403' });
		const toPublic = await files.copy(`${alice.id}/orig.txt`, 'copied.txt', {
			destinationBucket: 'pics'
		});
		expect(toPublic.error).toMatchObject({ statusCode: '403' });
	});

	it('deletes a single object by path', async () => {
		await stack.admin().storage.from('pics').upload('single.txt', text('s'));
		const res = await storageFetch(stack, stack.serviceRoleKey, '/object/pics/single.txt', {
			method: 'DELETE'
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ message: 'Successfully deleted' });
		const again = await storageFetch(stack, stack.serviceRoleKey, '/object/pics/single.txt', {
			method: 'DELETE'
		});
		expect(again.status).toBe(400);
		expect(await again.json()).toMatchObject({ statusCode: '404' });
	});
});
