package cn.fj.emergency.command.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Incident categories after GB/T 35561: four classes (1 natural disaster, 2 accident, 3 public health, 4 social
 * security), each with sub-categories coded by two digits whose first is the class, and their kinds coded by four
 * digits whose first two are the sub-category (the hub's numbering of the standard's third level). Reports name a
 * sub-category or a kind.
 */
public record IncidentCategory(String code, String nameZh, String nameEn) {

	private static final Map<String, IncidentCategory> ALL = new LinkedHashMap<>();

	static {
		add("1", "自然灾害", "Natural disaster");
		add("11", "水旱灾害", "Flood and drought");
		add("1101", "洪水", "Flood");
		add("1102", "城乡内涝", "Urban and rural waterlogging");
		add("1103", "山洪", "Flash flood");
		add("1104", "干旱", "Drought");
		add("1105", "溃坝溃堤", "Dam or dyke breach");
		add("12", "气象灾害", "Meteorological disaster");
		add("1201", "台风", "Typhoon");
		add("1202", "暴雨", "Rainstorm");
		add("1203", "暴雪", "Snowstorm");
		add("1204", "寒潮", "Cold wave");
		add("1205", "大风", "Gale");
		add("1206", "冰雹", "Hail");
		add("1207", "高温", "Heat wave");
		add("1208", "大雾", "Dense fog");
		add("1209", "雷电", "Lightning");
		add("1210", "低温冰冻", "Frost and freezing");
		add("1211", "沙尘暴", "Sandstorm");
		add("13", "地震灾害", "Earthquake");
		add("1301", "地震", "Earthquake");
		add("14", "地质灾害", "Geological disaster");
		add("1401", "崩塌", "Rockfall");
		add("1402", "滑坡", "Landslide");
		add("1403", "泥石流", "Debris flow");
		add("1404", "地面塌陷", "Ground collapse");
		add("1405", "地裂缝", "Ground fissure");
		add("1406", "地面沉降", "Land subsidence");
		add("15", "海洋灾害", "Marine disaster");
		add("1501", "风暴潮", "Storm surge");
		add("1502", "海浪", "Storm waves");
		add("1503", "海啸", "Tsunami");
		add("1504", "海冰", "Sea ice");
		add("1505", "赤潮", "Red tide");
		add("16", "生物灾害", "Biological disaster");
		add("1601", "植物病害", "Plant disease");
		add("1602", "虫害", "Pest infestation");
		add("1603", "鼠害", "Rodent infestation");
		add("1604", "外来生物入侵", "Invasive species");
		add("17", "森林草原火灾", "Forest and grassland fire");
		add("1701", "森林火灾", "Forest fire");
		add("1702", "草原火灾", "Grassland fire");
		add("2", "事故灾难", "Accident");
		add("21", "工矿商贸等企业安全事故", "Industrial, mining and commercial safety accident");
		add("2101", "煤矿事故", "Coal mine accident");
		add("2102", "非煤矿山事故", "Non-coal mine accident");
		add("2103", "危险化学品事故", "Hazardous chemicals accident");
		add("2104", "烟花爆竹事故", "Fireworks accident");
		add("2105", "建筑施工事故", "Construction accident");
		add("2106", "火灾事故", "Fire");
		add("2107", "其他工商贸事故", "Other industrial or commercial accident");
		add("22", "交通运输事故", "Transport accident");
		add("2201", "道路交通事故", "Road traffic accident");
		add("2202", "铁路交通事故", "Railway accident");
		add("2203", "水上交通事故", "Waterborne transport accident");
		add("2204", "民用航空器事故", "Civil aviation accident");
		add("2205", "城市轨道交通事故", "Urban rail transit accident");
		add("23", "公共设施和设备事故", "Public facility and equipment accident");
		add("2301", "供水事故", "Water supply accident");
		add("2302", "供电事故", "Power supply accident");
		add("2303", "供气事故", "Gas supply accident");
		add("2304", "通信网络事故", "Telecommunications and network accident");
		add("2305", "特种设备事故", "Special equipment accident");
		add("2306", "建（构）筑物坍塌", "Building or structure collapse");
		add("24", "核与辐射事故", "Nuclear and radiation accident");
		add("2401", "核事故", "Nuclear accident");
		add("2402", "辐射事故", "Radiation accident");
		add("25", "环境污染和生态破坏事件", "Environmental pollution and ecological damage");
		add("2501", "水污染", "Water pollution");
		add("2502", "大气污染", "Air pollution");
		add("2503", "土壤污染", "Soil pollution");
		add("2504", "生态破坏", "Ecological damage");
		add("3", "公共卫生事件", "Public health incident");
		add("31", "传染病疫情", "Infectious disease outbreak");
		add("3101", "甲类传染病", "Class A infectious disease");
		add("3102", "乙类传染病", "Class B infectious disease");
		add("3103", "丙类传染病", "Class C infectious disease");
		add("3104", "新发传染病", "Emerging infectious disease");
		add("32", "群体性不明原因疾病", "Cluster of illness of unknown cause");
		add("3201", "群体性不明原因疾病", "Cluster of illness of unknown cause");
		add("33", "食品安全和职业危害", "Food safety and occupational hazard");
		add("3301", "食品安全事件", "Food safety incident");
		add("3302", "职业中毒", "Occupational poisoning");
		add("34", "动物疫情", "Animal epidemic");
		add("3401", "重大动物疫情", "Major animal epidemic");
		add("3402", "人畜共患病", "Zoonosis");
		add("35", "其他严重影响公众健康和生命安全的事件", "Other threat to public health and life");
		add("3501", "其他严重影响公众健康和生命安全的事件", "Other threat to public health and life");
		add("4", "社会安全事件", "Social security incident");
		add("41", "恐怖袭击事件", "Terrorist attack");
		add("4101", "爆炸袭击", "Bombing");
		add("4102", "劫持", "Hijacking or hostage taking");
		add("4103", "核生化袭击", "Nuclear, biological or chemical attack");
		add("4104", "网络恐怖袭击", "Cyber terrorist attack");
		add("42", "经济安全事件", "Economic security incident");
		add("4201", "金融突发事件", "Financial emergency");
		add("4202", "能源供应中断", "Energy supply disruption");
		add("4203", "重要商品市场异常波动", "Disruption of a staple market");
		add("43", "涉外突发事件", "Foreign-related incident");
		add("4301", "境外涉我突发事件", "Incident abroad involving Chinese citizens");
		add("4302", "境内涉外突发事件", "Incident at home involving foreigners");
		add("44", "群体性事件", "Mass incident");
		add("4401", "非法集会游行示威", "Unlawful assembly or demonstration");
		add("4402", "聚众冲击", "Mob storming of premises");
		add("4403", "罢工罢市罢课", "Strike");
	}

	private static void add(String code, String nameZh, String nameEn) {
		ALL.put(code, new IncidentCategory(code, nameZh, nameEn));
	}

	/** A sub-category or kind that reports may name; classes alone are too coarse for dispatch. */
	public static Optional<IncidentCategory> reportable(String code) {
		return code.length() == 2 || code.length() == 4 ? Optional.ofNullable(ALL.get(code)) : Optional.empty();
	}

	/** Any known code, class included: what a query may filter on (a code and everything below it). */
	public static Optional<IncidentCategory> known(String code) {
		return Optional.ofNullable(ALL.get(code));
	}

	/** The class, sub-category or kind one level up; empty for a class. */
	public Optional<IncidentCategory> parent() {
		return this.code.length() == 1 ? Optional.empty()
				: Optional.ofNullable(ALL.get(this.code.substring(0, this.code.length() == 4 ? 2 : 1)));
	}

	public static Map<String, IncidentCategory> all() {
		return java.util.Collections.unmodifiableMap(ALL);
	}

}
