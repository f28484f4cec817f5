// Warnings screen: the list of public warnings (live from warning.* events), composing a CAP warning in
// several languages, preview (the hub's own CAP document), submit, dual-control review, publish, update,
// cancel, and the per-channel delivery status (live from delivery.* events). docs/warnings.md, docs/channels.md.
import { PROVINCE, PLATFORMS, COUNTIES, areaName, countiesOf } from '../areas-fj.js';

const STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'UPDATED', 'CANCELLED', 'EXPIRED'];
const COLOURS = ['red', 'orange', 'yellow', 'blue'];
const SEVERITY = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', blue: 'Minor' };
const LEVEL_OF_COLOUR = { red: 'I', orange: 'II', yellow: 'III', blue: 'IV' };
const STATUSES = ['Actual', 'Exercise', 'Test'];
const CATEGORIES = ['Met', 'Geo', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra',
  'CBRNE', 'Other'];
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'];
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'];
const RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'];
const PRE = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '24em', overflow: 'auto' };

const zh = {
  'nav.warnings': '预警发布',
  'warnings.title': '预警信息',
  'warnings.filter.all': '全部状态',
  'warnings.new': '新建预警',
  'warnings.empty': '暂无预警',
  'warnings.col.identifier': '标识', 'warnings.col.state': '状态', 'warnings.col.colour': '颜色',
  'warnings.col.headline': '标题', 'warnings.col.status': '类别', 'warnings.col.sent': '时间',
  'warnings.compose.title': '编写预警', 'warnings.compose.updateOf': '更新预警 {id}',
  'warnings.compose.reviseOf': '修改草稿 {id}', 'warnings.compose.rejectedBy': '{reviewer} 驳回：{comment}',
  'warnings.f.status': '信息类别', 'warnings.f.colour': '预警颜色', 'warnings.f.severity': '严重程度',
  'warnings.f.category': '类型', 'warnings.f.urgency': '紧迫程度', 'warnings.f.certainty': '确定程度',
  'warnings.f.responseTypes': '建议措施', 'warnings.f.effective': '生效时间',
  'warnings.f.effectiveNote': '发布时生效', 'warnings.f.onset': '开始时间 (北京时间)',
  'warnings.f.expires': '失效时间 (北京时间)', 'warnings.f.language': '语言', 'warnings.f.event': '事件',
  'warnings.f.headline': '标题', 'warnings.f.description': '描述', 'warnings.f.instruction': '防御指引',
  'warnings.f.addLanguage': '添加语言', 'warnings.f.removeLanguage': '移除',
  'warnings.area.title': '预警区域', 'warnings.area.city': '市', 'warnings.area.county': '县（区）',
  'warnings.area.wholeCity': '全市', 'warnings.area.wholeProvince': '全省', 'warnings.area.add': '添加区域',
  'warnings.area.codes': '区划代码', 'warnings.area.description': '区域描述',
  'warnings.area.polygons': '多边形 (每行 "纬度,经度 纬度,经度 …", 首尾相同)',
  'warnings.area.circles': '圆形 (每行 "纬度,经度 半径公里")', 'warnings.area.mapHint': '在地图上点击县（区）选择',
  'warnings.area.noMap': '地图不可用，请按代码选择',
  'warnings.save': '保存草稿', 'warnings.submit': '提交审核', 'warnings.cancelEdit': '取消',
  'warnings.saved': '草稿已保存：{id}', 'warnings.submitted': '已提交审核：{id}',
  'warnings.preview': '预览', 'warnings.preview.cap': 'CAP 文档', 'warnings.preview.summary': '摘要',
  'warnings.d.author': '编写人', 'warnings.d.sender': '发布单位', 'warnings.d.msgType': '消息类型',
  'warnings.d.languages': '语言', 'warnings.d.cities': '城市', 'warnings.d.counties': '县（区）',
  'warnings.d.expires': '失效', 'warnings.d.publishedAt': '发布时间', 'warnings.d.replaces': '替代',
  'warnings.d.endedBy': '被替代', 'warnings.d.reviews': '审核记录', 'warnings.d.approved': '同意',
  'warnings.d.rejected': '驳回', 'warnings.d.feed': '公众订阅 (Atom)', 'warnings.d.publicCap': '公开 CAP 文档',
  'warnings.a.edit': '修改', 'warnings.a.submit': '提交审核', 'warnings.a.approve': '审核通过',
  'warnings.a.reject': '驳回', 'warnings.a.publish': '发布', 'warnings.a.update': '更新', 'warnings.a.cancel': '解除',
  'warnings.a.comment': '审核意见', 'warnings.a.confirmCancel': '确定解除此预警？',
  'warnings.a.done': '{action}：{id}',
  'warnings.review.own': '本人编写的预警不能由本人审核',
  'warnings.review.commander': '红色、橙色预警须由指挥长审核',
  'warnings.deliveries': '发布渠道', 'warnings.deliveries.none': '尚无投递记录',
  'warnings.deliveries.channel': '渠道', 'warnings.deliveries.recipient': '接收方',
  'warnings.deliveries.state': '状态', 'warnings.deliveries.attempts': '尝试次数',
  'warnings.deliveries.lastError': '最近错误', 'warnings.deliveries.updatedAt': '更新时间',
  'warnings.deliveries.republish': '重新投递失败项', 'warnings.deliveries.reset': '已重置 {n} 项',
  'warnings.capProblems': 'CAP 校验问题',
  'warnings.confirm.title': '确认发布预警', 'warnings.confirm.loading': '正在计算覆盖范围…',
  'warnings.confirm.real': '正式预警：将发送给真实接收方和公众',
  'warnings.confirm.exercise': '{status}：只发送给演练接收方，不发给公众',
  'warnings.confirm.areas': '预警区域', 'warnings.confirm.channels': '发布渠道与接收人数估计',
  'warnings.confirm.col.channel': '渠道', 'warnings.confirm.col.subscriptions': '订阅数',
  'warnings.confirm.col.receivers': '估计接收人数', 'warnings.confirm.col.recipients': '接收方',
  'warnings.confirm.receivers': '约 {n} 人', 'warnings.confirm.declared': '{declared}/{total} 项订阅申报了人数，其余每项按 1 人计',
  'warnings.confirm.unknown': '人数未知', 'warnings.confirm.topics': '{n} 个广播终端主题',
  'warnings.confirm.feed': '公开 CAP 订阅源，任何人可读',
  'warnings.confirm.uncovered': '注意：以下区域没有任何订阅接收方，发布后那里不会有人收到推送：{areas}',
  'warnings.confirm.nothing': '注意：本预警的所有区域都没有订阅接收方，发布后不会推送给任何订阅接收方。',
  'warnings.confirm.noChannels': '没有任何渠道会发送本预警',
  'warnings.confirm.reachFailed': '未能取得覆盖范围：{error}',
  'warnings.confirm.publish': '确认发布', 'warnings.confirm.publishAnyway': '仍然发布', 'warnings.confirm.cancel': '取消',
  'warnings.deliveries.removed': '已删除的订阅',
  'warnings.deliveryError.http': '接收方返回错误（HTTP {status}）',
  'warnings.deliveryError.gateway': '短信网关返回错误（HTTP {status}）',
  'warnings.deliveryError.refused': '接收方拒绝连接（服务未开启或端口关闭）',
  'warnings.deliveryError.timeout': '接收方未在限定时间内应答',
  'warnings.deliveryError.targetRefused': '该地址被平台禁止（内网或回环地址），请管理员检查订阅地址',
  'warnings.deliveryError.unknownHost': '找不到接收方地址（域名无法解析）',
  'warnings.deliveryError.notDelivered': '短信未送达{reason}',
  'warnings.deliveryError.notConfigured': '该渠道未在平台上配置',
  'warnings.deliveryError.closed': '连接被接收方中断',
  'warnings.deliveryError.other': '发送失败（技术细节见提示）',
  'warnings.draft.restored': '已恢复本机保存、尚未保存到平台的内容（{time}）',
  'warnings.draft.restore': '恢复未保存的内容', 'warnings.draft.discard': '丢弃本机内容',
  'warnings.draft.autosaved': '已自动保存在本机 {time}',
  'error.WARNING_NOT_FOUND': '未找到该预警', 'error.WARNING_STATE_CONFLICT': '预警当前的状态不允许此操作（可能已被他人处理），请刷新后查看',
  'error.WARNING_PUBLISHED_IMMUTABLE': '已发布的预警不能修改，请发布更新或解除',
  'error.WARNING_NOT_AUTHOR': '只有编写人可以执行此操作', 'error.WARNING_SELF_APPROVAL': '本人编写的预警不能由本人审核',
  'error.WARNING_COMMANDER_REQUIRED': '红色、橙色预警须由指挥长审核', 'error.WARNING_COMMENT_REQUIRED': '驳回时须填写审核意见',
  'error.WARNING_CAP_INVALID': '预警内容不符合发布规范', 'error.WARNING_STATUS_NOT_PUBLIC': '信息类别须为正式、演练或测试',
  'error.WARNING_ALERT_MISMATCH': '预警内容与原预警不符', 'error.WARNING_NOT_EXPIRED': '预警尚未到失效时间',
  'error.WARNING_IDENTIFIER_INVALID': '预警标识不符合平台的编号规则',
  'error.WARNING_CONTENT_INVALID': '预警内容不完整或无法识别，请检查必填项', 'error.CAP_REFUSED': 'CAP 文档被拒绝',
  'error.DELIVERIES_NOT_FOUND': '该预警尚无投递记录',
};
const en = {
  'nav.warnings': 'Warnings',
  'warnings.title': 'Public warnings',
  'warnings.filter.all': 'All states',
  'warnings.new': 'New warning',
  'warnings.empty': 'No warnings',
  'warnings.col.identifier': 'Identifier', 'warnings.col.state': 'State', 'warnings.col.colour': 'Colour',
  'warnings.col.headline': 'Headline', 'warnings.col.status': 'Status', 'warnings.col.sent': 'Time',
  'warnings.compose.title': 'Compose a warning', 'warnings.compose.updateOf': 'Update of {id}',
  'warnings.compose.reviseOf': 'Revise draft {id}', 'warnings.compose.rejectedBy': 'Rejected by {reviewer}: {comment}',
  'warnings.f.status': 'Status', 'warnings.f.colour': 'Colour', 'warnings.f.severity': 'Severity',
  'warnings.f.category': 'Category', 'warnings.f.urgency': 'Urgency', 'warnings.f.certainty': 'Certainty',
  'warnings.f.responseTypes': 'Response types', 'warnings.f.effective': 'Effective',
  'warnings.f.effectiveNote': 'on publication', 'warnings.f.onset': 'Onset (UTC+8)',
  'warnings.f.expires': 'Expires (UTC+8)', 'warnings.f.language': 'Language', 'warnings.f.event': 'Event',
  'warnings.f.headline': 'Headline', 'warnings.f.description': 'Description', 'warnings.f.instruction': 'Instruction',
  'warnings.f.addLanguage': 'Add language', 'warnings.f.removeLanguage': 'Remove',
  'warnings.area.title': 'Area', 'warnings.area.city': 'City', 'warnings.area.county': 'County',
  'warnings.area.wholeCity': 'Whole city', 'warnings.area.wholeProvince': 'Whole province', 'warnings.area.add': 'Add area',
  'warnings.area.codes': 'Area codes', 'warnings.area.description': 'Area description',
  'warnings.area.polygons': 'Polygons (one per line, "lat,lon lat,lon …", closed)',
  'warnings.area.circles': 'Circles (one per line, "lat,lon radiusKm")', 'warnings.area.mapHint': 'Click a county on the map to add it',
  'warnings.area.noMap': 'Map not available: pick by code',
  'warnings.save': 'Save draft', 'warnings.submit': 'Submit for approval', 'warnings.cancelEdit': 'Close',
  'warnings.saved': 'Draft saved: {id}', 'warnings.submitted': 'Submitted: {id}',
  'warnings.preview': 'Preview', 'warnings.preview.cap': 'CAP document', 'warnings.preview.summary': 'Summary',
  'warnings.d.author': 'Author', 'warnings.d.sender': 'Sender', 'warnings.d.msgType': 'Message type',
  'warnings.d.languages': 'Languages', 'warnings.d.cities': 'Cities', 'warnings.d.counties': 'Counties',
  'warnings.d.expires': 'Expires', 'warnings.d.publishedAt': 'Published', 'warnings.d.replaces': 'Replaces',
  'warnings.d.endedBy': 'Ended by', 'warnings.d.reviews': 'Reviews', 'warnings.d.approved': 'approved',
  'warnings.d.rejected': 'rejected', 'warnings.d.feed': 'Public feed (Atom)', 'warnings.d.publicCap': 'Public CAP document',
  'warnings.a.edit': 'Revise', 'warnings.a.submit': 'Submit', 'warnings.a.approve': 'Approve',
  'warnings.a.reject': 'Reject', 'warnings.a.publish': 'Publish', 'warnings.a.update': 'Update', 'warnings.a.cancel': 'Cancel warning',
  'warnings.a.comment': 'Review comment', 'warnings.a.confirmCancel': 'Cancel this warning?',
  'warnings.a.done': '{action}: {id}',
  'warnings.review.own': 'You composed this warning: another officer must review it',
  'warnings.review.commander': 'Red and orange warnings are reviewed by a commander',
  'warnings.deliveries': 'Delivery by channel', 'warnings.deliveries.none': 'No deliveries recorded',
  'warnings.deliveries.channel': 'Channel', 'warnings.deliveries.recipient': 'Recipient',
  'warnings.deliveries.state': 'State', 'warnings.deliveries.attempts': 'Attempts',
  'warnings.deliveries.lastError': 'Last error', 'warnings.deliveries.updatedAt': 'Updated',
  'warnings.deliveries.republish': 'Republish failed', 'warnings.deliveries.reset': '{n} reset',
  'warnings.capProblems': 'CAP problems',
  'warnings.confirm.title': 'Publish this warning?', 'warnings.confirm.loading': 'Working out whom it reaches…',
  'warnings.confirm.real': 'Actual warning: it goes to the real recipients and the public',
  'warnings.confirm.exercise': '{status}: it goes only to the recipients for exercises, never to the public',
  'warnings.confirm.areas': 'Areas', 'warnings.confirm.channels': 'Channels and estimated receivers',
  'warnings.confirm.col.channel': 'Channel', 'warnings.confirm.col.subscriptions': 'Subscriptions',
  'warnings.confirm.col.receivers': 'Estimated receivers', 'warnings.confirm.col.recipients': 'Recipients',
  'warnings.confirm.receivers': 'about {n}', 'warnings.confirm.declared': '{declared} of {total} subscriptions declared their audience; each other counts as 1',
  'warnings.confirm.unknown': 'unknown', 'warnings.confirm.topics': '{n} broadcast terminal topics',
  'warnings.confirm.feed': 'public CAP feed, open to anyone',
  'warnings.confirm.uncovered': 'Attention: no subscription covers these areas; nobody there gets it pushed: {areas}',
  'warnings.confirm.nothing': 'Attention: no subscription covers any area of this warning: it is pushed to no subscribed recipient.',
  'warnings.confirm.noChannels': 'No channel sends this warning',
  'warnings.confirm.reachFailed': 'Whom it reaches could not be worked out: {error}',
  'warnings.confirm.publish': 'Publish', 'warnings.confirm.publishAnyway': 'Publish anyway', 'warnings.confirm.cancel': 'Cancel',
  'warnings.deliveries.removed': 'Removed subscription',
  'warnings.deliveryError.http': 'The recipient answered with an error (HTTP {status})',
  'warnings.deliveryError.gateway': 'The SMS gateway answered with an error (HTTP {status})',
  'warnings.deliveryError.refused': 'The recipient refused the connection (service down or port closed)',
  'warnings.deliveryError.timeout': 'The recipient did not answer in time',
  'warnings.deliveryError.targetRefused': 'The hub refuses this address (internal or loopback); an administrator should check the subscription',
  'warnings.deliveryError.unknownHost': 'The recipient\'s address cannot be found (name not resolved)',
  'warnings.deliveryError.notDelivered': 'SMS not delivered{reason}',
  'warnings.deliveryError.notConfigured': 'This channel is not configured on the hub',
  'warnings.deliveryError.closed': 'The recipient dropped the connection',
  'warnings.deliveryError.other': 'Sending failed (technical detail in the tooltip)',
  'warnings.draft.restored': 'Restored what you typed on this computer ({time}), not yet saved on the hub',
  'warnings.draft.restore': 'Restore unsaved text', 'warnings.draft.discard': 'Discard local copy',
  'warnings.draft.autosaved': 'Autosaved on this computer {time}',
  'error.WARNING_NOT_FOUND': 'No such warning', 'error.WARNING_STATE_CONFLICT': 'The warning\'s state does not allow this (someone may have acted on it): look again',
  'error.WARNING_PUBLISHED_IMMUTABLE': 'A published warning never changes: issue an Update or a Cancel',
  'error.WARNING_NOT_AUTHOR': 'Only the warning\'s author may do this', 'error.WARNING_SELF_APPROVAL': 'You composed this warning: another officer must review it',
  'error.WARNING_COMMANDER_REQUIRED': 'Red and orange warnings are reviewed by a commander', 'error.WARNING_COMMENT_REQUIRED': 'A rejection needs a comment',
  'error.WARNING_CAP_INVALID': 'The warning does not keep the publishing rules', 'error.WARNING_STATUS_NOT_PUBLIC': 'The status must be Actual, Exercise or Test',
  'error.WARNING_ALERT_MISMATCH': 'The alert does not fit the warning', 'error.WARNING_NOT_EXPIRED': 'The warning has not reached its expiry',
  'error.WARNING_IDENTIFIER_INVALID': 'Not a warning identifier of the hub\'s scheme',
  'error.WARNING_CONTENT_INVALID': 'The warning is incomplete or not understood: check the required fields', 'error.CAP_REFUSED': 'The CAP document was refused',
  'error.DELIVERIES_NOT_FOUND': 'No deliveries recorded for this warning',
};
for (const s of STATES) {
  zh['warnings.state.' + s] = { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已审核', REJECTED: '已驳回',
    PUBLISHED: '已发布', UPDATED: '已更新', CANCELLED: '已解除', EXPIRED: '已失效' }[s];
  en['warnings.state.' + s] = s.charAt(0) + s.slice(1).toLowerCase();
}
for (const c of COLOURS) {
  zh['warnings.colour.' + c] = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' }[c];
  en['warnings.colour.' + c] = c.charAt(0).toUpperCase() + c.slice(1);
}
for (const s of STATUSES) {
  zh['warnings.status.' + s] = { Actual: '正式', Exercise: '演练', Test: '测试' }[s];
  en['warnings.status.' + s] = s;
}

