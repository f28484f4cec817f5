-- Relief-supply depots at province, city and county level, and the catalogue of supply items.
-- Codes: the depot's area (GB/T 2260) and a number. owner_city is the city platform that runs the depot and
-- reports its movements, 350000 for the province's own depots.
create table supply_depot (
    code           text primary key,
    name_zh        text not null,
    name_en        text not null,
    level          text not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    owner_city     text not null,
    county_code    text,
    latitude       double precision not null,
    longitude      double precision not null,
    address        text not null,
    contact_name   text not null,
    contact_phone  text not null,
    capacity_m3    integer not null check (capacity_m3 > 0)
);
create index supply_depot_owner on supply_depot (owner_city);

create table supply_item (
    code      text primary key,
    name_zh   text not null,
    name_en   text not null,
    unit_zh   text not null,
    unit_en   text not null,
    category  text not null
);

insert into supply_item (code, name_zh, name_en, unit_zh, unit_en, category) values
    ('TENT-12',      '12平方米单帐篷',         'Single-layer tent, 12 m²',            '顶', 'tent',    'TENT'),
    ('TENT-36',      '36平方米救灾帐篷',       'Relief tent, 36 m²',                  '顶', 'tent',    'TENT'),
    ('QUILT-COTTON', '棉被',                  'Cotton quilt',                        '床', 'quilt',   'QUILT'),
    ('BLANKET',      '毛毯',                  'Blanket',                             '条', 'blanket', 'QUILT'),
    ('FOLD-BED',     '折叠床',                'Folding bed',                         '张', 'bed',     'QUILT'),
    ('WATER-550',    '瓶装饮用水 550毫升',     'Bottled drinking water, 550 ml',      '瓶', 'bottle',  'DRINKING_WATER'),
    ('WATER-5L',     '桶装饮用水 5升',         'Drinking water, 5 l',                 '桶', 'jug',     'DRINKING_WATER'),
    ('WATER-PURIFIER', '净水器',              'Water purifier',                      '台', 'unit',    'DRINKING_WATER'),
    ('FOOD-NOODLE',  '方便面',                'Instant noodles',                     '箱', 'case',    'FOOD'),
    ('FOOD-BISCUIT', '压缩饼干',              'Compressed biscuits',                 '箱', 'case',    'FOOD'),
    ('FOOD-RICE',    '大米',                  'Rice',                                '袋', 'bag (25 kg)', 'FOOD'),
    ('GEN-5KW',      '5千瓦汽油发电机',        'Petrol generator, 5 kW',              '台', 'unit',    'GENERATOR'),
    ('GEN-50KW',     '50千瓦柴油发电机组',     'Diesel generator set, 50 kW',         '台', 'unit',    'GENERATOR'),
    ('PUMP-SUB',     '潜水泵',                'Submersible pump',                    '台', 'unit',    'PUMP'),
    ('PUMP-MOBILE',  '移动排涝泵车',           'Mobile drainage pump unit',           '台', 'unit',    'PUMP'),
    ('LIFE-JACKET',  '救生衣',                'Life jacket',                         '件', 'piece',   'LIFE_JACKET'),
    ('LIFEBUOY',     '救生圈',                'Lifebuoy',                            '个', 'piece',   'LIFE_JACKET'),
    ('MED-KIT',      '家庭急救包',             'First-aid kit',                       '个', 'kit',     'MEDICINE'),
    ('MED-DISINFECT','消毒液',                'Disinfectant',                        '箱', 'case',    'MEDICINE'),
    ('LIGHT-FLOOD',  '移动照明灯组',           'Mobile floodlight set',               '套', 'set',     'LIGHTING'),
    ('FLASHLIGHT',   '手电筒',                'Flashlight',                          '个', 'piece',   'LIGHTING'),
    ('SANDBAG',      '编织袋(防汛沙袋)',       'Woven sandbag',                       '条', 'bag',     'RESCUE_EQUIPMENT'),
    ('RAINCOAT',     '雨衣',                  'Raincoat',                            '件', 'piece',   'CLOTHING'),
    ('TOILET-MOBILE','移动厕所',              'Mobile toilet',                       '座', 'unit',    'SANITATION');

