import { describe, expect, it } from 'vitest';
import { findPii, type PiiKind } from '.';
import { card, hkId, residentId, wrongCheck } from './test-data';

/** [kind, original, masked] of every finding, the shape most assertions need. */
const found = (text: string) => findPii(text).map((f) => [f.kind, f.original, f.masked]);
const one = (text: string, kind: PiiKind, original: string, masked: string) =>
	expect(found(text)).toEqual([[kind, original, masked]]);

describe('pii: resident ID numbers', () => {
	it('masks a valid 18-digit ID to its first three and last four characters', () => {
		one('身份证 11010519491231002X', 'resident_id', '11010519491231002X', '110***********002X');
	});

	it('finds an ID written in the 6-8-4 groups of the printed card', () => {
		one('ID: 110105 19491231 002X.', 'resident_id', '110105 19491231 002X', '110*** ******** 002X');
	});

	it('finds the 15-digit legacy form', () => {
		one('旧证110105491231002', 'resident_id', '110105491231002', '110*********002');
	});

	it('leaves an 18-digit run alone when its check digit is wrong', () => {
		expect(findPii('身份证110105194912310021')).toEqual([]);
		expect(findPii(wrongCheck(residentId('440305', '19880512', '456')))).toEqual([]);
	});

	it('leaves an ID-shaped run alone when its birth date is impossible', () => {
		expect(findPii(residentId('110105', '19490230', '002'))).toEqual([]);
		expect(findPii(residentId('110105', '19491332', '002'))).toEqual([]);
	});

	it('does not find an ID inside a longer run of digits', () => {
		expect(findPii('1234511010519491231002X')).toEqual([]);
		expect(findPii('11010519491231002X5')).toEqual([]);
	});
});

describe('pii: mainland mobile numbers', () => {
	it('masks the middle four digits', () => {
		one('13812345678', 'mobile', '13812345678', '138****5678');
	});

	it('accepts every 1[3-9] prefix and no other', () => {
		for (const p of ['13', '14', '15', '16', '17', '18', '19']) {
			expect(found(`${p}912345678`).map(([k]) => k)).toEqual(['mobile']);
		}
		expect(findPii('12912345678')).toEqual([]);
		expect(findPii('10912345678')).toEqual([]);
	});

	it('finds +86, 0086 and 86 prefixes with spaces or dashes between groups, keeping the prefix', () => {
		const cases: [string, string][] = [
			['+86 138 1234 5678', '+86 138 **** 5678'],
			['+86-138-1234-5678', '+86-138-****-5678'],
			['+8613812345678', '+86138****5678'],
			['0086 13812345678', '0086 138****5678'],
			['8613812345678', '86138****5678'],
			['(+86) 138 1234 5678', '(+86) 138 **** 5678'],
			['138 1234 5678', '138 **** 5678'],
			['138-1234-5678', '138-****-5678'],
			['138 12345678', '138 ****5678']
		];
		for (const [written, masked] of cases) one(`电话${written}。`, 'mobile', written, masked);
	});

	it('rejects numbers of the wrong length and groupings no one writes', () => {
		expect(findPii('1381234567')).toEqual([]);
		expect(findPii('138123456789')).toEqual([]);
		expect(findPii('1381 2345 678')).toEqual([]);
		expect(findPii('13 8123 45678')).toEqual([]);
	});

	it('finds a mobile typed with full-width digits and keeps them in the mask', () => {
		one('我的手机１３８１２３４５６７８', 'mobile', '１３８１２３４５６７８', '１３８****５６７８');
	});

	it('finds the mobile in a group run led by an unrelated number', () => {
		one('第2 138 1234 5678', 'mobile', '138 1234 5678', '138 **** 5678');
	});
});

describe('pii: landlines', () => {
	it('keeps the area code and last four digits', () => {
		const cases: [string, string][] = [
			['010-65529988', '010-****9988'],
			['(010)65529988', '(010)****9988'],
			['021 6123 4567', '021 **** 4567'],
			['0755-8888-6666', '0755-****-6666'],
			['0571-8765432', '0571-***5432'],
			['+86 10 6552 9988', '+86 10 **** 9988'],
			['+86 010 6552 9988', '+86 010 **** 9988'],
			['01065529988', '010****9988']
		];
		for (const [written, masked] of cases) one(`总机${written}转人工`, 'landline', written, masked);
	});

	it('takes a glued 12-digit number for a landline only after a country code', () => {
		expect(findPii('075588886666')).toEqual([]);
		one('+86 75588886666', 'landline', '+86 75588886666', '+86 755****6666');
	});

	it('rejects a local number starting with 0 or 1, or of the wrong length', () => {
		expect(findPii('010-05529988')).toEqual([]);
		expect(findPii('010-15529988')).toEqual([]);
		expect(findPii('010-6552998')).toEqual([]);
		expect(findPii('0755-888866661')).toEqual([]);
	});

	it('leaves an extension after the number unmasked', () => {
		one('010-6552 9988-8001', 'landline', '010-6552 9988', '010-**** 9988');
	});
});

