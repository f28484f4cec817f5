package cn.fj.emergency.command.video.persistence;

import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;

/** Lists of names as PostgreSQL {@code text[]} columns, both ways. */
final class TextArrays {

	private TextArrays() {
	}

	static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

	static List<String> list(Readable r, String column) {
		String[] values = r.get(column, String[].class);
		return values == null ? List.of() : Arrays.asList(values);
	}

}
