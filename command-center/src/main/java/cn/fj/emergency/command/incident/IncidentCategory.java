package cn.fj.emergency.command.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Incident categories after GB/T 35561: four classes (1 natural disaster, 2 accident, 3 public health, 4 social
 * security), each with sub-categories coded by two digits whose first is the class. Reports name a sub-category.
 */
public record IncidentCategory(String code, String nameZh, String nameEn) {

	private static final Map<String, IncidentCategory> ALL = new LinkedHashMap<>();

	static {
		add("1", "自然灾害", "Natural disaster");
		add("11", "水旱灾害", "Flood and drought");
		add("12", "气象灾害", "Meteorological disaster");
		add("13", "地震灾害", "Earthquake");
		add("14", "地质灾害", "Geological disaster");
		add("15", "海洋灾害", "Marine disaster");
		add("16", "生物灾害", "Biological disaster");
		add("17", "森林草原火灾", "Forest and grassland fire");
		add("2", "事故灾难", "Accident");
		add("21", "工矿商贸等企业安全事故", "Industrial, mining and commercial safety accident");
		add("22", "交通运输事故", "Transport accident");
		add("23", "公共设施和设备事故", "Public facility and equipment accident");
		add("24", "核与辐射事故", "Nuclear and radiation accident");
		add("25", "环境污染和生态破坏事件", "Environmental pollution and ecological damage");
		add("3", "公共卫生事件", "Public health incident");
		add("31", "传染病疫情", "Infectious disease outbreak");
		add("32", "群体性不明原因疾病", "Cluster of illness of unknown cause");
		add("33", "食品安全和职业危害", "Food safety and occupational hazard");
		add("34", "动物疫情", "Animal epidemic");
		add("35", "其他严重影响公众健康和生命安全的事件", "Other threat to public health and life");
		add("4", "社会安全事件", "Social security incident");
		add("41", "恐怖袭击事件", "Terrorist attack");
		add("42", "经济安全事件", "Economic security incident");
		add("43", "涉外突发事件", "Foreign-related incident");
		add("44", "群体性事件", "Mass incident");
	}

	private static void add(String code, String nameZh, String nameEn) {
		ALL.put(code, new IncidentCategory(code, nameZh, nameEn));
	}

	/** A sub-category that reports may name; classes alone are too coarse for dispatch. */
	public static Optional<IncidentCategory> reportable(String code) {
		return code.length() == 2 ? Optional.ofNullable(ALL.get(code)) : Optional.empty();
	}

	public static Map<String, IncidentCategory> all() {
		return java.util.Collections.unmodifiableMap(ALL);
	}

}
