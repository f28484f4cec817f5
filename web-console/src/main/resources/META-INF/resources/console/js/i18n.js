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
    'error.unknown': '操作未完成，请稍后重试或联系值守技术人员',
    'error.NETWORK_ERROR': '网络不通，未能连上平台；请检查网络后重试',
    'error.ACCESS_DENIED': '您的角色无权执行此操作',
    'error.NOT_FOUND': '未找到该对象（可能已被删除，或不在您的管辖范围）',
    'error.FIELD_REQUIRED': '请填写必填项',
    'error.INVALID_FIELD': '填写的内容不符合要求',
    'error.CITY_SCOPE_VIOLATION': '超出您所属城市的管辖范围',
    'error.STORAGE_UNAVAILABLE': '平台数据库暂时不可用，请稍后重试',
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
    // officers and tokens (admin screen)
    'nav.officers': '人员与令牌',
    'role.CITY_PLATFORM': '城市平台',
    'role.DEPARTMENT': '部门',
    'role.INTAKE_SYSTEM': '接报系统',
    'role.CHANNEL_GATEWAY': '发布渠道网关',
    'officers.title': '人员与令牌',
    'officers.list': '人员',
    'officers.col.username': '用户名',
    'officers.col.displayName': '姓名',
    'officers.col.roles': '角色',
    'officers.col.city': '辖区',
    'officers.col.state': '状态',
    'officers.col.actions': '操作',
    'officers.provinceWide': '全省',
    'officers.enabled': '已启用',
    'officers.disabled': '已停用',
    'officers.changePending': '登录时须设置新密码',
    'officers.none': '没有人员',
    'officers.register': '登记人员',
    'officers.username': '用户名',
    'officers.username.hint': '3 至 64 个字符：字母、数字及 . _ -',
    'officers.displayName': '姓名（可选，默认为用户名）',
    'officers.password': '密码',
    'officers.password.hint': '至少 10 个字符，最多 72 字节（UTF-8 编码，一个汉字占 3 字节，24 个汉字即满）',
    'officers.password.count': '{chars} 个字符 · {bytes}/72 字节',
    'officers.roles': '角色（至少一个）',
    'officers.city': '辖区（可选）',
    'officers.submit': '登记',
    'officers.registered': '已登记人员 {username}',
    'officers.disable': '停用',
    'officers.enable': '启用',
    'officers.resetPassword': '重置密码',
    'officers.revokeTokens': '吊销令牌',
    'officers.actionFor': '{action}：{username}',
    'officers.confirm.disable': '停用 {username}？其将无法登录，已签发的令牌立即失效。',
    'officers.confirm.enable': '启用 {username}？其可再次登录；停用前签发的令牌仍然无效。',
    'officers.confirm.revokeTokens': '吊销 {username} 的全部令牌？其会话立即结束，可用原密码重新登录。',
    'officers.confirm.self': '这是您本人的账号：您的会话也将结束。',
    'officers.confirm': '确认',
    'officers.cancel': '取消',
    'officers.done.disable': '已停用 {username}',
    'officers.done.enable': '已启用 {username}',
    'officers.done.revokeTokens': '已吊销 {username} 的全部令牌',
    'officers.done.password': '已重置 {username} 的密码',
    'officers.reset.title': '重置 {username} 的密码',
    'officers.reset.mode': '方式',
    'officers.reset.generate': '生成一次性密码（人员登录时自设新密码）',
    'officers.reset.set': '由我设定密码',
    'officers.reset.newPassword': '新密码',
    'officers.reset.changeRequired': '人员登录时须更换此密码',
    'officers.reset.note': '该人员已签发的全部令牌将失效。',
    'officers.reset.submit': '重置',
    'officers.secret.once': '仅此一次显示：请复制并安全转交，关闭后无法再次查看。',
    'officers.secret.otp': '{username} 的一次性密码',
    'officers.secret.expires': '有效期至 {time}',
    'officers.secret.token': '{subject} 的服务令牌',
    'officers.copy': '复制',
    'officers.copied': '已复制',
    'officers.close': '关闭',
    'tokens.list': '服务令牌',
    'tokens.col.subject': '主体',
    'tokens.col.roles': '角色',
    'tokens.col.city': '城市',
    'tokens.col.description': '说明',
    'tokens.col.issuedBy': '签发人',
    'tokens.col.issuedAt': '签发时间',
    'tokens.col.expiresAt': '到期时间',
    'tokens.col.state': '状态',
    'tokens.col.actions': '操作',
    'tokens.active': '有效',
    'tokens.revoked': '已吊销（{time}）',
    'tokens.expired': '已过期',
    'tokens.none': '没有服务令牌',
    'tokens.issue': '签发服务令牌',
    'tokens.subject': '主体（平台或部门的名称）',
    'tokens.roles': '角色（至少一个）',
    'tokens.roles.hint': '接报系统与发布渠道网关只能单独持有；城市平台令牌须指定城市',
    'tokens.city': '城市',
    'tokens.city.none': '— 无（全省或不适用）—',
    'tokens.description': '说明（可选）',
    'tokens.validFor': '有效期',
    'tokens.validFor.hint': '留空为 365 天；最长 730 天',
    'tokens.unit': '单位',
    'tokens.unit.days': '天',
    'tokens.unit.hours': '小时',
    'tokens.submit': '签发',
    'tokens.revoke': '吊销',
    'tokens.confirm.revoke': '吊销 {subject} 的令牌？此后各处均拒绝该令牌，其连接将被关闭。',
    'tokens.done.revoke': '已吊销 {subject} 的令牌',
    'tokens.done.issue': '已为 {subject} 签发令牌',
    'officers.error.USERNAME_TAKEN': '该用户名已被使用',
    'officers.error.FIELD_REQUIRED.username': '请输入用户名',
    'officers.error.INVALID_FIELD.username': '用户名须为 3 至 64 个字符：字母、数字及 . _ -',
    'officers.error.FIELD_REQUIRED.password': '请输入密码',
    'officers.error.INVALID_FIELD.password': '密码至少需要 10 个字符',
    'officers.error.PASSWORD_TOO_LONG': '密码过长：最多 {maxBytes} 字节（UTF-8）',
    'officers.error.INVALID_FIELD.roles': '请至少选择一个角色',
    'officers.error.token.INVALID_FIELD.roles': '请至少选择一个角色；接报系统与发布渠道网关只能单独持有',
    'officers.error.FIELD_REQUIRED.cityCode': '城市平台令牌须指定城市',
    'officers.error.INVALID_FIELD.cityCode': '只有城市平台与接报系统令牌可指定城市',
    'officers.error.UNKNOWN_AREA': '所选城市不是本省的城市',
    'officers.error.FIELD_REQUIRED.subject': '请输入主体',
    'officers.error.INVALID_FIELD.validFor': '有效期须大于零且不超过 {maxDays} 天',
    'officers.error.local.validFor': '有效期须为正整数',
    'officers.error.NOT_FOUND': '该对象已不存在，请刷新列表',
    'officers.error.SELF_DISABLE_REFUSED': '不能停用自己的账号，请由另一位管理员操作',
    'officers.error.ACCESS_DENIED': '只有管理员可以执行此操作',
    'officers.error.STORAGE_UNAVAILABLE': '平台数据库暂不可用，请稍后重试',
    'officers.error.HUB_OVERLOADED': '平台繁忙，请稍后重试',
    'officers.error.NETWORK_ERROR': '无法连接平台，请检查网络后重试',
    'officers.error.INVALID_REQUEST': '平台无法读取该请求',
    'officers.error.other': '平台未能完成该操作（HTTP {status}），请重试或联系平台运维人员',
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
    'error.unknown': 'The action did not complete; try again or call the duty engineer',
    'error.NETWORK_ERROR': 'The hub cannot be reached; check the network and try again',
    'error.ACCESS_DENIED': 'Your roles do not allow this',
    'error.NOT_FOUND': 'Not found (it may have been removed, or be outside your area)',
    'error.FIELD_REQUIRED': 'A required field is empty',
    'error.INVALID_FIELD': 'A field does not meet the rules',
    'error.CITY_SCOPE_VIOLATION': 'Outside your city',
    'error.STORAGE_UNAVAILABLE': 'The hub\'s database is unavailable for a moment; try again',
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
    // officers and tokens (admin screen)
    'nav.officers': 'Officers & tokens',
    'role.CITY_PLATFORM': 'City platform',
    'role.DEPARTMENT': 'Department',
    'role.INTAKE_SYSTEM': 'Intake system',
    'role.CHANNEL_GATEWAY': 'Channel gateway',
    'officers.title': 'Officers and service tokens',
    'officers.list': 'Officers',
    'officers.col.username': 'Username',
    'officers.col.displayName': 'Name',
    'officers.col.roles': 'Roles',
    'officers.col.city': 'City scope',
    'officers.col.state': 'State',
    'officers.col.actions': 'Actions',
    'officers.provinceWide': 'Province-wide',
    'officers.enabled': 'Enabled',
    'officers.disabled': 'Disabled',
    'officers.changePending': 'must set a new password at sign-in',
    'officers.none': 'No officers',
    'officers.register': 'Register an officer',
    'officers.username': 'Username',
    'officers.username.hint': '3 to 64 characters: letters, digits and . _ -',
    'officers.displayName': 'Display name (optional, default the username)',
    'officers.password': 'Password',
    'officers.password.hint': 'At least 10 characters and at most 72 bytes in UTF-8 (a Chinese character takes 3 bytes: 24 of them fill it)',
    'officers.password.count': '{chars} characters · {bytes}/72 bytes',
    'officers.roles': 'Roles (at least one)',
    'officers.city': 'City scope (optional)',
    'officers.submit': 'Register',
    'officers.registered': 'Officer {username} registered',
    'officers.disable': 'Disable',
    'officers.enable': 'Enable',
    'officers.resetPassword': 'Reset password',
    'officers.revokeTokens': 'Revoke tokens',
    'officers.actionFor': '{action}: {username}',
    'officers.confirm.disable': 'Disable {username}? They can no longer sign in, and the tokens issued to them stop working at once.',
    'officers.confirm.enable': 'Enable {username}? They may sign in again; tokens from before they were disabled stay retired.',
    'officers.confirm.revokeTokens': 'Revoke every token of {username}? Their sessions end at once; they sign in again with the same password.',
    'officers.confirm.self': 'This is your own account: your session ends too.',
    'officers.confirm': 'Confirm',
    'officers.cancel': 'Cancel',
    'officers.done.disable': '{username} disabled',
    'officers.done.enable': '{username} enabled',
    'officers.done.revokeTokens': 'Every token of {username} revoked',
    'officers.done.password': 'Password of {username} reset',
    'officers.reset.title': 'Reset the password of {username}',
    'officers.reset.mode': 'How',
    'officers.reset.generate': 'Generate a one-time password (the officer chooses their own at sign-in)',
    'officers.reset.set': 'Set a password myself',
    'officers.reset.newPassword': 'New password',
    'officers.reset.changeRequired': 'The officer must replace it at sign-in',
    'officers.reset.note': 'Every token issued to the officer stops working.',
    'officers.reset.submit': 'Reset',
    'officers.secret.once': 'Shown only now: copy it and hand it over safely. It cannot be shown again once closed.',
    'officers.secret.otp': 'One-time password of {username}',
    'officers.secret.expires': 'Valid until {time}',
    'officers.secret.token': 'Service token of {subject}',
    'officers.copy': 'Copy',
    'officers.copied': 'Copied',
    'officers.close': 'Close',
    'tokens.list': 'Service tokens',
    'tokens.col.subject': 'Subject',
    'tokens.col.roles': 'Roles',
    'tokens.col.city': 'City',
    'tokens.col.description': 'Description',
    'tokens.col.issuedBy': 'Issued by',
    'tokens.col.issuedAt': 'Issued',
    'tokens.col.expiresAt': 'Expires',
    'tokens.col.state': 'State',
    'tokens.col.actions': 'Actions',
    'tokens.active': 'Active',
    'tokens.revoked': 'Revoked ({time})',
    'tokens.expired': 'Expired',
    'tokens.none': 'No service tokens',
    'tokens.issue': 'Issue a service token',
    'tokens.subject': 'Subject (name of the platform or department)',
    'tokens.roles': 'Roles (at least one)',
    'tokens.roles.hint': 'Intake system and channel gateway only alone; a city platform names its city',
    'tokens.city': 'City',
    'tokens.city.none': '— none (province-wide or not applicable) —',
    'tokens.description': 'Description (optional)',
    'tokens.validFor': 'Valid for',
    'tokens.validFor.hint': 'Blank: 365 days; at most 730 days',
    'tokens.unit': 'Unit',
    'tokens.unit.days': 'days',
    'tokens.unit.hours': 'hours',
    'tokens.submit': 'Issue',
    'tokens.revoke': 'Revoke',
    'tokens.confirm.revoke': 'Revoke the token of {subject}? It is refused everywhere from now on, and its connections are closed.',
    'tokens.done.revoke': 'Token of {subject} revoked',
    'tokens.done.issue': 'Token issued to {subject}',
    'officers.error.USERNAME_TAKEN': 'This username is already taken',
    'officers.error.FIELD_REQUIRED.username': 'Enter a username',
    'officers.error.INVALID_FIELD.username': 'The username must have 3 to 64 characters: letters, digits and . _ -',
    'officers.error.FIELD_REQUIRED.password': 'Enter a password',
    'officers.error.INVALID_FIELD.password': 'The password must have at least 10 characters',
    'officers.error.PASSWORD_TOO_LONG': 'The password is too long: at most {maxBytes} bytes in UTF-8',
    'officers.error.INVALID_FIELD.roles': 'Choose at least one role',
    'officers.error.token.INVALID_FIELD.roles': 'Choose at least one role; intake system and channel gateway only alone',
    'officers.error.FIELD_REQUIRED.cityCode': 'A city platform token names its city',
    'officers.error.INVALID_FIELD.cityCode': 'Only city platform and intake system tokens name a city',
    'officers.error.UNKNOWN_AREA': 'The city chosen is not a city of the province',
    'officers.error.FIELD_REQUIRED.subject': 'Enter the subject',
    'officers.error.INVALID_FIELD.validFor': 'The validity must be positive and at most {maxDays} days',
    'officers.error.local.validFor': 'The validity must be a positive whole number',
    'officers.error.NOT_FOUND': 'It no longer exists; reload the list',
    'officers.error.SELF_DISABLE_REFUSED': 'You cannot disable your own account; another administrator can',
    'officers.error.ACCESS_DENIED': 'Only an administrator may do this',
    'officers.error.STORAGE_UNAVAILABLE': 'The hub\'s database is unavailable; try again shortly',
    'officers.error.HUB_OVERLOADED': 'The hub is busy; try again shortly',
    'officers.error.NETWORK_ERROR': 'The hub cannot be reached; check the network and try again',
    'officers.error.INVALID_REQUEST': 'The hub could not read the request',
    'officers.error.other': 'The hub did not do it (HTTP {status}); try again or ask the hub\'s operators',
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

/** True when the dictionary holds `key` in either language. */
export function has(key) {
  return LANGUAGES.some(l => dictionary[l][key] !== undefined);
}

/**
 * An error of the hub (`HubError {code, message, body}`) as the officer reads it, in the current language and with no
 * developer code in front: `error.<CODE>.<field>`, then `error.<CODE>` (both filled with the problem's own fields,
 * e.g. `{field}`, `{maxBytes}`), then the hub's own message. The code stays on the element that shows it
 * (`data-code`), for tests and support, never in the text.
 */
export function errorText(err) {
  if (!err) return t('error.unknown');
  const code = err.code;
  const vars = Object.assign({}, err.body || {}, { message: err.message || '' });
  const field = err.body && err.body.field;
  if (code && field && dictionary[current]['error.' + code + '.' + field] !== undefined) return t('error.' + code + '.' + field, vars);
  if (code && dictionary[current]['error.' + code] !== undefined) return t('error.' + code, vars);
  if (current !== 'en' || !err.message) return t('error.unknown') + (err.message && current === 'en' ? ': ' + err.message : '');
  return err.message;
}

