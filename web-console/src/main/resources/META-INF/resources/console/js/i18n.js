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
    // alarms (issue 18.2)
    'alarm.banner': '告警',
    'alarm.province': '全省',
    'alarm.incident': '{level}事件 · {city} · {title}',
    'alarm.overdue': '指令 {order} 逾期未回执 · {city}',
    'alarm.delivery': '预警 {warning} 发布失败 · {channel}',
    'alarm.offline': '{city}平台离线',
    'alarm.acknowledge': '确认',
    'alarm.acknowledgedBy': '告警已确认：{by}，{at}',
    'alarm.ackFailed': '告警确认失败：',
    'alarm.show': '查看',
    'alarm.more': '另有 {n} 条',
    'alarm.fewer': '收起',
    'alarm.counter': '告警 {n}',
    'alarm.none': '无告警',
    'alarm.counterLabel': '未确认告警 {n} 条',
    'alarm.title': '（{n}）告警 · {title}',
    'alarm.soundOn': '开启提示音',
    'alarm.soundOff': '关闭提示音',
    'alarm.soundEnable': '点击启用提示音',
    'alarm.notifyEnable': '启用桌面通知',
    'alarm.notificationTitle': '应急指挥平台告警',
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
    // alarms (issue 18.2)
    'alarm.banner': 'Alarms',
    'alarm.province': 'Province',
    'alarm.incident': '{level} incident · {city} · {title}',
    'alarm.overdue': 'Order {order} overdue · {city}',
    'alarm.delivery': 'Warning {warning} failed to deliver · {channel}',
    'alarm.offline': '{city} platform offline',
    'alarm.acknowledge': 'Acknowledge',
    'alarm.acknowledgedBy': 'Alarm acknowledged by {by} at {at}',
    'alarm.ackFailed': 'The alarm could not be acknowledged:',
    'alarm.show': 'Show',
    'alarm.more': '{n} more',
    'alarm.fewer': 'Fewer',
    'alarm.counter': 'Alarms {n}',
    'alarm.none': 'No alarms',
    'alarm.counterLabel': '{n} alarms not acknowledged',
    'alarm.title': '({n}) Alarm · {title}',
    'alarm.soundOn': 'Sound on',
    'alarm.soundOff': 'Sound off',
    'alarm.soundEnable': 'Click to enable sound',
    'alarm.notifyEnable': 'Enable desktop notifications',
    'alarm.notificationTitle': 'Emergency hub alarm',
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