/** Small DOM helper: attrs as in ctx.el (class, data-*, on:event, value, checked, …); null children skipped. */
function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on:')) e.addEventListener(k.slice(3), v);
    else if (k === 'value') e.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') e[k] = true;
    else if (k === 'style' && typeof v === 'object') Object.assign(e.style, v);
    else if (k === 'style') e.style.cssText = String(v); // CSSOM: the CSP refuses inline style attributes
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function options(values, selected, label) {
  return values.map(v => h('option', { value: v, selected: v === selected }, label ? label(v) : v));
}

/** "2026-12-02T20:00" (a datetime-local value, read as Beijing time) → "2026-12-02T20:00:00+08:00". */
function localToChina(value) {
  if (!value) return null;
  return (value.length === 16 ? value + ':00' : value.slice(0, 19)) + '+08:00';
}

/** Any ISO instant → the datetime-local value of that moment in Beijing time. */
function chinaLocal(isoOrDate) {
  const d = isoOrDate instanceof Date ? isoOrDate : new Date(isoOrDate);
  if (isNaN(d)) return '';
  return new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16);
}

function authorIs(view, user) {
  if (!view || !user) return false;
  const s = user.subject;
  return view.author === s || view.author === 'officer:' + s || view.author === 'service:' + s;
}

/** The WarningContent a CAP alert of ours carries (for revising, updating: the form starts from it). */
export function contentFromCap(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const kids = (el, name) => el ? Array.from(el.children).filter(c => c.localName === name) : [];
  const text = (el, name) => { const k = kids(el, name)[0]; return k ? k.textContent.trim() : null; };
  const alert = doc.documentElement;
  const infos = kids(alert, 'info');
  if (alert.localName !== 'alert' || infos.length === 0) throw new Error('not a CAP alert');
  const first = infos[0];
  const colour = kids(first, 'parameter').filter(p => text(p, 'valueName') === 'warningColour')
    .map(p => text(p, 'value'))[0];
  const areas = kids(first, 'area').map(a => ({
    description: text(a, 'areaDesc') || '',
    codes: kids(a, 'geocode').filter(g => text(g, 'valueName') === 'GB/T 2260').map(g => text(g, 'value')),
    polygons: kids(a, 'polygon').map(p => p.textContent.trim()),
    circles: kids(a, 'circle').map(c => c.textContent.trim()),
  }));
  return {
    status: text(alert, 'status'),
    colour: colour || Object.keys(SEVERITY).find(k => SEVERITY[k] === text(first, 'severity')) || 'yellow',
    category: text(first, 'category') || 'Met',
    urgency: text(first, 'urgency') || 'Expected',
    certainty: text(first, 'certainty') || 'Likely',
    responseTypes: kids(first, 'responseType').map(r => r.textContent.trim()),
    onset: text(first, 'onset'),
    expires: text(first, 'expires'),
    texts: infos.map(i => ({
      language: text(i, 'language') || 'en-US', event: text(i, 'event') || '', headline: text(i, 'headline') || '',
      description: text(i, 'description') || '', instruction: text(i, 'instruction') || '',
    })),
    areas,
  };
}

