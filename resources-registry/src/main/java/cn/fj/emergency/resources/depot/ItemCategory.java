package cn.fj.emergency.resources.depot;

/** What kind of relief a supply item is. */
public enum ItemCategory {

	TENT, QUILT, DRINKING_WATER, FOOD, GENERATOR, PUMP, LIFE_JACKET, MEDICINE, LIGHTING, RESCUE_EQUIPMENT, CLOTHING,
	SANITATION

}
