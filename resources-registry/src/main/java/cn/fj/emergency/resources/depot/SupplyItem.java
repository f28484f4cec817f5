package cn.fj.emergency.resources.depot;

/**
 * An entry of the catalogue. Quantities of an item are whole numbers of its unit ({@code unitEn}, {@code unitZh}).
 */
public record SupplyItem(String code, String nameZh, String nameEn, String unitZh, String unitEn,
		ItemCategory category) {
}
