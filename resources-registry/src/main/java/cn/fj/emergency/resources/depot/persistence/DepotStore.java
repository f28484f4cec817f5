package cn.fj.emergency.resources.depot.persistence;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.persistence.NullableValues;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.DepotLevel;
import cn.fj.emergency.resources.depot.ItemCategory;
import cn.fj.emergency.resources.depot.SupplyItem;

/** The depot and item tables: reference data, changed only by an administrator's registration or update. */
@Repository
public class DepotStore {

	private static final String DEPOT_COLUMNS = "code, name_zh, name_en, level, owner_city, county_code, latitude, "
			+ "longitude, address, contact_name, contact_phone, capacity_m3, enabled";

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

	/** The depot, its row locked for this transaction. */
	public Mono<Depot> lockDepot(String code) {
		return this.db.sql("select " + DEPOT_COLUMNS + " from supply_depot where code = $1 for update")
			.bind(0, code)
			.map(r -> depot(r))
			.one();
	}

	public Mono<SupplyItem> lockItem(String code) {
		return this.db.sql("select " + ITEM_COLUMNS + " from supply_item where code = $1 for update")
			.bind(0, code)
			.map(r -> item(r))
			.one();
	}

	/** Inserts the depot unless its code is taken; answers whether it was inserted. */
	public Mono<Boolean> insertDepot(Depot d, Instant now) {
		return bindDepot(this.db.sql("""
				insert into supply_depot (code, name_zh, name_en, level, owner_city, county_code, latitude, longitude,
				                          address, contact_name, contact_phone, capacity_m3, enabled, updated_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
				on conflict (code) do nothing"""), d, now)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	public Mono<Void> updateDepot(Depot d, Instant now) {
		return bindDepot(this.db.sql("""
				update supply_depot set name_zh = $2, name_en = $3, level = $4, owner_city = $5, county_code = $6,
				       latitude = $7, longitude = $8, address = $9, contact_name = $10, contact_phone = $11,
				       capacity_m3 = $12, enabled = $13, updated_at = $14
				where code = $1"""), d, now)
			.then();
	}

	private static DatabaseClient.GenericExecuteSpec bindDepot(DatabaseClient.GenericExecuteSpec spec, Depot d,
			Instant now) {
		return spec.bind(0, d.code())
			.bind(1, d.nameZh())
			.bind(2, d.nameEn())
			.bind(3, d.level().name())
			.bind(4, d.ownerCity())
			.bind(5, NullableValues.orNull(d.countyCode(), String.class))
			.bind(6, d.latitude())
			.bind(7, d.longitude())
			.bind(8, d.address())
			.bind(9, d.contactName())
			.bind(10, d.contactPhone())
			.bind(11, d.capacityM3())
			.bind(12, d.enabled())
			.bind(13, now);
	}

	/** Inserts the item unless its code is taken; answers whether it was inserted. */
	public Mono<Boolean> insertItem(SupplyItem i, Instant now) {
		return bindItem(this.db.sql("""
				insert into supply_item (code, name_zh, name_en, unit_zh, unit_en, category, updated_at)
				values ($1, $2, $3, $4, $5, $6, $7)
				on conflict (code) do nothing"""), i, now)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	public Mono<Void> updateItem(SupplyItem i, Instant now) {
		return bindItem(this.db.sql("""
				update supply_item set name_zh = $2, name_en = $3, unit_zh = $4, unit_en = $5, category = $6,
				       updated_at = $7
				where code = $1"""), i, now)
			.then();
	}

	private static DatabaseClient.GenericExecuteSpec bindItem(DatabaseClient.GenericExecuteSpec spec, SupplyItem i,
			Instant now) {
		return spec.bind(0, i.code())
			.bind(1, i.nameZh())
			.bind(2, i.nameEn())
			.bind(3, i.unitZh())
			.bind(4, i.unitEn())
			.bind(5, i.category().name())
			.bind(6, now);
	}

	public static Depot depot(Readable r) {
		Integer capacity = r.get("capacity_m3", Integer.class);
		return new Depot(str(r, "code"), str(r, "name_zh"), str(r, "name_en"), DepotLevel.valueOf(str(r, "level")),
				str(r, "owner_city"), r.get("county_code", String.class), num(r, "latitude"), num(r, "longitude"),
				str(r, "address"), str(r, "contact_name"), str(r, "contact_phone"), capacity == null ? 0 : capacity,
				!Boolean.FALSE.equals(r.get("enabled", Boolean.class)));
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
