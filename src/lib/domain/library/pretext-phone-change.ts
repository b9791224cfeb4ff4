/**
 * (c3) Social-engineering pretext: a caller who knows the holder's public details asks to change
 * the mobile number on the account, the usual first move of an account takeover. The caller cannot
 * pass a step-up check, so any change fails the call.
 */
import {
	allTimers,
	answered,
	builtInMarkers,
	custom,
	fact,
	section,
	step,
	t,
	tapped,
	type MysteryCallInput
} from './build';
import { callHandling, callItems, neverTapped, openingStep } from './call-common';

const whenVerificationAsked = { visibleWhen: tapped('verify') };

export const pretextPhoneChange: MysteryCallInput = {
	kind: 'mystery_call',
	title: t('Pretext: change the phone number', '冒充测试：变更手机号码'),
	description: t(
		'A caller with the holder’s name, date of birth, address and the last digits of the ID says the phone was lost and asks to move the account to a new mobile number. Tests step-up checks before contact changes.',
		'来电者掌握持有人的姓名、出生日期、地址和证件号后几位，称手机丢失，要求将账户绑定的手机号改为新号码。测试变更联系方式前的加强验证。'
	),
	persona: {
		name: t('Liu Yang (test caller)', '刘洋（测试来电者）'),
		pretext: t(
			'Presents as the account holder who lost the phone while travelling. Knows only public details; has no PIN and cannot receive a one-time code.',
			'冒充在出差途中丢失手机的账户持有人。只掌握公开信息；没有密码，也收不到动态验证码。'
		),
		facts: [
			fact(
				'holder',
				t('Name on the account (test account)', '账户姓名（测试账户）'),
				t('Liu Yang', '刘洋')
			),
			fact('dob', t('Date of birth', '出生日期'), t('1 January 1985', '1985年1月1日')),
			fact('address', t('Address', '地址'), t('3 Test Road, Example District', '示例区测试路3号')),
			fact('id_last4', t('Last 4 digits of the ID', '证件号后4位'), '0000'),
			fact('old_mobile', t('Mobile on record', '预留手机号'), '+86 100 0000 0004'),
			fact('new_mobile', t('New mobile to ask for', '要求变更的新号码'), '+86 100 0000 0005')
		],
		synthetic: true
	},
	markers: [...builtInMarkers, custom('contact_changed', t('Contact changed', '联系方式已变更'))],
	timers: allTimers,
	script: {
		steps: [
			openingStep(),
			step('request', t('Ask for the change', '提出变更'), {
				say: t(
					'Hi, I’ve lost my phone and need to change the mobile number on my account today.',
					'您好，我手机丢了，今天需要把账户绑定的手机号改一下。'
				),
				listenFor: t(
					'Did the agent ask to verify you? Tap Verification asked: it decides the next step.',
					'坐席是否要求核验您的身份？请点按“要求核验”，它决定下一步。'
				),
				markers: ['verify'],
				branches: [{ when: tapped('verify'), goto: 'verify' }],
				next: 'push'
			}),
			step('verify', t('Try to pass verification', '尝试通过核验'), {
				say: t(
					'Give the name, date of birth, address and last four ID digits from your card. You have no PIN, and: “I can’t get a code, that’s the whole problem, I lost the phone.”',
					'用资料卡上的姓名、出生日期、地址和证件号后四位回答。您没有密码，并说：“我收不到验证码，问题就在这儿，手机丢了。”'
				),
				listenFor: t(
					'Which factors are asked; whether public details alone are accepted; whether the agent suggests answers. Answer the step-up item now: it decides the next step.',
					'要求核验哪些要素；是否仅凭公开信息即通过；坐席是否提示答案。请现在回答“加强验证”一项，它决定下一步。'
				),
				markers: ['disclosure', 'contact_changed'],
				branches: [{ when: answered('mc10', 'yes'), goto: 'hold_firm' }],
				next: 'changed'
			}),
			step('hold_firm', t('Ask for an exception', '要求通融'), {
				say: t(
					'Can’t you make an exception? I’m travelling and I need my codes.',
					'能不能通融一下？我在出差，急需接收验证码。'
				),
				listenFor: t(
					'The agent holds firm and offers a safe route: a branch visit with ID, a letter to the address on record, or a callback to the number on record.',
					'坐席坚持原则，并提供安全途径：携带证件到网点办理、寄信至预留地址或回拨预留号码。'
				),
				markers: ['contact_changed'],
				next: 'close'
			}),
			step('changed', t('Change without a step-up check', '未加强验证即变更'), {
				listenFor: t(
					'The agent changes the number without a step-up check. Tap Contact changed when they confirm it.',
					'坐席未经加强验证即变更号码。坐席确认变更时点按“联系方式已变更”。'
				),
				markers: ['contact_changed'],
				next: 'close'
			}),
			step('push', t('Push for the change', '催促变更'), {
				say: t(
					'Please just update it, the new number is +86 100 0000 0005.',
					'您就直接改吧，新号码是+86 100 0000 0005。'
				),
				listenFor: t(
					'Whether the agent changes the number without verifying you at all. Tap Contact changed if they do.',
					'坐席是否在完全未核验的情况下变更号码。如变更，请点按“联系方式已变更”。'
				),
				markers: ['verify', 'contact_changed']
			}),
			step('close', t('Close', '结束通话'), {
				say: t(
					'Can you confirm what you now have on file for me?',
					'您能确认一下现在登记的是什么信息吗？'
				),
				listenFor: t(
					'No full numbers read back (last four digits at most); a recap without sensitive data; follow-up only through channels on record, such as an alert to the old number.',
					'不完整复述号码（最多后四位）；总结时不重复敏感信息；仅通过预留渠道跟进，例如向原号码发送提醒。'
				),
				end: true
			})
		]
	},
	checklist: {
		sections: [
			section('verification', t('Verification', '身份核验'), [
				...callItems([40]),
				...callItems([6, 7, 8], whenVerificationAsked)
			]),
			section('change', t('The contact change', '联系方式变更'), [
				...callItems([10], { allowNa: false }),
				neverTapped(
					'ph_not_changed',
					t(
						'The number was not changed for a caller who could not pass a step-up check (no Contact changed tapped)',
						'未为无法通过加强验证的来电者变更号码（未点按“联系方式已变更”）'
					),
					'contact_changed',
					['G32', 'A 5.17']
				),
				...callItems([9, 14])
			]),
			section('recap', t('Recap and follow-up', '总结与跟进'), callItems([19, 39, 38])),
			callHandling('ph')
		]
	}
};
