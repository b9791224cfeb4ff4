import { describe, expect, it } from 'vitest';
import {
	hkIdCheckChar,
	isBirthDate,
	isHkId,
	isRegionPrefix,
	isResidentId,
	isTwId,
	luhn,
	residentIdCheckChar
} from './checks';
import { residentId, wrongCheck } from './test-data';

describe('resident ID numbers (GB 11643-1999)', () => {
	it('computes the ISO 7064 MOD 11-2 check character of the standard example, X included', () => {
		expect(residentIdCheckChar('11010519491231002')).toBe('X');
		expect(residentIdCheckChar('44052418800101001')).toBe('4');
	});

	it('accepts valid 18-digit IDs with an upper- or lower-case X', () => {
		expect(isResidentId('11010519491231002X')).toBe(true);
		expect(isResidentId('11010519491231002x')).toBe(true);
		expect(isResidentId(residentId('310104', '20000229', '123'))).toBe(true);
	});

	it('rejects an ID whose check digit is wrong', () => {
		expect(isResidentId('110105194912310021')).toBe(false);
		expect(isResidentId(wrongCheck(residentId('440305', '19880512', '456')))).toBe(false);
	});

	it('rejects an impossible birth date even when the check digit is right', () => {
		for (const birth of ['19490230', '19491301', '19490000', '19000229', '18991231', '21000101']) {
			expect(isResidentId(residentId('110105', birth, '002'))).toBe(false);
		}
		expect(isResidentId(residentId('110105', '20000229', '002'))).toBe(true);
	});

	it('rejects region prefixes that are no province', () => {
		expect(isResidentId(residentId('000000', '19900101', '001'))).toBe(false);
		expect(isResidentId(residentId('991234', '19900101', '001'))).toBe(false);
		expect(isResidentId(residentId('201234', '19900101', '001'))).toBe(false);
	});

	it('accepts residence permits and the 2023 permanent-residence card prefixes', () => {
		expect(isRegionPrefix('810000')).toBe(true);
		expect(isRegionPrefix('830000')).toBe(true);
		expect(isRegionPrefix('911000')).toBe(true);
		expect(isRegionPrefix('981000')).toBe(false);
	});

	it('accepts the 15-digit legacy form with a 19YY birth date and rejects a bad date', () => {
		expect(isResidentId('110105491231002')).toBe(true);
		expect(isResidentId('110105490230002')).toBe(false);
		expect(isResidentId('000105491231002')).toBe(false);
	});

	it('rejects other lengths and stray characters', () => {
		expect(isResidentId('11010519491231002')).toBe(false);
		expect(isResidentId('1101051949123100X2')).toBe(false);
		expect(isResidentId('11010519491231002Y')).toBe(false);
	});

	it('knows leap years', () => {
		expect(isBirthDate('19960229')).toBe(true);
		expect(isBirthDate('19970229')).toBe(false);
		expect(isBirthDate('19000229')).toBe(false);
		expect(isBirthDate('20000229')).toBe(true);
		expect(isBirthDate('19970431')).toBe(false);
	});
});

describe('Luhn', () => {
	it('accepts published test card numbers', () => {
		for (const n of [
			'4111111111111111',
			'5555555555554444',
			'378282246310005',
			'6200000000000005'
		]) {
			expect(luhn(n)).toBe(true);
		}
	});

	it('rejects a number with one digit changed or two neighbours swapped', () => {
		expect(luhn('4111111111111112')).toBe(false);
		expect(luhn('5555555555555444')).toBe(false);
		expect(luhn('4111111111111121')).toBe(false);
	});

	it('rejects anything that is not all digits', () => {
		expect(luhn('')).toBe(false);
		expect(luhn('4111 1111 1111 1111')).toBe(false);
	});
});

describe('Hong Kong and Taiwan IDs', () => {
	it('computes the HKID check character, A standing for 10', () => {
		expect(hkIdCheckChar('A123456')).toBe('3');
		expect(isHkId('A123456(3)')).toBe(true);
		expect(isHkId('A1234563')).toBe(true);
		expect(isHkId('A123456(4)')).toBe(false);
	});

	it('finds a body whose HKID check character is A and accepts two-letter prefixes', () => {
		const body = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']
			.flatMap((l) => ['123450', '123451', '123452', '123453', '123454'].map((d) => l + d))
			.find((b) => hkIdCheckChar(b) === 'A');
		expect(body).toBeDefined();
		expect(isHkId(`${body}(A)`)).toBe(true);
		expect(isHkId(`XY987654(${hkIdCheckChar('XY987654')})`)).toBe(true);
		expect(isHkId('XYZ987654(1)')).toBe(false);
	});

	it('checks Taiwan IDs with the out-of-order letter codes', () => {
		expect(isTwId('A123456789')).toBe(true);
		// I is 34 (not 18): 3×1 + 4×9 + 1×8 = 47, so the check digit is 3
		expect(isTwId('I100000003')).toBe(true);
		expect(isTwId('I100000009')).toBe(false); // valid only if I were 18
		expect(isTwId('A123456788')).toBe(false);
		expect(isTwId('A323456789')).toBe(false);
	});
});
