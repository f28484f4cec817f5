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
    // picture and board (issue 18.1, 18.4)
    'category.1': '自然灾害', 'category.11': '水旱灾害', 'category.12': '气象灾害', 'category.13': '地震灾害',
    'category.14': '地质灾害', 'category.15': '海洋灾害', 'category.16': '生物灾害', 'category.17': '森林草原火灾',
    'category.2': '事故灾难', 'category.21': '工矿商贸安全事故', 'category.22': '交通运输事故',
    'category.23': '公共设施和设备事故', 'category.24': '核与辐射事故', 'category.25': '环境污染和生态破坏',
    'category.3': '公共卫生事件', 'category.31': '传染病疫情', 'category.32': '群体性不明原因疾病',
    'category.33': '食品安全和职业危害', 'category.34': '动物疫情', 'category.35': '其他公共卫生事件',
    'category.4': '社会安全事件', 'category.41': '恐怖袭击事件', 'category.42': '经济安全事件',
    'category.43': '涉外突发事件', 'category.44': '群体性事件',
    'source.CITY_PLATFORM': '市级平台', 'source.OFFICER': '值班员', 'source.CALL_110': '110 接警',
    'source.CALL_12345': '12345 热线', 'source.SENSOR': '监测传感器',
    'picture.realOnly': '仅显示真实事件（隐藏演练）', 'picture.drill': '演练', 'picture.drills': '演练 {n} 起',
    'picture.open': '未结事件', 'picture.real': '真实', 'picture.inForce': '生效预警',
    'elapsed.minutes': '{m} 分钟', 'elapsed.hours': '{h} 小时 {m} 分', 'elapsed.days': '{d} 天 {h} 小时',
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
    // picture and board (issue 18.1, 18.4)
    'category.1': 'Natural disaster', 'category.11': 'Flood and drought', 'category.12': 'Meteorological disaster',
    'category.13': 'Earthquake', 'category.14': 'Geological disaster', 'category.15': 'Marine disaster',
    'category.16': 'Biological disaster', 'category.17': 'Forest and grassland fire', 'category.2': 'Accident',
    'category.21': 'Industrial and commercial accident', 'category.22': 'Transport accident',
    'category.23': 'Public facility accident', 'category.24': 'Nuclear and radiation accident',
    'category.25': 'Environmental pollution', 'category.3': 'Public health incident',
    'category.31': 'Infectious disease outbreak', 'category.32': 'Illness of unknown cause',
    'category.33': 'Food safety and occupational hazard', 'category.34': 'Animal epidemic',
    'category.35': 'Other public health threat', 'category.4': 'Social security incident',
    'category.41': 'Terrorist attack', 'category.42': 'Economic security incident',
    'category.43': 'Foreign-related incident', 'category.44': 'Mass incident',
    'source.CITY_PLATFORM': 'City platform', 'source.OFFICER': 'Duty officer', 'source.CALL_110': '110 call',
    'source.CALL_12345': '12345 hotline', 'source.SENSOR': 'Sensor',
    'picture.realOnly': 'Real incidents only (hide drills)', 'picture.drill': 'drill', 'picture.drills': '{n} drills',
    'picture.open': 'Open incidents', 'picture.real': 'real', 'picture.inForce': 'Warnings in force',
    'elapsed.minutes': '{m} min', 'elapsed.hours': '{h} h {m} min', 'elapsed.days': '{d} d {h} h',
  },
};

/** The ten platform codes, in the order of docs/areas.md. */
export const CITY_CODES = ['350100', '350128', '350200', '350300', '350400', '350500', '350600', '350700',
  '350800', '350900'];

// picture and board (issue 18.1, 18.4): the "real only" switch, shared by the board and the map
const REAL_ONLY_KEY = 'hub.console.realOnly';

/** Whether drills are hidden (the default), remembered for the session. */
export function realOnly() {
  return sessionStorage.getItem(REAL_ONLY_KEY) !== 'false';
}

export function setRealOnly(value) {
  sessionStorage.setItem(REAL_ONLY_KEY, value ? 'true' : 'false');
}

/** The name of a class, sub-category or kind code (a kind: its sub-category's name and the code). */
export function categoryName(code) {
  const c = String(code || '');
  const own = dictionary[current]['category.' + c];
  if (own) return own;
  const sub = dictionary[current]['category.' + c.slice(0, 2)];
  return sub ? sub + ' (' + c + ')' : c;
}

/** Time since `iso`, as an officer reads it ("2 h 5 min"). */
export function elapsed(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60000));
  if (minutes < 60) return t('elapsed.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('elapsed.hours', { h: hours, m: minutes % 60 });
  return t('elapsed.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

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
