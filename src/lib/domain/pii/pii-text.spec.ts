import { describe, expect, it } from 'vitest';
import { findPii, maskPii } from '.';

describe('pii: notes in Chinese without spaces', () => {
	it('finds an ID between Chinese characters', () => {
		const text = '我的身份证号是11010519491231002X谢谢';
		expect(maskPii(text).text).toBe('我的身份证号是110***********002X谢谢');
		const [f] = findPii(text);
		expect(text.slice(f.start, f.end)).toBe('11010519491231002X');
	});

	it('masks every kind in one run-on note and reports them in order', () => {
		const text =
			'客服说卡号6222021234567890128和手机13912345678都要核对，邮件发到wang.li@example.cn，座机021-61234567，身份证440305198805124569也念了一遍';
		const { text: masked, findings } = maskPii(text);
		expect(findings.map((f) => f.id)).toEqual([
			'bank_card-1',
			'mobile-1',
			'email-1',
			'landline-1',
			'resident_id-1'
		]);
		expect(masked).toBe(
			'客服说卡号***************0128和手机139****5678都要核对，邮件发到w***@example.cn，座机021-****4567，身份证440***********4569也念了一遍'
		);
		for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.original);
	});

	it('does not match digits inside a longer run, whichever kind they look like', () => {
		for (const text of [
			'单号913812345678号',
			'单号138123456789号',
			'流水4111111111111111123456号',
			'编号9911010519491231002X号'
		]) {
			expect(findPii(text), text).toEqual([]);
		}
	});

	it('does not match a number glued to Latin letters, as in codes and hashes', () => {
		expect(findPii('SN13812345678')).toEqual([]);
		expect(findPii('ref 13812345678ab')).toEqual([]);
		expect(findPii('e3b0c44298fc1c149afbf4c8996fb92427ae41e464913812345678b855')).toEqual([]);
	});

	it('finds numbers in brackets and after Chinese punctuation', () => {
		const text = '回电（13812345678），或者：13912345678；【13712345678】';
		expect(findPii(text).map((f) => f.original)).toEqual([
			'13812345678',
			'13912345678',
			'13712345678'
		]);
	});
});

describe('pii: ordinary numbers are left alone', () => {
	it('leaves amounts, dates, times, counts and durations', () => {
		const text =
			'2024年5月1日 13:45 致电，等待38秒，通话时长00:04:12，套餐¥1,380.00元，优惠13,812,345元，共3次，评分98.5分，2024-05-01 09:30';
		expect(findPii(text)).toEqual([]);
	});

	it('leaves order and ticket numbers that fail every check', () => {
		for (const text of [
			'订单号20240501123456789',
			'工单 4111111111111112',
			'快递单号 SF1234567890123',
			'会员号 123456789012345678',
			'发票代码 044031900111',
			'投诉编号 2024-0501-1234-5678',
			'IP 192.168.100.200'
		]) {
			expect(findPii(text), text).toEqual([]);
		}
	});

	it('leaves a decimal whose digits look like a mobile', () => {
		expect(findPii('比例 0.13812345678')).toEqual([]);
		expect(findPii('13812345678.5 元')).toEqual([]);
	});
});

describe('pii: ids and undo', () => {
	const text = '手机13812345678，备用13912345678，卡4111111111111111';

	it('numbers findings per kind so the same text always gives the same ids', () => {
		const ids = findPii(text).map((f) => f.id);
		expect(ids).toEqual(['mobile-1', 'mobile-2', 'bank_card-1']);
		expect(findPii(text)).toEqual(findPii(text));
	});

	it('keeps an id for a number when text elsewhere changes', () => {
		const edited = '客户说：' + text + '。谢谢';
		expect(findPii(edited).find((f) => f.original === '13912345678')?.id).toBe('mobile-2');
	});

	it('undoes one false positive and masks the rest', () => {
		const r = maskPii(text, { keep: ['mobile-2'] });
		expect(r.text).toBe('手机138****5678，备用13912345678，卡************1111');
		expect(r.findings.map((f) => [f.id, f.kept])).toEqual([
			['mobile-1', false],
			['mobile-2', true],
			['bank_card-1', false]
		]);
	});

	it('accepts the undo list under either name and ignores unknown ids', () => {
		expect(maskPii(text, { undo: ['bank_card-1'] }).text).toBe(
			'手机138****5678，备用139****5678，卡4111111111111111'
		);
		expect(maskPii(text, { keep: ['email-9'] }).text).toBe(maskPii(text).text);
	});

	it('returns a text without findings unchanged', () => {
		expect(maskPii('今天天气很好')).toEqual({ text: '今天天气很好', findings: [] });
		expect(maskPii('')).toEqual({ text: '', findings: [] });
	});
});