function blankContent() {
  const now = Date.now();
  return {
    status: 'Actual', colour: 'yellow', category: 'Met', urgency: 'Expected', certainty: 'Likely', responseTypes: [],
    onset: null, expires: new Date(now + 6 * 3600 * 1000).toISOString(),
    texts: [
      { language: 'zh-CN', event: '', headline: '', description: '', instruction: '' },
      { language: 'en', event: '', headline: '', description: '', instruction: '' },
    ],
    areas: [{ description: '', codes: [], polygons: [], circles: [] }],
  };
}

/** A refusal as the officer reads it (ctx.fail: his language, no code in front); CAP problems listed after it. */
function showError(ctx, err) {
  const problems = err && err.body && Array.isArray(err.body.capProblems) ? err.body.capProblems : [];
  if (!problems.length) { ctx.fail(err); return; }
  ctx.toast(ctx.errorText(err) + ' — ' + problems.map(p => p.message || p.code).join('; '), 'error', err.code || null);
}

/** A delivery's last error (the sender's technical text) in the officer's words; the text itself stays a tooltip. */
function deliveryErrorText(t, raw) {
  if (!raw) return '';
  let m;
  if (/WebhookTargetRefused|is refused:/.test(raw)) return t('warnings.deliveryError.targetRefused');
  if ((m = /SMS gateway answered HTTP (\d{3})/.exec(raw))) return t('warnings.deliveryError.gateway', { status: m[1] });
  if ((m = /\bHTTP (\d{3})\b/.exec(raw))) return t('warnings.deliveryError.http', { status: m[1] });
  if ((m = /^not delivered \(gateway receipt\)(?:: (.*))?$/.exec(raw))) {
    return t('warnings.deliveryError.notDelivered', { reason: m[1] ? ': ' + m[1] : '' });
  }
  if (/is not configured/.test(raw)) return t('warnings.deliveryError.notConfigured');
  if (/Connection refused|ConnectException/i.test(raw)) return t('warnings.deliveryError.refused');
  if (/Timeout|timed out/i.test(raw)) return t('warnings.deliveryError.timeout');
  if (/UnknownHost|Failed to resolve|NXDOMAIN/i.test(raw)) return t('warnings.deliveryError.unknownHost');
  if (/PrematureClose|Connection reset|closed/i.test(raw)) return t('warnings.deliveryError.closed');
  return t('warnings.deliveryError.other');
}

// picture and board (issue 18.1): a warning in force is published (not since updated or cancelled), not an
// all-clear (Cancel), and not expired (docs/warnings.md#warnings-in-force)
const IN_FORCE = 'IN_FORCE';
const inForce = w => w.state === 'PUBLISHED' && w.msgType !== 'Cancel' && (!w.expires || Date.parse(w.expires) > Date.now());

