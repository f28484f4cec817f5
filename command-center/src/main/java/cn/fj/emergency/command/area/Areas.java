package cn.fj.emergency.command.area;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The province's platforms and counties by GB/T 2260 code. A platform is a prefecture city or Pingtan
 * (350128), which runs its own platform although it lies in Fuzhou; a county belongs to exactly one platform.
 * Counties keep their administrative codes; their platform is where their reports and warnings go.
 */
public final class Areas {

	public static final String PROVINCE = "350000";

	private static final Map<String, City> CITIES = new LinkedHashMap<>();

	private static final Map<String, County> COUNTIES = new LinkedHashMap<>();

	static {
		city("350100", "福州市", "Fuzhou", true,
				"350102 鼓楼区 Gulou", "350103 台江区 Taijiang", "350104 仓山区 Cangshan", "350105 马尾区 Mawei",
				"350111 晋安区 Jin'an", "350112 长乐区 Changle", "350121 闽侯县 Minhou", "350122 连江县 Lianjiang",
				"350123 罗源县 Luoyuan", "350124 闽清县 Minqing", "350125 永泰县 Yongtai", "350181 福清市 Fuqing");
		city("350128", "平潭综合实验区", "Pingtan", true, "350128 平潭县 Pingtan");
		city("350200", "厦门市", "Xiamen", true,
				"350203 思明区 Siming", "350205 海沧区 Haicang", "350206 湖里区 Huli", "350211 集美区 Jimei",
				"350212 同安区 Tong'an", "350213 翔安区 Xiang'an");
		city("350300", "莆田市", "Putian", true,
				"350302 城厢区 Chengxiang", "350303 涵江区 Hanjiang", "350304 荔城区 Licheng", "350305 秀屿区 Xiuyu",
				"350322 仙游县 Xianyou");
		city("350400", "三明市", "Sanming", false,
				"350404 三元区 Sanyuan", "350405 沙县区 Shaxian", "350421 明溪县 Mingxi", "350423 清流县 Qingliu",
				"350424 宁化县 Ninghua", "350425 大田县 Datian", "350426 尤溪县 Youxi", "350428 将乐县 Jiangle",
				"350429 泰宁县 Taining", "350430 建宁县 Jianning", "350481 永安市 Yong'an");
		city("350500", "泉州市", "Quanzhou", true,
				"350502 鲤城区 Licheng", "350503 丰泽区 Fengze", "350504 洛江区 Luojiang", "350505 泉港区 Quangang",
				"350521 惠安县 Hui'an", "350524 安溪县 Anxi", "350525 永春县 Yongchun", "350526 德化县 Dehua",
				"350527 金门县 Kinmen", "350581 石狮市 Shishi", "350582 晋江市 Jinjiang", "350583 南安市 Nan'an");
		city("350600", "漳州市", "Zhangzhou", true,
				"350602 芗城区 Xiangcheng", "350603 龙文区 Longwen", "350604 龙海区 Longhai", "350605 长泰区 Changtai",
				"350622 云霄县 Yunxiao", "350623 漳浦县 Zhangpu", "350624 诏安县 Zhao'an", "350626 东山县 Dongshan",
				"350627 南靖县 Nanjing", "350628 平和县 Pinghe", "350629 华安县 Hua'an");
		city("350700", "南平市", "Nanping", false,
				"350702 延平区 Yanping", "350703 建阳区 Jianyang", "350721 顺昌县 Shunchang", "350722 浦城县 Pucheng",
				"350723 光泽县 Guangze", "350724 松溪县 Songxi", "350725 政和县 Zhenghe", "350781 邵武市 Shaowu",
				"350782 武夷山市 Wuyishan", "350783 建瓯市 Jian'ou");
		city("350800", "龙岩市", "Longyan", false,
				"350802 新罗区 Xinluo", "350803 永定区 Yongding", "350821 长汀县 Changting", "350823 上杭县 Shanghang",
				"350824 武平县 Wuping", "350825 连城县 Liancheng", "350881 漳平市 Zhangping");
		city("350900", "宁德市", "Ningde", true,
				"350902 蕉城区 Jiaocheng", "350921 霞浦县 Xiapu", "350922 古田县 Gutian", "350923 屏南县 Pingnan",
				"350924 寿宁县 Shouning", "350925 周宁县 Zhouning", "350926 柘荣县 Zherong", "350981 福安市 Fu'an",
				"350982 福鼎市 Fuding");
	}

	private Areas() {
	}

	private static void city(String code, String nameZh, String nameEn, boolean coastal, String... counties) {
		List<County> list = new ArrayList<>();
		for (String spec : counties) {
			String[] parts = spec.split(" ", 3);
			County county = new County(parts[0], parts[1], parts[2], code);
			list.add(county);
			COUNTIES.put(county.code(), county);
		}
		CITIES.put(code, new City(code, nameZh, nameEn, coastal, List.copyOf(list)));
	}

	/** The ten platforms: nine prefecture cities and Pingtan. */
	public static List<City> cities() {
		return List.copyOf(CITIES.values());
	}

	public static Optional<City> city(String code) {
		return Optional.ofNullable(CITIES.get(code));
	}

	public static Optional<County> county(String code) {
		return Optional.ofNullable(COUNTIES.get(code));
	}

	public static Map<String, County> counties() {
		return Collections.unmodifiableMap(COUNTIES);
	}

	public static boolean isCity(String code) {
		return CITIES.containsKey(code);
	}

	/** A city platform or a county of the province. */
	public record County(String code, String nameZh, String nameEn, String cityCode) {
	}

	/** A platform: a prefecture city, or Pingtan. */
	public record City(String code, String nameZh, String nameEn, boolean coastal, List<County> counties) {
	}

	/**
	 * The province's extent with a margin for its islands and waters, used to catch swapped or garbled
	 * coordinates, not to decide which county a point lies in.
	 */
	public static boolean withinProvince(double latitude, double longitude) {
		return latitude >= 23.3 && latitude <= 28.5 && longitude >= 115.7 && longitude <= 121.0;
	}

}
