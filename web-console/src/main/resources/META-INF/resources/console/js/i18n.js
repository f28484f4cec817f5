/**
 * The console's two languages, zh-CN and en. The shell's strings are here; each screen brings its own
 * (`messages` of the screen module), merged in by {@link addMessages}. The choice is remembered in localStorage.
 */

export const LANGUAGES = ['zh-CN', 'en'];

const STORAGE_KEY = 'hub.console.lang';

const dictionary = {
  'zh-CN': {
    'app.title': '福建省应急指挥平台',
    'signin.title': '值班人员登录',
    'signin.username': '用户名',
    'signin.password': '密码',
    'signin.submit': '登录',
    'signin.failed': '登录失败',
    'shell.signout': '退出',
    'shell.lang': '语言',
    'stream.live': '实时',
    'stream.reconnecting': '重新连接中',
    'stream.offline': '离线',
    'session.ended': '会话已结束，请重新登录',
    'screen.none': '没有可用的页面',
    'screen.unknown': '未知页面：{id}',
    'nav.board': '事件看板',
    'role.DUTY_OFFICER': '值班员',
    'role.COMMANDER': '指挥员',
    'role.ADMIN': '管理员',
    'city.350100': '福州市',
    'city.350128': '平潭综合实验区',
    'city.350200': '厦门市',
    'city.350300': '莆田市',
    'city.350400': '三明市',
    'city.350500': '泉州市',
    'city.350600': '漳州市',
    'city.350700': '南平市',
    'city.350800': '龙岩市',
    'city.350900': '宁德市',
    'level.I': 'Ⅰ级（特别重大）',
    'level.II': 'Ⅱ级（重大）',
    'level.III': 'Ⅲ级（较大）',
    'level.IV': 'Ⅳ级（一般）',
    'status.REPORTED': '已上报',
    'status.VERIFIED': '已核实',
    'status.RESPONDING': '处置中',
    'status.CONTAINED': '已控制',
    'status.CLOSED': '已关闭',
    'status.MERGED': '已合并',
    'status.DISMISSED': '已驳回',
    // drills (issue 18.8)
    'drills.confirm.title': '确认开始演练？',
    'drills.confirm.peak': '预计峰值：每秒 {rate} 条事件报告',
    'drills.confirm.peakWhen': '（场景第 {minute} 分钟，{phase} 阶段）',
    'drills.confirm.length': '实际用时约 {minutes} 分钟（场景 {scenarioMinutes} 分钟，时间压缩 {timeScale} 倍，报告量倍数 {rateMultiplier}），共 {reports} 条事件报告',
    'drills.confirm.steps': '指令 {orders} 条（{targets} 个目标），平台预警 {warnings} 条，部门预警 {alerts} 条，物资申请 {supplies} 条',
    'drills.confirm.exercise': '演练发送的一切均标记为演练；演练预警只送达接收演练的订阅，不会发给公众。',
    'drills.confirm.start': '开始演练',
    'drills.confirm.cancel': '取消',
    'drills.confirm.needsCommander': '此场景会发布预警，只有指挥员可以开始。',
  },
  en: {
    'app.title': 'Fujian Emergency Command Hub',
    'signin.title': 'Duty officer sign-in',
    'signin.username': 'Username',
    'signin.password': 'Password',
    'signin.submit': 'Sign in',
    'signin.failed': 'Sign-in failed',
    'shell.signout': 'Sign out',
    'shell.lang': 'Language',
    'stream.live': 'live',
    'stream.reconnecting': 'reconnecting',
    'stream.offline': 'offline',
    'session.ended': 'Session ended, please sign in again',
    'screen.none': 'No screen available',
    'screen.unknown': 'Unknown screen: {id}',
    'nav.board': 'Incident board',
    'role.DUTY_OFFICER': 'Duty officer',
    'role.COMMANDER': 'Commander',
    'role.ADMIN': 'Administrator',
    'city.350100': 'Fuzhou',
    'city.350128': 'Pingtan',
    'city.350200': 'Xiamen',
    'city.350300': 'Putian',
    'city.350400': 'Sanming',
    'city.350500': 'Quanzhou',
    'city.350600': 'Zhangzhou',
    'city.350700': 'Nanping',
    'city.350800': 'Longyan',
    'city.350900': 'Ningde',
    'level.I': 'Level I (extraordinary)',
    'level.II': 'Level II (major)',
    'level.III': 'Level III (large)',
    'level.IV': 'Level IV (general)',
    'status.REPORTED': 'Reported',
    'status.VERIFIED': 'Verified',
    'status.RESPONDING': 'Responding',
    'status.CONTAINED': 'Contained',
    'status.CLOSED': 'Closed',
    'status.MERGED': 'Merged',
    'status.DISMISSED': 'Dismissed',
    // drills (issue 18.8)
    'drills.confirm.title': 'Start this drill?',
    'drills.confirm.peak': 'Expected peak: {rate} incident reports per second',
    'drills.confirm.peakWhen': '(scenario minute {minute}, phase {phase})',
    'drills.confirm.length': 'About {minutes} min on the wall clock ({scenarioMinutes} scenario minutes at time-scale {timeScale}, rate multiplier {rateMultiplier}), {reports} incident reports in all',
    'drills.confirm.steps': '{orders} command orders to {targets} targets, {warnings} hub warnings, {alerts} department alerts, {supplies} supply requests',
    'drills.confirm.exercise': 'Everything it sends is flagged exercise; its warnings go only to subscriptions for exercises, never to the public.',
    'drills.confirm.start': 'Start the drill',
    'drills.confirm.cancel': 'Cancel',
    'drills.confirm.needsCommander': 'This scenario publishes warnings: only a commander may start it.',
  },
};

/** The ten platform codes, in the order of docs/areas.md. */
export const CITY_CODES = ['350100', '350128', '350200', '350300', '350400', '350500', '350600', '350700',
  '350800', '350900'];

let current = initialLanguage();

function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function lang() {
  return current;
}

export function setLang(value) {
  if (!LANGUAGES.includes(value)) throw new RangeError('unknown language ' + value);
  current = value;
  localStorage.setItem(STORAGE_KEY, value);
  document.documentElement.lang = value;
}

/** Merges a screen's `messages` ({'zh-CN': {...}, en: {...}}) into the dictionary. */
export function addMessages(messages) {
  if (!messages) return;
  for (const l of LANGUAGES) Object.assign(dictionary[l], messages[l] || {});
}

/** Looks a key up in the current language (then the other one, then the key itself); `{name}` → vars.name. */
export function t(key, vars) {
  let text = dictionary[current][key];
  if (text === undefined) {
    const other = LANGUAGES.find(l => l !== current);
    text = dictionary[other][key];
  }
  if (text === undefined) text = key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] !== undefined ? String(vars[name]) : m));
  return text;
}
