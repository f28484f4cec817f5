package cn.fj.emergency.resources.depot.persistence;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.DepotLevel;
import cn.fj.emergency.resources.depot.ItemCategory;
import cn.fj.emergency.resources.depot.SupplyItem;

/** The depot and item tables (reference data, read only here). */
@Repository
public class DepotStore {

	private static final String DEPOT_COLUMNS = "code, name_zh, name_en, level, owner_city, county_code, latitude, "
			+ "longitude, address, contact_name, contact_phone, capacity_m3";

	private static final String ITEM_COLUMNS = "code, name_zh, name_en, unit_zh, unit_en, category";

	private final DatabaseClient db;

	public DepotStore(DatabaseClient db) {
		this.db = db;
	}

	public Flux<Depot> depots() {
		return this.db.sql("select " + DEPOT_COLUMNS + " from supply_depot order by code").map(r -> depot(r)).all();
	}

	public Mono<Depot> depot(String code) {
		return this.db.sql("select " + DEPOT_COLUMNS + " from supply_depot where code = $1")
			.bind(0, code)
			.map(r -> depot(r))
			.one();
	}

	public Flux<SupplyItem> items() {
		return this.db.sql("select " + ITEM_COLUMNS + " from supply_item order by category, code").map(r -> item(r)).all();
	}

	public Mono<SupplyItem> item(String code) {
		return this.db.sql("select " + ITEM_COLUMNS + " from supply_item where code = $1")
			.bind(0, code)
			.map(r -> item(r))
			.one();
	}

	public static Depot depot(Readable r) {
		Integer capacity = r.get("capacity_m3", Integer.class);
		return new Depot(str(r, "code"), str(r, "name_zh"), str(r, "name_en"), DepotLevel.valueOf(str(r, "level")),
				str(r, "owner_city"), r.get("county_code", String.class), num(r, "latitude"), num(r, "longitude"),
				str(r, "address"), str(r, "contact_name"), str(r, "contact_phone"), capacity == null ? 0 : capacity);
	}

	private static SupplyItem item(Readable r) {
		return new SupplyItem(str(r, "code"), str(r, "name_zh"), str(r, "name_en"), str(r, "unit_zh"), str(r, "unit_en"),
				ItemCategory.valueOf(str(r, "category")));
	}

	private static String str(Readable r, String column) {
		String value = r.get(column, String.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	private static double num(Readable r, String column) {
		Double value = r.get(column, Double.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

}