describe('pii: bank cards', () => {
	it('masks all but the last four digits and keeps the spacing', () => {
		one('卡号4111 1111 1111 1111', 'bank_card', '4111 1111 1111 1111', '**** **** **** 1111');
		one('4111-1111-1111-1111', 'bank_card', '4111-1111-1111-1111', '****-****-****-1111');
		one('5555555555554444', 'bank_card', '5555555555554444', '************4444');
	});

	it('finds 13- to 19-digit cards of every accepted issuer prefix', () => {
		const cards = [
			card('4', 13),
			card('62', 16),
			card('6222', 19),
			card('9558', 19),
			card('35', 16)
		];
		for (const n of cards)
			expect(found(`卡${n}`)).toEqual([['bank_card', n, '*'.repeat(n.length - 4) + n.slice(-4)]]);
		one('Amex 3782 822463 10005', 'bank_card', '3782 822463 10005', '**** ****** *0005');
	});

	it('rejects numbers failing Luhn, unknown issuers and placeholder runs', () => {
		expect(findPii('卡号4111111111111112')).toEqual([]);
		expect(findPii('卡号4111 1111 1111 1121')).toEqual([]);
		expect(findPii(card('1', 16))).toEqual([]);
		expect(findPii(card('7', 16))).toEqual([]);
		expect(findPii('0000000000000000')).toEqual([]);
		expect(findPii(card('4', 12))).toEqual([]);
		expect(findPii(card('4', 20))).toEqual([]);
	});

	it('rejects a Luhn-valid card split in groups cards never use', () => {
		expect(findPii('41 1111 1111 1111 11')).toEqual([]);
		expect(findPii('411111 1111111111')).toEqual([]);
	});
});

describe('pii: e-mail addresses', () => {
	it('keeps the first character and the domain and hides the local part length', () => {
		one('a.long.name@example.com', 'email', 'a.long.name@example.com', 'a***@example.com');
		one(
			'mail zhang@mail.example.com.cn.',
			'email',
			'zhang@mail.example.com.cn',
			'z***@mail.example.com.cn'
		);
	});

	it('masks a mobile used as the mailbox as one e-mail', () => {
		one('13812345678@qq.com', 'email', '13812345678@qq.com', '1***@qq.com');
	});

	it('hides a long number in the domain but keeps short ones like 139.com', () => {
		one('me@13812345678.cn', 'email', 'me@13812345678.cn', 'm***@***********.cn');
		one('13812345678@139.com', 'email', '13812345678@139.com', '1***@139.com');
	});

	it('finds a full-width at sign', () => {
		one('邮箱li＠example.com', 'email', 'li＠example.com', 'l***＠example.com');
	});

	it('does not take an at sign without a domain and top-level domain', () => {
		expect(findPii('@王经理 请回电')).toEqual([]);
		expect(findPii('me@localhost')).toEqual([]);
		expect(findPii('a@b.c')).toEqual([]);
	});
});

describe('pii: Hong Kong, Taiwan and travel documents', () => {
	it('finds Hong Kong IDs with and without brackets, and with one or two letters', () => {
		one('香港身份证A123456(3)', 'hk_id', 'A123456(3)', 'A******(3)');
		one('HKID A1234563', 'hk_id', 'A1234563', 'A******3');
		const two = hkId('XY987654');
		one(`证件${two}`, 'hk_id', two, `XY******${two.slice(-3)}`);
		one('香港身份证A123456（3）', 'hk_id', 'A123456（3）', 'A******（3）');
	});

	it('rejects a Hong Kong ID with the wrong check character', () => {
		expect(findPii('A123456(4)')).toEqual([]);
	});

	it('finds Taiwan IDs by their check digit', () => {
		one('台胞A123456789', 'tw_id', 'A123456789', 'A******789');
		expect(findPii('A123456788')).toEqual([]);
	});

	it('takes passport-like numbers only right after a word naming the document', () => {
		one('护照号码：E12345678', 'passport', 'E12345678', 'E*****678');
		one('Passport No. EA1234567', 'passport', 'EA1234567', 'EA****567');
		one('港澳通行证C12345678', 'passport', 'C12345678', 'C*****678');
		expect(findPii('型号E12345678的耳机')).toEqual([]);
		expect(findPii('护照在抽屉里，快递单号E12345678')).toEqual([]);
	});
});
