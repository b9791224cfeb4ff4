/**
 * The 40-item mystery-call checklist from the reference (regulations-and-checklists.md, table (a)),
 * with its clause tags spelled as the clause catalogue spells them and its severities. The
 * privacy-handling call uses all of them; the pretext and card-payment calls pick the rows that
 * their script exercises, under the same ids (`mc05` is item 5 wherever it appears).
 */
import { row, t } from './build';

export const CALL_PREFIX = 'mc';

const naWhenVerified = t('N/A when verification succeeded.', '核验通过时选择“不适用”。');
const naWhenNoCard = t(
	'N/A when no card data was taken on this call.',
	'本次通话未涉及卡信息时选择“不适用”。'
);

export const callRows = [
	row(
		1,
		t(
			'Recording/monitoring notice given before any substantive exchange',
			'在进入实质性沟通之前告知录音/监听'
		),
		['P17', 'G13', 'CNIL'],
		'M'
	),
	row(
		2,
		t(
			'Notice states the purpose (QA, training, disputes)',
			'告知内容说明录音目的（质检、培训、争议处理）'
		),
		['P17', 'G13(1)(c)'],
		'm'
	),
	row(
		3,
		t(
			'On request, agent names the organisation responsible and says where the privacy notice is',
			'应要求说明负责的机构名称及隐私政策的查阅位置'
		),
		['P17', 'G13(1)(a)', 'GB 5.5'],
		'm'
	),
	row(
		4,
		t(
			'Objection to recording handled: alternative offered or escalated',
			'对录音提出异议时妥善处理：提供替代方式或升级处理'
		),
		['P15', 'G21'],
		'm'
	),
	row(
		5,
		t(
			'Identity verified before any account or personal data is disclosed',
			'在披露任何账户或个人信息之前先核实身份'
		),
		['P51', 'G32', 'CPNI'],
		'C',
		t(
			'Pre-filled from the markers: fails when Disclosure was tapped before Verification asked.',
			'根据标记预填：若“披露信息”早于“要求核验”被点按，则不通过。'
		)
	),
	row(
		6,
		t(
			'Verification uses non-public factors (PIN, OTP, recent transaction), not name + date of birth + address alone',
			'身份核验使用非公开要素（密码、动态验证码、近期交易），而非仅凭姓名、出生日期和地址'
		),
		['CPNI(b)', '800-63A'],
		'M'
	),
	row(
		7,
		t(
			'Agent does not lead (e.g. "Is your date of birth 3 May?")',
			'坐席不作引导性提问（如“您的生日是5月3日吗？”）'
		),
		['P51', 'G5(1)(f)'],
		'C'
	),
	row(
		8,
		t(
			'After failed verification, agent refuses and offers a callback or mail to the address of record',
			'核验失败后，坐席拒绝办理，并提供回拨预留号码或寄送至预留地址的方式'
		),
		['CPNI(b)', 'HMRC'],
		'C',
		naWhenVerified
	),
	row(
		9,
		t(
			'Agent resists urgency, authority or sympathy pretexts',
			'坐席不为紧急、权威或博取同情的借口所动'
		),
		['PCI 12.6.3.1', 'P51(4)'],
		'C'
	),
	row(
		10,
		t(
			'Step-up check before changing contact details, resetting credentials or redirecting payments',
			'变更联系方式、重置凭证或变更收款前进行加强验证'
		),
		['G32', 'A 5.17'],
		'C'
	),
	row(
		11,
		t(
			'Refuses to discuss a third party’s account (spouse, parent) without documented authority',
			'无书面授权时拒绝讨论第三方（配偶、父母）的账户'
		),
		['P10', 'P13', 'G6', 'G32'],
		'C'
	),
	row(
		12,
		t(
			'Does not confirm to an unverified caller that a person is a customer',
			'不向未经核验的来电者确认某人是否为客户'
		),
		['P10', 'G5(1)(f)'],
		'M'
	),
	row(
		13,
		t(
			'Does not reveal verification questions, internal systems or procedures',
			'不透露核验问题、内部系统或操作流程'
		),
		['PCI 12.6.3.1', 'A 6.3'],
		'M'
	),
	row(
		14,
		t(
			'Suspected fraud attempt escalated or flagged (stated, or confirmed later)',
			'对疑似欺诈进行升级或标记（当场说明或事后确认）'
		),
		['P57', 'G33', 'A 6.8'],
		'M'
	),
	row(
		15,
		t('Asks only for data needed for the request', '只索取办理该请求所需的信息'),
		['P6', 'G5(1)(c)', 'GB 5.2'],
		'M'
	),
	row(
		16,
		t(
			'Asks for partial ID or card numbers where partial is enough',
			'部分号码即可时，只索取证件号或卡号的部分位数'
		),
		['P6', 'P28', 'GB 5.2'],
		'M'
	),
	row(
		17,
		t('Explains why sensitive PI is needed', '说明需要敏感个人信息的原因'),
		['P17', 'P30'],
		'm'
	),
	row(
		18,
		t(
			'Never asks for PIN, passwords or OTP outside an authentication flow, nor CVV outside a payment',
			'不在身份验证流程之外索取密码、口令或动态验证码，也不在支付流程之外索取CVV'
		),
		['PCI 3.3.1', 'P28', 'JR C3'],
		'C'
	),
	row(
		19,
		t(
			'Does not read back full card, ID or account numbers (last 4 digits at most)',
			'不完整复述卡号、证件号或账号（最多后4位）'
		),
		['PCI 3.4.1', 'GB 7.2', 'JR A'],
		'M'
	),
	row(
		20,
		t(
			'Does not disclose another customer’s data (e.g. on a name match)',
			'不泄露其他客户的信息（如同名匹配时）'
		),
		['P10', 'G5(1)(f)', 'G32'],
		'C'
	),
	row(
		21,
		t(
			'Does not ask for ID or card images via personal WeChat, SMS or email',
			'不要求通过个人微信、短信或电子邮件发送证件或银行卡照片'
		),
		['P51', 'G32', 'A 5.14'],
		'C'
	),
	row(
		22,
		t('No bundled or forced marketing consent', '不捆绑或强迫营销同意'),
		['P14', 'P16', 'G7'],
		'M'
	),
	row(
		23,
		t(
			'Card data entered by DTMF, IVR or payment link where available',
			'在可用时通过按键（DTMF）、IVR或支付链接输入卡信息'
		),
		['PCI TEL', 'PCI 3.3.1'],
		'M',
		naWhenNoCard
	),
	row(
		24,
		t(
			'If card data is spoken, recording is paused (announced or audible)',
			'如口述卡信息，录音已暂停（有告知或可听出）'
		),
		['PCI 3.3.1.2'],
		'C'
	),
	row(25, t('Agent does not repeat the CVV aloud', '坐席不大声复述CVV'), ['PCI 3.3.1.2'], 'C'),
	row(
		26,
		t(
			'Does not ask the customer to email or chat card numbers',
			'不要求客户通过电子邮件或聊天工具发送卡号'
		),
		['PCI 4.2.2'],
		'C'
	),
	row(
		27,
		t(
			'Card not stored for future use without telling the customer',
			'未告知客户时不保存卡信息供日后使用'
		),
		['PCI 3.2.1', 'P14'],
		'M'
	),
	row(
		28,
		t(
			'Access or copy request recognised; channel and timeline explained',
			'识别查阅或复制请求，并说明办理渠道和时限'
		),
		['P45', 'P50', 'G12', 'G15'],
		'M'
	),
	row(
		29,
		t('Correction or deletion request routed correctly', '更正或删除请求被正确转办'),
		['P46', 'P47', 'G16', 'G17'],
		'M'
	),
	row(
		30,
		t('Marketing opt-out or consent withdrawal actioned', '退订营销或撤回同意得到执行'),
		['P15', 'G21(3)'],
		'M'
	),
	row(
		31,
		t('Complaint or privacy-contact channel given on request', '应要求提供投诉渠道或隐私联系渠道'),
		['P50', 'P52', 'G13(1)(b)'],
		'm'
	),
	row(
		32,
		t('Does not demand excessive proof for rights requests', '对权利请求不要求过度的证明材料'),
		['P50', 'G12(6)'],
		'm'
	),
	row(
		33,
		t(
			'Accurate answer (or escalation) on who processes the data and where',
			'对谁处理数据、在何处处理给出准确答复（或升级处理）'
		),
		['P39', 'G13(1)(e)', 'G13(1)(f)'],
		'm'
	),
	row(
		34,
		t(
			'Does not disclose client confidential information or other clients’ names',
			'不泄露委托方的保密信息或其他委托方的名称'
		),
		['P21'],
		'M'
	),
	row(
		35,
		t(
			'Transfer or hold keeps verification status; no re-disclosure to the next agent unprompted',
			'转接或等待后核验状态得到保持；未经要求不向下一位坐席重复披露信息'
		),
		['G32'],
		'M'
	),
	row(
		36,
		t('No other customers’ PI audible in the background', '背景中听不到其他客户的个人信息'),
		['P51', 'G32', 'A 7.7'],
		'M'
	),
	row(
		37,
		t(
			'No sensitive PI left in voicemail or callback messages',
			'语音留言或回拨留言中不含敏感个人信息'
		),
		['P51', 'G32'],
		'M'
	),
	row(
		38,
		t('Follow-up only through channels on record', '仅通过预留渠道进行后续跟进'),
		['P6'],
		'm'
	),
	row(
		39,
		t('Recap avoids repeating sensitive data', '总结复述时避免重复敏感信息'),
		['GB 7.2'],
		'm'
	),
	row(
		40,
		t(
			'Caller ID or the calling number is not accepted as verification on its own (it can be spoofed)',
			'不单凭来电显示或来电号码作为身份核验（来电号码可被伪造）'
		),
		['CPNI(a)', 'G32'],
		'M'
	)
];