export default {
  id: 'warnings',
  titleKey: 'nav.warnings',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN', 'DEPARTMENT'],
  messages: { 'zh-CN': zh, en },

  mount(el, ctx, param) {
    const t = (k, v) => ctx.t(k, v);
    const colourOf = c => (ctx.levelColour ? ctx.levelColour(LEVEL_OF_COLOUR[c]) : null) || c;
    const fmt = iso => iso ? (ctx.fmtTime ? ctx.fmtTime(iso) : iso) : '';
    const officer = ctx.hasRole('DUTY_OFFICER', 'COMMANDER');
    const composer = ctx.hasRole('DUTY_OFFICER', 'COMMANDER', 'DEPARTMENT');
    const views = new Map();      // identifier → WarningView
    let filter = '';
    let disposed = false;
    let current = null;           // identifier shown in the detail pane
    let detailRefresh = null;     // re-reads the detail pane's warning (after an event)
    let deliveryRefresh = null;
    let mapHandle = null;
    const cleanups = [];
    const draftKey = 'hub.console.warningDraft.' + ctx.user.subject;
    const localDraft = () => {
      try {
        const d = JSON.parse(localStorage.getItem(draftKey) || 'null');
        return d && d.content && Array.isArray(d.content.texts) ? d : null;
      } catch (e) {
        console.warn('local draft unreadable, dropped', e);
        localStorage.removeItem(draftKey);
        return null;
      }
    };
    const restoreButton = h('button', { type: 'button', 'data-testid': 'warnings-draft-restore', hidden: true,
      'on:click': () => restoreDraft() }, t('warnings.draft.restore'));
    // (not while the compose form is open: what it shows is what is autosaved)
    const paintRestore = () => {
      restoreButton.hidden = !(composer && localDraft()) || !!pane.querySelector('[data-testid="warnings-compose"]');
    };
    const forgetDraft = () => { localStorage.removeItem(draftKey); paintRestore(); };
    // a revision or an Update goes back onto its warning while that still allows it; else it is a new draft
    function restoreDraft() {
      const d = localDraft();
      if (!d) return;
      const restored = { content: d.content, at: d.at };
      if (!d.of || d.mode === 'new') { compose(null, restored); return; }
      ctx.api('GET', '/api/warnings/' + encodeURIComponent(d.of)).then(v => {
        if (disposed) return;
        const fits = d.mode === 'update' ? v.state === 'PUBLISHED' : v.state === 'DRAFT' || v.state === 'REJECTED';
        compose(fits ? { mode: d.mode, of: v, content: d.content } : null, restored);
      }, err => { if (!disposed) { showError(ctx, err); compose(null, restored); } });
    }

    const stateFilter = h('select', { 'data-testid': 'warnings-state-filter', 'aria-label': t('warnings.col.state'), 'on:change': e => { filter = e.target.value; load(); } },
      h('option', { value: '' }, t('warnings.filter.all')),
      // picture and board (issue 18.1): the warnings in force (published, not a Cancel, not expired)
      h('option', { value: IN_FORCE }, t('picture.inForce')),
      options(STATES, null, s => t('warnings.state.' + s)));
    const tbody = h('tbody', { 'data-testid': 'warnings-list' });
    const pane = h('div', { class: 'warnings-pane', 'data-testid': 'warnings-pane' });
    el.append(h('section', { class: 'screen warnings', 'data-testid': 'warnings-screen' },
      h('div', { class: 'warnings-list-col' },
        h('div', { class: 'toolbar' }, h('h2', {}, t('warnings.title')), stateFilter,
          composer ? h('button', { 'data-testid': 'warnings-new', 'on:click': () => compose(null) }, t('warnings.new')) : null,
          restoreButton),
        h('table', { class: 'grid' },
          h('thead', {}, h('tr', {}, ['identifier', 'state', 'colour', 'headline', 'status', 'sent']
            .map(c => h('th', {}, t('warnings.col.' + c))))),
          tbody)),
      pane));

    function badge(view) {
      return h('span', { class: 'badge state-' + view.state, 'data-testid': 'warnings-state' }, t('warnings.state.' + view.state));
    }
    function swatch(colour) {
      return h('span', { class: 'swatch', style: { background: colourOf(colour), display: 'inline-block', width: '0.9em',
        height: '0.9em', borderRadius: '2px', marginRight: '0.3em', verticalAlign: 'middle' } });
    }

    function rowOf(view) {
      return h('tr', { 'data-testid': 'warnings-row', 'data-identifier': view.identifier, 'data-state': view.state,
        class: current === view.identifier ? 'selected' : null, style: { cursor: 'pointer' },
        'on:click': () => open(view.identifier),
        tabindex: '0', 'on:keydown': e => { if (e.key === 'Enter') open(view.identifier); } },
      h('td', {}, view.identifier), h('td', {}, badge(view)),
      h('td', {}, swatch(view.colour), t('warnings.colour.' + view.colour)),
      h('td', {}, view.headline || ''), h('td', {}, t('warnings.status.' + view.status) || view.status,
        view.msgType && view.msgType !== 'Alert' ? ' · ' + ctx.name('cap.msgType', view.msgType) : ''),
      h('td', {}, fmt(view.publishedAt || view.sent)));
    }

    function renderList() {
      const rows = Array.from(views.values()).filter(v => !filter || (filter === IN_FORCE ? inForce(v) : v.state === filter))
        .sort((a, b) => a.identifier < b.identifier ? 1 : a.identifier > b.identifier ? -1 : 0);
      tbody.replaceChildren(...(rows.length ? rows.map(rowOf)
        : [h('tr', { 'data-testid': 'warnings-empty' }, h('td', { colspan: 6 }, t('warnings.empty')))]));
    }

    function load() {
      const q = filter === IN_FORCE ? '?inForce=true'
        : filter ? '?size=200&state=' + encodeURIComponent(filter) : '?size=200';
      ctx.api('GET', '/api/warnings' + q).then(list => {
        if (disposed) return;
        if (!filter) views.clear();
        for (const v of list) views.set(v.identifier, v);
        renderList();
      }, err => showError(ctx, err));
    }

    // ---------------------------------------------------------------- detail
    // shows the warning here and puts it in the address (#/warnings/<identifier>) without a second mount
    function open(identifier) {
      showDetail(identifier);
      const hash = '#/warnings/' + encodeURIComponent(identifier);
      if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    }

    function showDetail(identifier) {
      current = identifier;
      disposeMap();
      renderList();
      const box = h('div', { class: 'warnings-detail', 'data-testid': 'warnings-detail', 'data-identifier': identifier });
      pane.replaceChildren(box);
      paintRestore(); // a form left with unsaved text: one click brings it back
      let lastState = null;
      let actionsKey = null;
      let capXml = null;
      // the CAP document verbatim (a machine format, not translated: translate="no"); the summary above is the officer's
      const capPre = h('pre', { class: 'cap', 'data-testid': 'warnings-cap', style: PRE, translate: 'no', lang: 'en' });
      const deliveries = h('div', { 'data-testid': 'warnings-deliveries' });
      const summary = h('div', {});
      const actions = h('div', { class: 'actions', 'data-testid': 'warnings-actions' });
      box.append(summary, actions, h('h3', {}, t('warnings.deliveries')), deliveries,
        h('h3', {}, t('warnings.preview.cap')), capPre);

      const loadCap = () => ctx.api('GET', '/api/warnings/' + encodeURIComponent(identifier) + '/cap', undefined,
        { accept: 'application/cap+xml' }).then(xml => {
        if (current !== identifier) return;
        capXml = typeof xml === 'string' ? xml : String(xml);
        capPre.textContent = capXml;
      }, err => showError(ctx, err));

      const render = view => {
        views.set(view.identifier, view);
        renderList();
        box.setAttribute('data-state', view.state);
        summary.replaceChildren(summaryOf(view));
        // the actions are rebuilt only when what they depend on changed: a re-read of the same state (after an
        // event, or the read on opening) keeps the review comment being typed
        const key = [view.state, view.colour, view.author].join('|');
        if (key !== actionsKey) { actionsKey = key; actions.replaceChildren(...actionsOf(view, () => capXml)); }
        if (view.state !== lastState) { lastState = view.state; loadCap(); }
      };
      detailRefresh = () => ctx.api('GET', '/api/warnings/' + encodeURIComponent(identifier))
        .then(v => { if (current === identifier && !disposed) render(v); }, err => showError(ctx, err));
      const known = views.get(identifier);
      if (known) render(known);
      detailRefresh();

      deliveryRefresh = debounce(() => {
        ctx.api('GET', '/api/deliveries/' + encodeURIComponent(identifier)).then(rows => {
          if (current === identifier && !disposed) deliveries.replaceChildren(deliveryTable(identifier, rows));
        }, err => {
          if (current !== identifier || disposed) return;
          if (err && (err.status === 404 || err.code === 'DELIVERIES_NOT_FOUND')) {
            deliveries.replaceChildren(h('p', { 'data-testid': 'warnings-deliveries-none' }, t('warnings.deliveries.none')));
          } else if (err && err.status === 403) {
            deliveries.replaceChildren();
          } else showError(ctx, err);
        });
      }, 150);
      deliveryRefresh();
    }

    function summaryOf(v) {
      const dl = h('dl', { class: 'summary', 'data-testid': 'warnings-summary' });
      const add = (k, val, testid) => { if (val === null || val === undefined || val === '') return;
        dl.append(h('dt', {}, t(k)), h('dd', testid ? { 'data-testid': testid } : {}, val)); };
      add('warnings.col.identifier', v.identifier, 'warnings-detail-identifier');
      add('warnings.col.state', badge(v), 'warnings-detail-state');
      add('warnings.col.headline', v.headline);
      add('warnings.col.status', t('warnings.status.' + v.status) || v.status);
      add('warnings.d.msgType', ctx.name('cap.msgType', v.msgType));
      add('warnings.col.colour', h('span', {}, swatch(v.colour), t('warnings.colour.' + v.colour), ' · ', ctx.name('cap.severity', v.severity)));
      add('warnings.d.languages', (v.languages || []).join(', '));
      add('warnings.d.cities', (v.cityCodes || []).map(c => areaName(c, ctx.lang) + ' ' + c).join(', '));
      add('warnings.d.counties', (v.countyCodes || []).map(c => areaName(c, ctx.lang)).join(', '));
      add('warnings.d.author', v.author);
      add('warnings.d.sender', v.sender);
      add('warnings.col.sent', fmt(v.sent));
      add('warnings.d.expires', fmt(v.expires));
      add('warnings.d.publishedAt', fmt(v.publishedAt));
      // the Update / Cancel chain: each end opens the other warning
      const link = (id, testid) => id ? h('a', { href: '#/warnings/' + encodeURIComponent(id), 'data-testid': testid,
        'data-identifier': id, 'on:click': e => { e.preventDefault(); open(id); } }, id) : null;
      add('warnings.d.replaces', link(v.replaces, 'warnings-detail-replaces'));
      add('warnings.d.endedBy', link(v.endedBy, 'warnings-detail-ended-by'));
      if (v.reviews && v.reviews.length) {
        add('warnings.d.reviews', h('ul', { 'data-testid': 'warnings-reviews' }, v.reviews.map(r => h('li', {},
          r.reviewer, ' ', t(r.approved ? 'warnings.d.approved' : 'warnings.d.rejected'), r.comment ? ': ' + r.comment : '',
          ' (', fmt(r.at), ')'))));
      }
      if (['PUBLISHED', 'UPDATED', 'CANCELLED', 'EXPIRED'].includes(v.state)) {
        add('warnings.d.publicCap', h('a', { href: '/api/public/warnings/' + encodeURIComponent(v.identifier) + '.cap',
          target: '_blank', 'data-testid': 'warnings-public-cap' }, v.identifier + '.cap'));
        add('warnings.d.feed', h('a', { href: '/api/public/warnings.atom', target: '_blank',
          'data-testid': 'warnings-feed-link' }, 'warnings.atom'));
      }
      return dl;
    }

    function step(view, action, body, labelKey) {
      return ctx.api('POST', '/api/warnings/' + encodeURIComponent(view.identifier) + '/' + action, body).then(v => {
        ctx.toast(t('warnings.a.done', { action: t(labelKey), id: v.identifier }), 'info');
        if (v.identifier !== view.identifier) {
          views.set(v.identifier, v);
          open(v.identifier);
        } else if (current === v.identifier) detailRefresh();
        return v;
      }, err => { showError(ctx, err); throw err; });
    }

    function actionsOf(v, cap) {
      const out = [];
      const mine = authorIs(v, ctx.user);
      const button = (testid, key, onClick) => h('button', { 'data-testid': testid, 'on:click': onClick }, t(key));
      if ((v.state === 'DRAFT' || v.state === 'REJECTED') && mine && composer) {
        out.push(button('warnings-edit', 'warnings.a.edit', () => {
          const xml = cap();
          if (!xml) return;
          try { compose({ mode: 'revise', of: v, content: contentFromCap(xml) }); } catch (e) { showError(ctx, e); }
        }));
      }
      if (v.state === 'DRAFT' && mine && composer) {
        out.push(button('warnings-submit', 'warnings.a.submit', () => step(v, 'submit', undefined, 'warnings.a.submit').catch(() => {})));
      }
      if (v.state === 'SUBMITTED' && officer) {
        const grave = v.colour === 'red' || v.colour === 'orange';
        if (mine) out.push(h('p', { class: 'hint', 'data-testid': 'warnings-review-refused' }, t('warnings.review.own')));
        else if (grave && !ctx.hasRole('COMMANDER')) {
          out.push(h('p', { class: 'hint', 'data-testid': 'warnings-review-refused' }, t('warnings.review.commander')));
        } else {
          const comment = h('input', { type: 'text', 'data-testid': 'warnings-review-comment', placeholder: t('warnings.a.comment'), 'aria-label': t('warnings.a.comment') });
          out.push(comment,
            button('warnings-approve', 'warnings.a.approve', () => step(v, 'approve',
              comment.value.trim() ? { comment: comment.value.trim() } : {}, 'warnings.a.approve').catch(() => {})),
            button('warnings-reject', 'warnings.a.reject', () => step(v, 'reject', { comment: comment.value },
              'warnings.a.reject').catch(() => {})));
        }
      }
      if (v.state === 'APPROVED' && officer) {
        // publishing asks first, showing whom the warning reaches (docs/web-console.md#warnings-screen)
        out.push(button('warnings-publish', 'warnings.a.publish', () => confirmPublish(v).then(ok => (ok
          ? step(v, 'publish', undefined, 'warnings.a.publish') : null)).catch(() => {})));
      }
      if (v.state === 'PUBLISHED' && officer) {
        out.push(button('warnings-update', 'warnings.a.update', () => {
          const xml = cap();
          if (!xml) return;
          try { compose({ mode: 'update', of: v, content: contentFromCap(xml) }); } catch (e) { showError(ctx, e); }
        }));
        out.push(button('warnings-cancel', 'warnings.a.cancel', () => {
          if (window.confirm(t('warnings.a.confirmCancel'))) step(v, 'cancel', undefined, 'warnings.a.cancel').catch(() => {});
        }));
      }
      return out;
    }

    // ---------------------------------------------------------------- publish confirmation
    // a modal <dialog>: focus starts on Cancel, Tab stays inside, Escape cancels; it answers whether to publish
    function confirmPublish(v) {
      return new Promise(resolve => {
        const body = h('div', { 'data-testid': 'warnings-confirm-body' }, h('p', {}, t('warnings.confirm.loading')));
        const cancel = h('button', { type: 'button', 'data-testid': 'warnings-confirm-cancel' }, t('warnings.confirm.cancel'));
        const publish = h('button', { type: 'button', class: 'primary', 'data-testid': 'warnings-confirm-publish', disabled: true },
          t('warnings.confirm.publish'));
        const dialog = h('dialog', { class: 'warnings-confirm', 'data-testid': 'warnings-confirm', 'data-identifier': v.identifier,
          'aria-labelledby': 'warnings-confirm-title' },
        h('h2', { id: 'warnings-confirm-title' }, t('warnings.confirm.title')),
        h('p', {}, swatch(v.colour), t('warnings.colour.' + v.colour), ' · ', t('warnings.status.' + v.status) || v.status,
          ' · ', v.headline || v.identifier),
        body,
        h('div', { class: 'warnings-confirm-actions' }, cancel, publish));
        let answered = false;
        const answer = yes => {
          if (answered) return;
          answered = true;
          if (dialog.open) dialog.close();
          dialog.remove();
          resolve(yes);
        };
        cancel.addEventListener('click', () => answer(false));
        publish.addEventListener('click', () => answer(true));
        dialog.addEventListener('cancel', e => { e.preventDefault(); answer(false); });
        dialog.addEventListener('close', () => answer(false));
        el.append(dialog);
        dialog.showModal();
        cancel.focus();
        ctx.api('GET', '/api/warnings/' + encodeURIComponent(v.identifier) + '/reach').then(reach => {
          if (answered) return;
          body.replaceChildren(...reachView(reach));
          if (!reach.coveredCounties.length) publish.textContent = t('warnings.confirm.publishAnyway');
          publish.disabled = false;
          dialog.dataset.ready = 'true';
        }, err => {
          if (answered) return;
          body.replaceChildren(h('p', { class: 'warnings-confirm-uncovered', role: 'alert', 'data-testid': 'warnings-confirm-error' },
            t('warnings.confirm.reachFailed', { error: ctx.errorText(err) })));
          publish.textContent = t('warnings.confirm.publishAnyway');
          publish.disabled = false;
          dialog.dataset.ready = 'true';
        });
      });
    }

    function reachView(r) {
      const names = codes => codes.map(c => areaName(c, ctx.lang)).join('、');
      const number = n => new Intl.NumberFormat(ctx.lang).format(n);
      const out = [
        h('p', { class: 'warnings-confirm-audience', 'data-testid': 'warnings-confirm-audience', 'data-audience': r.audience },
          r.audience === 'REAL' ? t('warnings.confirm.real')
            : t('warnings.confirm.exercise', { status: t('warnings.status.' + r.status) || r.status })),
        h('h3', {}, t('warnings.confirm.areas')),
        h('p', { 'data-testid': 'warnings-confirm-areas', 'data-codes': r.countyCodes.join(' ') }, names(r.countyCodes)),
      ];
      if (r.uncoveredCounties.length) {
        out.push(h('div', { class: 'warnings-confirm-uncovered', role: 'alert', 'data-testid': 'warnings-confirm-uncovered',
          'data-codes': r.uncoveredCounties.join(' '), 'data-nothing': r.coveredCounties.length ? 'false' : 'true' },
        r.coveredCounties.length ? t('warnings.confirm.uncovered', { areas: names(r.uncoveredCounties) }) : t('warnings.confirm.nothing')));
      }
      out.push(h('h3', {}, t('warnings.confirm.channels')));
      if (!r.channels.length) {
        out.push(h('p', { 'data-testid': 'warnings-confirm-no-channels' }, t('warnings.confirm.noChannels')));
        return out;
      }
      out.push(h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ['channel', 'subscriptions', 'receivers', 'recipients'].map(c => h('th', {}, t('warnings.confirm.col.' + c))))),
        h('tbody', {}, r.channels.map(c => h('tr', { 'data-testid': 'warnings-confirm-channel', 'data-channel': c.channel,
          'data-subscriptions': c.subscriptions, 'data-receivers': c.receivers === null ? '' : c.receivers },
        h('td', {}, ctx.name('channel', c.channel)),
        h('td', {}, c.channel === 'MQTT' ? t('warnings.confirm.topics', { n: c.topics.length }) : c.channel === 'ATOM' ? '—' : number(c.subscriptions)),
        h('td', { 'data-testid': 'warnings-confirm-receivers' }, c.receivers === null ? t('warnings.confirm.unknown')
          : [t('warnings.confirm.receivers', { n: number(c.receivers) }),
            c.declared < c.subscriptions ? h('div', { class: 'hint' }, t('warnings.confirm.declared', { declared: c.declared, total: c.subscriptions })) : null]),
        h('td', {}, c.channel === 'ATOM' ? t('warnings.confirm.feed') : c.channel === 'MQTT' ? c.topics.join(', ')
          : c.recipients.map(x => x.name).join('、')))))));
      return out;
    }

    function deliveryTable(identifier, rows) {
      const byChannel = {};
      for (const r of rows) {
        byChannel[r.channel] = byChannel[r.channel] || {};
        byChannel[r.channel][r.state] = (byChannel[r.channel][r.state] || 0) + 1;
      }
      const counts = h('ul', { class: 'channel-counts', 'data-testid': 'warnings-delivery-summary' },
        Object.entries(byChannel).map(([ch, states]) => h('li', { 'data-testid': 'warnings-delivery-channel', 'data-channel': ch },
          h('strong', {}, ctx.name('channel', ch)), ': ',
          Object.entries(states).map(([s, n]) => ctx.name('delivery', s) + ' ' + n).join(', '))));
      // named by subscription (an MQTT delivery by its topic); the technical error text stays as the cell's tooltip
      const table = h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ['channel', 'recipient', 'state', 'attempts', 'lastError', 'updatedAt']
          .map(c => h('th', {}, t('warnings.deliveries.' + c))))),
        h('tbody', {}, rows.map(r => h('tr', { 'data-testid': 'warnings-delivery-row', 'data-channel': r.channel,
          'data-state': r.state, 'data-message-id': r.messageId, 'data-recipient': r.recipient },
        h('td', {}, ctx.name('channel', r.channel)),
        h('td', { 'data-testid': 'warnings-delivery-recipient', title: r.recipient },
          r.recipientName || (r.channel === 'MQTT' ? r.recipient : t('warnings.deliveries.removed'))),
        h('td', { class: 'state-' + r.state }, ctx.name('delivery', r.state)),
        h('td', {}, r.attempts),
        h('td', { 'data-testid': 'warnings-delivery-error', title: r.lastError || null, 'data-error': r.lastError || null },
          deliveryErrorText(t, r.lastError)),
        h('td', {}, fmt(r.updatedAt))))));
      const failed = rows.some(r => r.state === 'FAILED');
      return h('div', {}, counts, table, failed && officer ? h('button', { 'data-testid': 'warnings-republish',
        'on:click': () => ctx.api('POST', '/api/deliveries/' + encodeURIComponent(identifier) + '/republish').then(
          a => { ctx.toast(t('warnings.deliveries.reset', { n: a.reset }), 'info'); deliveryRefresh && deliveryRefresh(); },
          err => showError(ctx, err)) }, t('warnings.deliveries.republish')) : null);
    }

    // ---------------------------------------------------------------- compose
    // spec: null (new), or {mode: 'revise'|'update', of: WarningView, content}
    // spec: null (new), or {mode: 'revise'|'update', of: WarningView, content}; restored: {content, at} typed earlier
    // on this computer and autosaved (docs/web-console.md#warnings-screen, "Drafts autosaved")
    function compose(spec, restored = null) {
      current = null;
      detailRefresh = null;
      deliveryRefresh = null;
      disposeMap();
      renderList();
      const content = restored ? restored.content : spec ? spec.content : blankContent();
      let touched = false; // autosaved only once the officer changed something
      let touch = () => { touched = true; };
      const autosaved = h('span', { class: 'hint', 'data-testid': 'warnings-draft-autosaved' });
      const restoredNote = restored ? h('p', { class: 'warnings-draft-note', 'data-testid': 'warnings-draft-restored' },
        t('warnings.draft.restored', { time: fmt(restored.at) }), ' ',
        h('button', { type: 'button', 'data-testid': 'warnings-draft-discard', 'on:click': () => {
          forgetDraft(); disposeMap(); pane.replaceChildren(); } }, t('warnings.draft.discard'))) : null;
      const f = {};
      let paintMapImpl = null; // set once the map is there
      const paintMap = () => { if (paintMapImpl) paintMapImpl(); };
      const sel = (testid, values, value, label) => h('select', { 'data-testid': testid }, options(values, value, label));
      f.status = sel('warnings-compose-status', STATUSES, content.status, s => t('warnings.status.' + s));
      const severity = h('span', { 'data-testid': 'warnings-compose-severity' });
      const colourSwatch = h('span', {});
      f.colour = sel('warnings-compose-colour', COLOURS, content.colour, c => t('warnings.colour.' + c));
      const showSeverity = () => {
        severity.textContent = ctx.name('cap.severity', SEVERITY[f.colour.value]);
        colourSwatch.replaceChildren(swatch(f.colour.value));
        paintMap();
      };
      f.colour.addEventListener('change', showSeverity);
      f.category = sel('warnings-compose-category', CATEGORIES, content.category, c => ctx.name('cap.category', c));
      f.urgency = sel('warnings-compose-urgency', URGENCIES, content.urgency, u => ctx.name('cap.urgency', u));
      f.certainty = sel('warnings-compose-certainty', CERTAINTIES, content.certainty, c => ctx.name('cap.certainty', c));
      const responseBoxes = RESPONSE_TYPES.map(r => h('label', {}, h('input', { type: 'checkbox', value: r,
        'data-testid': 'warnings-compose-response-' + r, checked: (content.responseTypes || []).includes(r) }), ctx.name('cap.responseType', r)));
      f.onset = h('input', { type: 'datetime-local', 'data-testid': 'warnings-compose-onset',
        value: content.onset ? chinaLocal(content.onset) : '' });
      f.expires = h('input', { type: 'datetime-local', 'data-testid': 'warnings-compose-expires',
        value: content.expires ? chinaLocal(content.expires) : '' });

      // languages: one block per info
      const langBox = h('div', { class: 'languages', 'data-testid': 'warnings-compose-languages' });
      const langBlocks = [];
      const addLanguage = text => {
        const block = { language: h('input', { type: 'text', value: text.language, size: 6,
          'data-testid': 'warnings-compose-language', 'aria-label': t('warnings.f.language') }) };
        const lang = text.language;
        const field = (name, multi) => {
          const attrs = { 'data-testid': 'warnings-compose-' + lang + '-' + name, value: text[name] || '' };
          block[name] = multi ? h('textarea', Object.assign({ rows: 3 }, attrs)) : h('input', Object.assign({ type: 'text' }, attrs));
          return h('label', { class: 'field' }, h('span', {}, t('warnings.f.' + name)), block[name]);
        };
        const node = h('fieldset', { class: 'language', 'data-testid': 'warnings-compose-language-block', 'data-language': lang },
          h('legend', {}, t('warnings.f.language'), ' ', block.language,
            h('button', { type: 'button', 'data-testid': 'warnings-compose-remove-language', 'on:click': () => {
              langBlocks.splice(langBlocks.indexOf(block), 1); node.remove(); touch(); } }, t('warnings.f.removeLanguage'))),
          field('event'), field('headline'), field('description', true), field('instruction', true));
        langBlocks.push(block);
        langBox.append(node);
      };
      content.texts.forEach(addLanguage);
      const newLang = h('input', { type: 'text', size: 6, placeholder: 'zh-TW', 'data-testid': 'warnings-compose-new-language', 'aria-label': t('warnings.f.language') });

      // area: codes picked by city/county selector (and the map, when there is one), polygons, circles
      const codes = new Set(content.areas.flatMap(a => a.codes || []));
      const chips = h('span', { 'data-testid': 'warnings-area-codes' });
      const areaDesc = h('input', { type: 'text', size: 40, 'data-testid': 'warnings-compose-area-desc',
        value: content.areas.map(a => a.description).filter(Boolean).join('; ') });
      let descTouched = !!areaDesc.value;
      areaDesc.addEventListener('input', () => { descTouched = true; });
      const describe = () => {
        if (descTouched) return;
        areaDesc.value = Array.from(codes).map(c => areaName(c, 'zh-CN') + (ctx.lang === 'en' ? ' ' + areaName(c, 'en') : '')).join('、');
      };
      const renderChips = () => {
        chips.replaceChildren(...Array.from(codes).map(c => h('span', { class: 'chip', 'data-testid': 'warnings-area-code', 'data-code': c },
          areaName(c, ctx.lang), ' ', c, ' ', h('button', { type: 'button', 'data-testid': 'warnings-area-remove', 'on:click': () => {
            codes.delete(c); renderChips(); describe(); paintMap(); touch(); } }, '×'))));
      };
      const addCode = c => { if (!c) return; codes.add(c); renderChips(); describe(); paintMap(); touch(); };
      const citySel = h('select', { 'data-testid': 'warnings-area-city' },
        h('option', { value: PROVINCE.code }, t('warnings.area.wholeProvince')),
        PLATFORMS.map(p => h('option', { value: p.code, selected: p.code === '350100' }, (ctx.lang === 'en' ? p.en : p.zh) + ' ' + p.code)));
      const countySel = h('select', { 'data-testid': 'warnings-area-county' });
      const fillCounties = () => {
        const city = citySel.value;
        countySel.replaceChildren(h('option', { value: '' }, city === PROVINCE.code ? t('warnings.area.wholeProvince') : t('warnings.area.wholeCity')),
          ...(city === PROVINCE.code ? [] : countiesOf(city)).map(c => h('option', { value: c.code }, (ctx.lang === 'en' ? c.en : c.zh) + ' ' + c.code)));
      };
      citySel.addEventListener('change', fillCounties);
      fillCounties();
      const addArea = h('button', { type: 'button', 'data-testid': 'warnings-area-add',
        'on:click': () => addCode(countySel.value || citySel.value) }, t('warnings.area.add'));
      const polygons = h('textarea', { rows: 2, cols: 50, 'data-testid': 'warnings-compose-polygons',
        value: content.areas.flatMap(a => a.polygons || []).join('\n') });
      const circles = h('textarea', { rows: 2, cols: 50, 'data-testid': 'warnings-compose-circles',
        value: content.areas.flatMap(a => a.circles || []).join('\n') });
      const mapBox = h('div', { class: 'warnings-map', 'data-testid': 'warnings-map', style: { height: '320px' } });
      const mapNote = h('p', { class: 'hint', 'data-testid': 'warnings-map-note' });
      renderChips();

      const preview = h('div', { class: 'preview', 'data-testid': 'warnings-preview' });
      let saved = spec && spec.mode === 'revise' ? spec.of : null; // the draft this form writes to
      let savedBody = null; // JSON of what was last saved from this form: submit saves only when it changed

      const collect = () => ({
        status: f.status.value, colour: f.colour.value, category: f.category.value, urgency: f.urgency.value,
        certainty: f.certainty.value,
        responseTypes: responseBoxes.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value),
        onset: localToChina(f.onset.value), expires: localToChina(f.expires.value),
        texts: langBlocks.map(b => ({ language: b.language.value.trim(), event: b.event.value.trim(),
          headline: b.headline.value.trim(), description: b.description.value.trim(),
          instruction: b.instruction.value.trim() || null })),
        areas: [{ description: areaDesc.value.trim() || Array.from(codes).join(' '), codes: Array.from(codes),
          polygons: polygons.value.split('\n').map(s => s.trim()).filter(Boolean),
          circles: circles.value.split('\n').map(s => s.trim()).filter(Boolean) }],
      });

      const save = () => {
        const body = collect();
        let call;
        if (saved) call = ctx.api('PUT', '/api/warnings/' + encodeURIComponent(saved.identifier), body);
        else if (spec && spec.mode === 'update') call = ctx.api('POST', '/api/warnings/' + encodeURIComponent(spec.of.identifier) + '/update', body);
        else call = ctx.api('POST', '/api/warnings', body);
        return call.then(v => {
          saved = v;
          savedBody = JSON.stringify(body);
          // on the hub now: the local copy goes, unless more was typed meanwhile
          if (JSON.stringify(collect()) === savedBody) forgetDraft();
          views.set(v.identifier, v);
          renderList();
          title.textContent = t('warnings.compose.reviseOf', { id: v.identifier });
          ctx.toast(t('warnings.saved', { id: v.identifier }), 'info');
          return ctx.api('GET', '/api/warnings/' + encodeURIComponent(v.identifier) + '/cap', undefined,
            { accept: 'application/cap+xml' }).then(xml => { showPreview(v, String(xml)); return v; });
        }, err => { showError(ctx, err); throw err; });
      };

      const showPreview = (v, xml) => {
        let readable;
        try {
          const c = contentFromCap(xml);
          readable = h('div', { 'data-testid': 'warnings-preview-summary' },
            h('p', {}, swatch(c.colour), t('warnings.colour.' + c.colour), ' · ', ctx.name('cap.severity', SEVERITY[c.colour]), ' · ', ctx.name('cap.urgency', c.urgency), ' · ',
              ctx.name('cap.certainty', c.certainty), ' · ', t('warnings.status.' + c.status) || c.status),
            h('p', {}, t('warnings.f.onset'), ': ', c.onset ? fmt(c.onset) : t('warnings.f.effectiveNote'), ' — ',
              t('warnings.f.expires'), ': ', fmt(c.expires)),
            c.texts.map(x => h('div', { class: 'preview-info', 'data-testid': 'warnings-preview-info', 'data-language': x.language },
              h('h4', {}, '[', x.language, '] ', x.headline), h('p', {}, x.event), h('p', {}, x.description),
              x.instruction ? h('p', {}, x.instruction) : null)),
            c.areas.map(a => h('p', {}, a.description, ' (', a.codes.join(', '), ')')),
            h('p', {}, t('warnings.d.cities'), ': ', (v.cityCodes || []).map(c2 => areaName(c2, ctx.lang)).join(', '), ' · ',
              t('warnings.d.counties'), ': ', (v.countyCodes || []).length));
        } catch (e) {
          readable = h('p', {}, String(e.message || e));
        }
        preview.replaceChildren(h('h3', {}, t('warnings.preview')), h('h4', {}, t('warnings.preview.summary')), readable,
          h('h4', {}, t('warnings.preview.cap')), h('pre', { class: 'cap', 'data-testid': 'warnings-preview-cap', style: PRE, translate: 'no', lang: 'en' }, xml));
      };

      const title = h('h3', {}, spec && spec.mode === 'update' ? t('warnings.compose.updateOf', { id: spec.of.identifier })
        : spec ? t('warnings.compose.reviseOf', { id: spec.of.identifier }) : t('warnings.compose.title'));
      // revising a rejected warning: the reviewer's comment stays in sight
      const lastReview = spec && spec.of && spec.of.reviews && spec.of.reviews.length
        ? spec.of.reviews[spec.of.reviews.length - 1] : null;
      const rejection = spec && spec.mode === 'revise' && spec.of.state === 'REJECTED' && lastReview && !lastReview.approved
        ? h('p', { class: 'hint', 'data-testid': 'warnings-compose-rejection' },
          t('warnings.compose.rejectedBy', { reviewer: lastReview.reviewer, comment: lastReview.comment || '' })) : null;
      const lf = (key, input, extra) => h('label', { class: 'field' }, h('span', {}, t(key)), input, extra || null);
      const form = h('form', { class: 'warnings-compose', 'data-testid': 'warnings-compose', 'on:submit': e => e.preventDefault() },
        title, rejection, restoredNote,
        h('div', { class: 'row' }, lf('warnings.f.status', f.status), lf('warnings.f.colour', f.colour, colourSwatch),
          lf('warnings.f.severity', severity), lf('warnings.f.category', f.category),
          lf('warnings.f.urgency', f.urgency), lf('warnings.f.certainty', f.certainty)),
        h('div', { class: 'row' }, lf('warnings.f.effective', h('span', {}, t('warnings.f.effectiveNote'))),
          lf('warnings.f.onset', f.onset), lf('warnings.f.expires', f.expires)),
        h('div', { class: 'row' }, h('span', {}, t('warnings.f.responseTypes'), ': '), responseBoxes),
        langBox,
        h('div', { class: 'row' }, newLang, h('button', { type: 'button', 'data-testid': 'warnings-compose-add-language',
          'on:click': () => { const l = newLang.value.trim(); if (l) { addLanguage({ language: l }); newLang.value = ''; touch(); } } },
        t('warnings.f.addLanguage'))),
        h('fieldset', { class: 'area' }, h('legend', {}, t('warnings.area.title')),
          h('div', { class: 'row' }, lf('warnings.area.city', citySel), lf('warnings.area.county', countySel), addArea),
          h('div', { class: 'row' }, h('span', {}, t('warnings.area.codes'), ': '), chips),
          lf('warnings.area.description', areaDesc),
          mapNote, mapBox,
          lf('warnings.area.polygons', polygons), lf('warnings.area.circles', circles)),
        h('div', { class: 'actions' },
          h('button', { type: 'button', 'data-testid': 'warnings-compose-save', 'on:click': () => save().catch(() => {}) }, t('warnings.save')),
          h('button', { type: 'button', 'data-testid': 'warnings-compose-submit', 'on:click': () => (
            saved && saved.state === 'DRAFT' && savedBody === JSON.stringify(collect()) ? Promise.resolve(saved) : save()).then(v =>
            ctx.api('POST', '/api/warnings/' + encodeURIComponent(v.identifier) + '/submit').then(s => {
              views.set(s.identifier, s);
              ctx.toast(t('warnings.submitted', { id: s.identifier }), 'info');
              forgetDraft();
              open(s.identifier);
            }, err => showError(ctx, err)), () => { /* save showed its error */ }) }, t('warnings.submit')),
          autosaved,
          h('button', { type: 'button', 'data-testid': 'warnings-compose-close', 'on:click': () => {
            forgetDraft();
            disposeMap(); pane.replaceChildren(); } }, t('warnings.cancelEdit'))),
        preview);
      pane.replaceChildren(form);
      // autosave: what is typed goes to localStorage (per officer) as it is typed, until saved on the hub or closed
      const autosave = debounce(() => {
        if (!touched || disposed || !form.isConnected) return;
        const at = new Date().toISOString();
        try {
          localStorage.setItem(draftKey, JSON.stringify({ at, content: collect(),
            mode: saved ? 'revise' : spec ? spec.mode : 'new',
            of: saved ? saved.identifier : spec && spec.of ? spec.of.identifier : null }));
          autosaved.textContent = t('warnings.draft.autosaved', { time: fmt(at) });
          autosaved.dataset.at = at;
          paintRestore();
        } catch (e) {
          console.warn('autosave failed', e);
        }
      }, 300);
      touch = () => { touched = true; autosave(); };
      form.addEventListener('input', touch);
      form.addEventListener('change', touch);
      if (restored) touched = true;
      showSeverity();

      // the map picker, when js/map.js is there (else the code picker above is all there is)
      import('../map.js').then(mod => {
        if (disposed || !form.isConnected || typeof mod.createMap !== 'function') throw new Error('no map');
        return mod.createMap(mapBox, ctx, { pick: 'county' });
      }).then(m => {
        if (disposed || !form.isConnected) { m.dispose(); return; }
        mapHandle = m;
        mapNote.textContent = t('warnings.area.mapHint');
        m.onPick(p => { if (p && p.code) addCode(p.code); });
        paintMapImpl = () => m.setLayer('warning-area', Array.from(codes).map(c => ({ id: c, areaCode: c, colour: colourOf(f.colour.value) })));
        paintMap();
      }).catch(() => {
        mapBox.remove();
        mapNote.textContent = t('warnings.area.noMap');
      });
    }

    function disposeMap() {
      if (mapHandle) { try { mapHandle.dispose(); } catch (e) { console.warn('map dispose', e); } mapHandle = null; }
    }

    // ---------------------------------------------------------------- live
    cleanups.push(ctx.events.on('warning.', ev => {
      const v = ev.data && ev.data.warning;
      if (!v) return;
      views.set(v.identifier, v);
      renderList();
      if (current === v.identifier && detailRefresh) detailRefresh();
      if (current === v.identifier && deliveryRefresh && ev.type === 'warning.published') deliveryRefresh();
    }));
    cleanups.push(ctx.events.on('delivery.', ev => {
      const id = (ev.data && ev.data.identifier) || ev.subjectId;
      if (id && id === current && deliveryRefresh) deliveryRefresh();
    }));

    load();
    if (param && param !== 'new') showDetail(decodeURIComponent(param));
    else if (param === 'new' && composer) compose(null);
    // what this officer typed before a reload or a new sign-in comes back (a named warning shown: one click away)
    if (composer && localDraft() && (!param || param === 'new')) restoreDraft();
    paintRestore();

    return () => {
      disposed = true;
      disposeMap();
      for (const off of cleanups) { try { off(); } catch (e) { console.warn('unsubscribe', e); } }
    };
  },
};

function debounce(fn, ms) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
