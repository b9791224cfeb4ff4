import { describe, expect, it } from 'vitest';
import { call, item, section, yesNo } from '$lib/domain/scoring/test-fixtures';
import { describeCondition, describeRule } from './describe';

const content = call([
	section('s', [
		yesNo('asked', { label: { en: 'Asked for ID?' } }),
		item('rings', 'number', { unit: 'rings' })
	])
]);

describe('conditions and rules read as sentences', () => {
	it('names the item and its answers as the shopper sees them', () => {
		expect(describeCondition(content, { kind: 'answer', item: 'asked', in: ['yes', 'na'] })).toBe(
			'“Asked for ID?” is Yes / N/A'
		);
	});
	it('keeps typed values of items without a list of answers', () => {
		expect(describeCondition(content, { kind: 'answer', item: 'rings', in: [3, 4] })).toBe(
			'“rings” is 3 / 4'
		);
	});
	it('names markers by their button label, tapped or not', () => {
		expect(describeCondition(content, { kind: 'marker', marker: 'verify', present: false })).toBe(
			'“Verification asked” was not tapped'
		);
	});
	it('reads marker rules with their limits', () => {
		expect(describeRule(content, { kind: 'timer_max', timer: 'hold', maxSeconds: 60 })).toBe(
			'Timer at most: Hold time ≤ 60 s'
		);
	});
});
