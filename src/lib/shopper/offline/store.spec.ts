import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newDraft, reduceDraft } from './draft';
import { clearAll, deleteBlob, getBlob, getDraft, putBlob, updateDraft } from './store';
import { CALL_ID, KEY } from './test-fixtures';

describe('the IndexedDB store', () => {
	it('creates a draft once and applies each change in its own transaction', async () => {
		const make = () => newDraft(CALL_ID, KEY, 0);
		await updateDraft(CALL_ID, (d) => d, make);
		expect((await getDraft(CALL_ID))?.idempotencyKey).toBe(KEY);
		// A second "make" must not replace the stored draft (its key stays the first one).
		await updateDraft(
			CALL_ID,
			(d) => d,
			() => newDraft(CALL_ID, crypto.randomUUID(), 0)
		);
		await Promise.all(
			['a', 'b', 'c'].map((id) =>
				updateDraft(CALL_ID, (d) => reduceDraft(d, { type: 'answer', item: id, value: 'yes' }, 1))
			)
		);
		const held = await getDraft(CALL_ID);
		expect(held?.idempotencyKey).toBe(KEY);
		expect(held?.answers).toEqual({ a: 'yes', b: 'yes', c: 'yes' });
		expect(held?.clientVersion).toBe(3);
	});

	it('keeps evidence bytes until they are deleted, and sign-out clears everything', async () => {
		await putBlob('e1', CALL_ID, new Blob(['abc'], { type: 'image/png' }));
		expect((await getBlob('e1'))?.callId).toBe(CALL_ID);
		await deleteBlob('e1');
		expect(await getBlob('e1')).toBeUndefined();
		await putBlob('e2', CALL_ID, new Blob(['x']));
		await clearAll();
		expect(await getDraft(CALL_ID)).toBeUndefined();
		expect(await getBlob('e2')).toBeUndefined();
	});

	it('does nothing for a call without a draft when no maker is given', async () => {
		expect(await updateDraft('nope', (d) => d)).toBeUndefined();
	});
});
