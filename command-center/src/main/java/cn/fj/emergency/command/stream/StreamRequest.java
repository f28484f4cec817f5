package cn.fj.emergency.command.stream;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a subscriber asks for: events after {@code after} (absent: from now on; 0: from the beginning), of the
 * given streams and cities (empty: all it may see).
 */
public record StreamRequest(@Nullable Long after, @Nullable Set<String> streams, @Nullable Set<String> cities) {

	public Set<String> streamsOrAll() {
		return this.streams == null ? Set.of() : this.streams;
	}

	public Set<String> citiesOrAll() {
		return this.cities == null ? Set.of() : this.cities;
	}

}
