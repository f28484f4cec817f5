package cn.fj.emergency.alerting.cap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The default {@link AreaCodes}: one line per area in {@code gbt2260-fujian.txt}, code, Chinese name,
 * English name and the code of the area it lies in, tab-separated; {@code #} starts a comment.
 */
final class FujianAreaCodes implements AreaCodes {

	static final FujianAreaCodes INSTANCE = load("gbt2260-fujian.txt");

	private final Map<String, String> parents;

	private FujianAreaCodes(Map<String, String> parents) {
		this.parents = Map.copyOf(parents);
	}

	static FujianAreaCodes load(String resource) {
		try (InputStream in = Objects.requireNonNull(FujianAreaCodes.class.getResourceAsStream(resource), resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			Map<String, String> parents = new LinkedHashMap<>();
			reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
				String[] fields = line.split("\t");
				parents.put(fields[0], fields.length > 3 ? fields[3] : "");
			});
			return new FujianAreaCodes(parents);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public boolean exists(String code) {
		return parents.containsKey(code.strip());
	}

	Set<String> codes() {
		return parents.keySet();
	}

}
