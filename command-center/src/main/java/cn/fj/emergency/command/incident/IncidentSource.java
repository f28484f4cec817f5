package cn.fj.emergency.command.incident;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where a report came from. For city platforms ({@code CITY_PLATFORM}) and officers ({@code OFFICER}) the hub
 * derives it from the token; intake systems ({@code INTAKE_SYSTEM} tokens) state it in the report: a call taken
 * by a 110 or 12345 call centre ({@code CALL_110}, {@code CALL_12345}, with the call centre's own
 * {@code reference}), or a sensor alarm ({@code SENSOR}, with {@code sensorId} and the measurement that set it
 * off: {@code quantity}, {@code value}, {@code unit}).
 *
 * @param kind one of {@link #KINDS}; {@code null} only in a report as received
 */
public record IncidentSource(@Nullable String kind, @Nullable String reference, @Nullable String sensorId,
		@Nullable String quantity, @Nullable Double value, @Nullable String unit) {

	public static final String CITY_PLATFORM = "CITY_PLATFORM";

	public static final String OFFICER = "OFFICER";

	public static final String CALL_110 = "CALL_110";

	public static final String CALL_12345 = "CALL_12345";

	public static final String SENSOR = "SENSOR";

	/** Every kind a stored incident may carry. */
	public static final Set<String> KINDS = Set.of(CITY_PLATFORM, OFFICER, CALL_110, CALL_12345, SENSOR);

	/** The kinds an intake system may state. */
	public static final Set<String> INTAKE_KINDS = Set.of(CALL_110, CALL_12345, SENSOR);

	/** What a sensor alarm may have measured. */
	public static final Set<String> QUANTITIES = Set.of("WATER_LEVEL", "RAINFALL", "EARTHQUAKE_INTENSITY",
			"EARTHQUAKE_MAGNITUDE", "WIND_SPEED", "TIDE_LEVEL", "WAVE_HEIGHT", "GAS_CONCENTRATION", "SMOKE",
			"TEMPERATURE", "OTHER");

	static IncidentSource derived(String kind) {
		return new IncidentSource(kind, null, null, null, null, null);
	}

	/** Whether the intake system stated this source (and its fields count as content of the report). */
	boolean stated() {
		return this.kind != null && INTAKE_KINDS.contains(this.kind);
	}

}
