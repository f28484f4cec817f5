package cn.fj.emergency.resources.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.resources.SupplyEvent;

/**
 * Balances locked for one transaction ({@link Ledger#lock}), on which the movements of several callers are tried
 * one caller after another: each caller's movements apply all together against the levels the previous callers
 * left, or none of them does and that caller alone is refused ({@code INSUFFICIENT_STOCK}). Nothing is written
 * until {@link Ledger#record}: the levels, the ledger's rows and the events of everything applied, in a few
 * statements for the whole transaction. Not thread-safe: one transaction's work.
 */
public final class LockedBalances {

	private final Map<String, Held> held = new LinkedHashMap<>();

	/** What {@link Ledger#record} appends, in order: applied movements (their events) and callers' own events. */
	private final List<Object> sequence = new ArrayList<>();

	private final Instant now;

	LockedBalances(List<Balance> locked, Instant now) {
		for (Balance b : locked) {
			this.held.put(key(b.depotCode(), b.itemCode()), new Held(b));
		}
		this.now = now;
	}

	static String key(String depotCode, String itemCode) {
		return depotCode + "|" + itemCode;
	}

	/**
	 * Applies the movements, each with its own id, to the levels as the movements tried before left them: all of
	 * them or, if any level would go negative, none (the {@code INSUFFICIENT_STOCK} refusal is thrown and nothing
	 * changes). Every balance a movement touches must have been locked.
	 */
	public void applyAll(List<Movement> movements, List<UUID> ids) {
		Map<String, StockLevel> tentative = new HashMap<>();
		for (Movement m : movements) {
			Held h = held(m);
			String key = key(m.depotCode(), m.itemCode());
			StockLevel from = tentative.getOrDefault(key, h.level);
			tentative.put(key, from.apply(m.delta()));
		}
		for (int i = 0; i < movements.size(); i++) {
			Movement m = movements.get(i);
			Held h = held(m);
			StockLevel after = h.level.apply(m.delta());
			boolean low = LowStock.isLow(h.before.lowThreshold(), after);
			boolean crossed = LowStock.crossesBelow(h.low, h.before.lowThreshold(), after);
			h.level = after;
			h.low = low;
			h.changed = true;
			this.sequence.add(new Applied(ids.get(i), m, Balance.of(m.depotCode(), m.itemCode(), after,
					h.before.lowThreshold(), low, this.now), crossed));
		}
	}

	/** Appends the caller's own event after the events of the movements applied so far. */
	public void alsoAppend(SupplyEvent event) {
		this.sequence.add(event);
	}

	/** The levels of a locked balance as the movements applied so far left them. */
	public StockLevel level(String depotCode, String itemCode) {
		Held h = this.held.get(key(depotCode, itemCode));
		if (h == null) {
			throw new IllegalArgumentException("Balance " + depotCode + "/" + itemCode + " is not locked");
		}
		return h.level;
	}

	private Held held(Movement m) {
		Held h = this.held.get(key(m.depotCode(), m.itemCode()));
		if (h == null) {
			throw new IllegalArgumentException("Balance " + m.depotCode() + "/" + m.itemCode() + " is not locked");
		}
		return h;
	}

	Instant now() {
		return this.now;
	}

	List<Object> sequence() {
		return this.sequence;
	}

	/** The balances changed: as read under the lock, and the levels and low flag to store. */
	List<Held> changed() {
		return this.held.values().stream().filter(h -> h.changed).toList();
	}

	/** One locked balance: as read, and as the movements applied so far leave it. */
	static final class Held {

		final Balance before;

		StockLevel level;

		boolean low;

		boolean changed;

		Held(Balance before) {
			this.before = before;
			this.level = before.level();
			this.low = before.low();
		}

	}

	/** A movement applied, with its id, the balance right after it, and whether it crossed below the threshold. */
	record Applied(UUID id, Movement movement, Balance after, boolean crossedBelow) {
	}

	static @Nullable Applied applied(Object o) {
		return o instanceof Applied a ? a : null;
	}

}
