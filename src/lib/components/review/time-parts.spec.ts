import { describe, expect, it } from 'vitest';
import { timeParts } from './time-parts';

describe('timeParts', () => {
	it('turns every m:ss and h:mm:ss in reviewer text into a time in ms', () => {
		expect(timeParts('greeting missing at 0:05, hold from 1:02:03')).toEqual([
			{ text: 'greeting missing at ' },
			{ text: '0:05', ms: 5000 },
			{ text: ', hold from ' },
			{ text: '1:02:03', ms: 3_723_000 }
		]);
	});

	it('leaves text without times, and impossible seconds, as plain text', () => {
		expect(timeParts('no time here')).toEqual([{ text: 'no time here' }]);
		expect(timeParts('ratio 3:75')).toEqual([{ text: 'ratio 3:75' }]);
	});
});
