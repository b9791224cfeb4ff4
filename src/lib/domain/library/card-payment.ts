/**
 * (d) The card-payment call: a synthetic customer pays a bill by card. Scores the PCI DSS items
 * for telephone payments: secure entry where available, pause-and-resume when the number is
 * spoken, no CVV repeated or kept, no full PAN read back, no card numbers by e-mail or chat.
 */
import {
	allTimers,
	answered,
	builtInMarkers,
	custom,
	fact,
	item,
	section,
	step,
	t,
	type MysteryCallInput
} from './build';
import { callHandling, callItems, markerItem, openingStep } from './call-common';

const whenSpoken = { visibleWhen: { kind: 'step', step: 'spoken' } };

export const cardPayment: MysteryCallInput = {
	kind: 'mystery_call',
	title: t('Card-payment call', '银行卡支付通话'),
	description: t(
		'A customer pays a bill by card over the phone. Tests how card data is captured (keypad, IVR or link; otherwise pause-and-resume), that the CVV is neither repeated nor kept and that the full card number is never read back.',
		'客户通过电话用银行卡支付账单。测试卡信息的采集方式（按键、IVR或链接；否则暂停-恢复录音），CVV不被复述或留存，完整卡号从不被复述。'
	),
	persona: {
		name: t('Zhao Min (test customer)', '赵敏（测试客户）'),
		pretext: t(
			'An existing customer paying an overdue bill of 128.00 with a test card.',
			'一位老客户，用测试银行卡支付128.00元的逾期账单。'
		),
		facts: [
			fact('customer_no', t('Customer number', '客户编号'), 'CC-0000-0006'),
			fact('pin', t('Telephone PIN of the test account', '测试账户电话密码'), '000000'),
			fact('amount', t('Amount due', '应付金额'), t('128.00', '128.00元')),
			fact(
				'card',
				t('Test card', '测试银行卡'),
				t('4111 1111 1111 1111, expiry 12/30', '4111 1111 1111 1111，有效期12/30')
			),
			fact('cvv', t('CVV (only when the payment asks)', 'CVV（仅在支付要求时提供）'), '000')
		],
		synthetic: true
	},
	markers: [
		...builtInMarkers,
		custom('recording_paused', t('Recording paused', '录音暂停')),
		custom('pan_spoken', t('Card number spoken', '口述卡号')),
		custom('recording_resumed', t('Recording resumed', '录音恢复')),
		custom('cvv_repeated', t('CVV repeated aloud', '复述CVV')),
		custom('pan_read_back', t('Full card number read back', '完整复述卡号'))
	],
	timers: allTimers,
	script: {
		steps: [
			openingStep(),
			step('identify', t('Identify yourself', '表明身份'), {
				say: t(
					'I’d like to pay my bill. Give the customer number and PIN when asked.',
					'我想支付账单。被问到时提供客户编号和密码。'
				),
				listenFor: t(
					'Verification before any account details; no request for the CVV or the PIN outside their own step.',
					'在透露任何账户信息前先核验身份；不在相应环节之外索取CVV或密码。'
				),
				markers: ['verify', 'disclosure']
			}),
			step('pay_request', t('Ask to pay by card', '要求刷卡支付'), {
				say: t('I’d like to pay the 128.00 by card.', '我想用银行卡支付这128.00元。'),
				listenFor: t(
					'Does the agent offer keypad (DTMF) entry, an IVR transfer or a payment link? Answer that item now: it decides the next step.',
					'坐席是否提供按键（DTMF）输入、转接IVR或支付链接？请现在回答该项，它决定下一步。'
				),
				branches: [{ when: answered('mc23', 'yes'), goto: 'secure_entry' }],
				next: 'spoken'
			}),
			step('secure_entry', t('Enter the card securely', '安全输入卡信息'), {
				say: t(
					'Enter the test card on the keypad or in the link.',
					'通过按键或链接输入测试银行卡信息。'
				),
				listenFor: t(
					'The agent never hears or asks for the digits; the call comes back to the agent afterwards.',
					'坐席全程听不到也不索取卡号；之后通话转回坐席。'
				),
				markers: ['transfer', 'pan_read_back'],
				next: 'confirm'
			}),
			step('spoken', t('Speak the card number', '口述卡号'), {
				say: t(
					'Read the test card number only when asked, tapping Card number spoken as you start.',
					'仅在被要求时读出测试卡号，开始读时点按“口述卡号”。'
				),
				listenFor: t(
					'Whether the agent pauses the recording first (announced, or a tone) and resumes it afterwards; whether the full number is read back.',
					'坐席是否先暂停录音（有告知或提示音），之后再恢复；是否完整复述卡号。'
				),
				markers: ['recording_paused', 'pan_spoken', 'pan_read_back', 'recording_resumed']
			}),
			step('cvv', t('Give the CVV', '提供CVV'), {
				say: t(
					'Give the CVV only when asked for it in this payment.',
					'仅在本次支付中被要求时提供CVV。'
				),
				listenFor: t(
					'Whether the agent repeats the CVV aloud or says they are noting it down.',
					'坐席是否大声复述CVV或表示要记下来。'
				),
				markers: ['cvv_repeated', 'recording_resumed']
			}),
			step('confirm', t('Confirm the payment', '确认支付'), {
				say: t(
					'Which card did you charge? Will you keep it for next time?',
					'扣的是哪张卡？你们会保存这张卡以便下次使用吗？'
				),
				listenFor: t(
					'Last four digits at most; the agent says whether the card is stored and asks before storing it.',
					'最多说出后四位；坐席说明是否保存卡信息，并在保存前征得同意。'
				),
				markers: ['pan_read_back']
			}),
			step('email_probe', t('Offer an unsafe channel', '提出不安全渠道'), {
				say: t(
					'Next time, could I just email or WeChat you my card details?',
					'下次我直接把卡信息通过邮件或微信发给你们可以吗？'
				),
				listenFor: t(
					'The agent declines and points to the secure payment channels.',
					'坐席拒绝并引导使用安全的支付渠道。'
				)
			}),
			step('close', t('Close', '结束通话'), {
				say: t('Thanks, that’s all.', '谢谢，就这些。'),
				listenFor: t('A recap without card data.', '总结时不涉及卡信息。'),
				end: true
			})
		]
	},
	checklist: {
		sections: [
			section('before', t('Before the payment', '支付之前'), [
				markerItem(5, { kind: 'before', first: 'verify', then: 'disclosure', whenAbsent: 'pass' }),
				...callItems([18])
			]),
			section('capture', t('Capturing the card', '采集卡信息'), [
				...callItems([23], { allowNa: false }),
				markerItem(
					24,
					{ kind: 'before', first: 'recording_paused', then: 'pan_spoken', whenAbsent: 'na' },
					whenSpoken
				),
				item(
					'cp_resumed',
					'marker_derived',
					t('Recording resumed after the card details', '卡信息采集后恢复录音'),
					{
						weight: 1,
						severity: 'm',
						clauses: ['PCI 3.3.1.2'],
						rule: { kind: 'present', marker: 'recording_resumed' },
						...whenSpoken
					}
				),
				markerItem(25, { kind: 'absent', marker: 'cvv_repeated' }, whenSpoken),
				item(
					'cp_cvv_not_kept',
					'yes_no_na',
					t(
						'CVV not written down or kept (no “let me note that down”)',
						'CVV未被记录或留存（没有“我记一下”之类的话）'
					),
					{ weight: 3, severity: 'C', clauses: ['PCI 3.3.1', 'JR C3'], ...whenSpoken }
				),
				markerItem(19, { kind: 'absent', marker: 'pan_read_back' })
			]),
			section('after', t('After the payment', '支付之后'), callItems([27, 26, 39])),
			callHandling('cp')
		]
	}
};
