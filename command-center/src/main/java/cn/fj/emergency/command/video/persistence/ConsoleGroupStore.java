package cn.fj.emergency.command.video.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.video.ConsoleGroup;

/** Console groups. */
@Repository
public class ConsoleGroupStore {

	private static final String COLUMNS = "name, description, members, updated_by, updated_at";

	private final DatabaseClient db;

	public ConsoleGroupStore(DatabaseClient db) {
		this.db = db;
	}

	/** Creates or replaces the group. */
	public Mono<Void> save(ConsoleGroup g) {
		return this.db.sql("""
				insert into console_group (name, description, members, updated_by, updated_at) values ($1, $2, $3, $4, $5)
				on conflict (name) do update set description = excluded.description, members = excluded.members,
				       updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.bind(0, g.name())
			.bind(1, VideoSourceStore.nullable(g.description()))
			.bind(2, g.members().toArray(String[]::new))
			.bind(3, g.updatedBy())
			.bind(4, g.updatedAt())
			.then();
	}

	/** Answers whether there was such a group. */
	public Mono<Boolean> delete(String name) {
		return this.db.sql("delete from console_group where name = $1").bind(0, name).fetch().rowsUpdated().map(n -> n > 0);
	}

	public Mono<ConsoleGroup> find(String name) {
		return this.db.sql("select " + COLUMNS + " from console_group where name = $1").bind(0, name).map(ConsoleGroupStore::group).one();
	}

	public Flux<ConsoleGroup> findAll(Collection<String> names) {
		return this.db.sql("select " + COLUMNS + " from console_group where name = any($1::text[])")
			.bind(0, names.toArray(String[]::new))
			.map(ConsoleGroupStore::group)
			.all();
	}

	public Flux<ConsoleGroup> list(int limit) {
		return this.db.sql("select " + COLUMNS + " from console_group order by name limit $1").bind(0, limit).map(ConsoleGroupStore::group).all();
	}

	private static ConsoleGroup group(Readable r) {
		String[] members = r.get("members", String[].class);
		return new ConsoleGroup(r.get("name", String.class), r.get("description", String.class),
				members == null ? List.of() : Arrays.asList(members), r.get("updated_by", String.class),
				r.get("updated_at", Instant.class));
	}

}