insert into supply_depot (code, name_zh, name_en, level, owner_city, county_code, latitude, longitude, address, contact_name, contact_phone, capacity_m3) values
    ('350000-01', '福建省应急物资储备中心库', 'Fujian Provincial Central Emergency Supplies Depot', 'PROVINCE', '350000', '350121', 26.150, 119.140, '闽侯县上街镇', '林国华', '0591-87000001', 60000),
    ('350000-02', '福建省应急物资储备闽西北分库', 'Fujian Provincial Depot, North-West Branch (Sanming)', 'PROVINCE', '350000', '350404', 26.265, 117.630, '三明市三元区', '陈明', '0598-82000002', 30000),
    ('350000-03', '福建省应急物资储备闽南分库', 'Fujian Provincial Depot, South Branch (Zhangzhou)', 'PROVINCE', '350000', '350603', 24.510, 117.720, '漳州市龙文区', '黄志强', '0596-26000003', 30000),

    ('350100-01', '福州市应急物资储备库', 'Fuzhou Municipal Emergency Supplies Depot', 'CITY', '350100', '350111', 26.110, 119.340, '福州市晋安区', '郑伟', '0591-83000101', 15000),
    ('350100-02', '福州市马尾应急物资储备点', 'Fuzhou Mawei Supplies Point', 'CITY', '350100', '350105', 25.990, 119.460, '福州市马尾区', '吴强', '0591-83000102', 6000),
    ('350122-01', '连江县应急物资储备库', 'Lianjiang County Supplies Depot', 'COUNTY', '350100', '350122', 26.200, 119.540, '连江县凤城镇', '张敏', '0591-26200001', 3000),
    ('350181-01', '福清市应急物资储备库', 'Fuqing Supplies Depot', 'COUNTY', '350100', '350181', 25.720, 119.380, '福清市玉屏街道', '刘洋', '0591-85180001', 4000),
    ('350125-01', '永泰县应急物资储备库', 'Yongtai County Supplies Depot', 'COUNTY', '350100', '350125', 25.870, 118.940, '永泰县樟城镇', '何丽', '0591-24800001', 2000),

    ('350128-01', '平潭综合实验区应急物资储备库', 'Pingtan Emergency Supplies Depot', 'CITY', '350128', '350128', 25.500, 119.790, '平潭县潭城镇', '林海', '0591-86100001', 5000),

    ('350200-01', '厦门市应急物资储备库', 'Xiamen Municipal Emergency Supplies Depot', 'CITY', '350200', '350206', 24.510, 118.120, '厦门市湖里区', '王建国', '0592-52000201', 12000),
    ('350200-02', '厦门市同安应急物资储备点', 'Xiamen Tong''an Supplies Point', 'CITY', '350200', '350212', 24.730, 118.150, '厦门市同安区', '蔡文', '0592-72000202', 5000),
    ('350213-01', '翔安区应急物资储备库', 'Xiang''an District Supplies Depot', 'COUNTY', '350200', '350213', 24.620, 118.250, '厦门市翔安区', '许杰', '0592-72800001', 2500),

    ('350300-01', '莆田市应急物资储备库', 'Putian Municipal Emergency Supplies Depot', 'CITY', '350300', '350302', 25.440, 119.000, '莆田市城厢区', '方志', '0594-26000301', 8000),
    ('350322-01', '仙游县应急物资储备库', 'Xianyou County Supplies Depot', 'COUNTY', '350300', '350322', 25.360, 118.690, '仙游县鲤城街道', '郭静', '0594-83200001', 2500),
    ('350305-01', '秀屿区应急物资储备库', 'Xiuyu District Supplies Depot', 'COUNTY', '350300', '350305', 25.320, 119.100, '莆田市秀屿区', '朱鹏', '0594-58500001', 2000),

    ('350400-01', '三明市应急物资储备库', 'Sanming Municipal Emergency Supplies Depot', 'CITY', '350400', '350404', 26.250, 117.620, '三明市三元区', '邱明', '0598-82000401', 8000),
    ('350481-01', '永安市应急物资储备库', 'Yong''an Supplies Depot', 'COUNTY', '350400', '350481', 25.980, 117.370, '永安市燕西街道', '罗斌', '0598-36000001', 3000),
    ('350424-01', '宁化县应急物资储备库', 'Ninghua County Supplies Depot', 'COUNTY', '350400', '350424', 26.260, 116.650, '宁化县翠江镇', '曾华', '0598-68200001', 2000),
    ('350426-01', '尤溪县应急物资储备库', 'Youxi County Supplies Depot', 'COUNTY', '350400', '350426', 26.170, 118.190, '尤溪县城关镇', '叶青', '0598-63200001', 2000),

    ('350500-01', '泉州市应急物资储备库', 'Quanzhou Municipal Emergency Supplies Depot', 'CITY', '350500', '350503', 24.900, 118.600, '泉州市丰泽区', '洪伟', '0595-22000501', 12000),
    ('350500-02', '泉州市泉港应急物资储备点', 'Quanzhou Quangang Supplies Point', 'CITY', '350500', '350505', 25.120, 118.910, '泉州市泉港区', '庄毅', '0595-87000502', 4000),
    ('350582-01', '晋江市应急物资储备库', 'Jinjiang Supplies Depot', 'COUNTY', '350500', '350582', 24.780, 118.550, '晋江市青阳街道', '施建', '0595-85600001', 4000),
    ('350524-01', '安溪县应急物资储备库', 'Anxi County Supplies Depot', 'COUNTY', '350500', '350524', 25.060, 118.190, '安溪县凤城镇', '谢芳', '0595-23200001', 2500),
    ('350521-01', '惠安县应急物资储备库', 'Hui''an County Supplies Depot', 'COUNTY', '350500', '350521', 25.030, 118.800, '惠安县螺城镇', '骆辉', '0595-87300001', 2500),

    ('350600-01', '漳州市应急物资储备库', 'Zhangzhou Municipal Emergency Supplies Depot', 'CITY', '350600', '350602', 24.510, 117.650, '漳州市芗城区', '杨勇', '0596-20000601', 10000),
    ('350626-01', '东山县应急物资储备库', 'Dongshan County Supplies Depot', 'COUNTY', '350600', '350626', 23.700, 117.430, '东山县西埔镇', '沈涛', '0596-58800001', 2500),
    ('350623-01', '漳浦县应急物资储备库', 'Zhangpu County Supplies Depot', 'COUNTY', '350600', '350623', 24.120, 117.610, '漳浦县绥安镇', '戴军', '0596-32000001', 2500),
    ('350622-01', '云霄县应急物资储备库', 'Yunxiao County Supplies Depot', 'COUNTY', '350600', '350622', 23.960, 117.340, '云霄县云陵镇', '汤红', '0596-85300001', 2000),

    ('350700-01', '南平市应急物资储备库', 'Nanping Municipal Emergency Supplies Depot', 'CITY', '350700', '350702', 26.640, 118.180, '南平市延平区', '江峰', '0599-88000701', 8000),
    ('350782-01', '武夷山市应急物资储备库', 'Wuyishan Supplies Depot', 'COUNTY', '350700', '350782', 27.760, 118.040, '武夷山市崇安街道', '范磊', '0599-52300001', 2500),
    ('350783-01', '建瓯市应急物资储备库', 'Jian''ou Supplies Depot', 'COUNTY', '350700', '350783', 27.020, 118.320, '建瓯市芝山街道', '高峰', '0599-35800001', 2500),
    ('350722-01', '浦城县应急物资储备库', 'Pucheng County Supplies Depot', 'COUNTY', '350700', '350722', 27.920, 118.540, '浦城县南浦街道', '卢刚', '0599-28200001', 2000),

    ('350800-01', '龙岩市应急物资储备库', 'Longyan Municipal Emergency Supplies Depot', 'CITY', '350800', '350802', 25.080, 117.020, '龙岩市新罗区', '邓辉', '0597-22000801', 8000),
    ('350821-01', '长汀县应急物资储备库', 'Changting County Supplies Depot', 'COUNTY', '350800', '350821', 25.830, 116.360, '长汀县汀州镇', '赖明', '0597-68200001', 2000),
    ('350823-01', '上杭县应急物资储备库', 'Shanghang County Supplies Depot', 'COUNTY', '350800', '350823', 25.050, 116.420, '上杭县临江镇', '钟林', '0597-38200001', 2000),
    ('350881-01', '漳平市应急物资储备库', 'Zhangping Supplies Depot', 'COUNTY', '350800', '350881', 25.290, 117.420, '漳平市菁城街道', '苏平', '0597-75200001', 2000),

    ('350900-01', '宁德市应急物资储备库', 'Ningde Municipal Emergency Supplies Depot', 'CITY', '350900', '350902', 26.660, 119.530, '宁德市蕉城区', '阮健', '0593-28000901', 8000),
    ('350982-01', '福鼎市应急物资储备库', 'Fuding Supplies Depot', 'COUNTY', '350900', '350982', 27.320, 120.220, '福鼎市桐山街道', '缪德', '0593-78500001', 3000),
    ('350921-01', '霞浦县应急物资储备库', 'Xiapu County Supplies Depot', 'COUNTY', '350900', '350921', 26.880, 120.000, '霞浦县松城街道', '雷华', '0593-88200001', 3000),
    ('350981-01', '福安市应急物资储备库', 'Fu''an Supplies Depot', 'COUNTY', '350900', '350981', 27.090, 119.650, '福安市阳头街道', '郑丹', '0593-63800001', 2500);
