package cn.fj.emergency.command.video.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.video.ConsultationSession;

import static cn.fj.emergency.command.video.persistence.TextArrays.array;
import static cn.fj.emergency.command.video.persistence.TextArrays.list;

/** Consultation sessions. Writes must run inside the transaction that appends their events. */
@Repository
public class ConsultationStore {

	private static final String COLUMNS = "id, incident_id, title, opened_by, opened_at, invited_cities, invited_officers, "
			+ "participants, members, exercise, closed_by, closed_at";

	private final DatabaseClient db;

	public ConsultationStore(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the session if its incident exists, taking its exercise flag; answers the flag, or nothing. */
	public Mono<Boolean> insert(ConsultationSession s) {
		return this.db.sql("""
				insert into consultation_session (id, incident_id, title, opened_by, opened_at, invited_cities,
				                                  invited_officers, participants, members, exercise)
				select $1, i.id, $3, $4, $5, $6, $7, $8, $9, i.exercise from incident i where i.id = $2
				returning exercise""")
			.bind(0, s.id())
			.bind(1, s.incidentId())
			.bind(2, s.title())
			.bind(3, s.openedBy())
			.bind(4, s.openedAt())
			.bind(5, array(s.invitedCities()))
			.bind(6, array(s.invitedOfficers()))
			.bind(7, array(s.participants()))
			.bind(8, array(s.members()))
			.map(r -> Boolean.TRUE.equals(r.get("exercise", Boolean.class)))
			.one();
	}

	public Mono<Void> update(ConsultationSession s) {
		return this.db.sql("""
				update consultation_session set invited_cities = $2, invited_officers = $3, participants = $4, members = $5,
				       closed_by = $6, closed_at = $7
				where id = $1""")
			.bind(0, s.id())
			.bind(1, array(s.invitedCities()))
			.bind(2, array(s.invitedOfficers()))
			.bind(3, array(s.participants()))
			.bind(4, array(s.members()))
			.bind(5, VideoSourceStore.nullable(s.closedBy()))
			.bind(6, s.closedAt() == null ? Parameters.in(R2dbcType.TIMESTAMP_WITH_TIME_ZONE) : s.closedAt())
			.then();
	}

	public Mono<ConsultationSession> find(UUID id) {
		return this.db.sql("select " + COLUMNS + " from consultation_session where id = $1")
			.bind(0, id)
			.map(ConsultationStore::session)
			.one();
	}

	public Mono<ConsultationSession> lock(UUID id) {
		return this.db.sql("select " + COLUMNS + " from consultation_session where id = $1 for update")
			.bind(0, id)
			.map(ConsultationStore::session)
			.one();
	}

	public Flux<ConsultationSession> byIncident(UUID incidentId, int limit) {
		return this.db.sql("select " + COLUMNS + " from consultation_session where incident_id = $1 order by opened_at, id limit $2")
			.bind(0, incidentId)
			.bind(1, limit)
			.map(ConsultationStore::session)
			.all();
	}

	/** The sessions not closed, oldest first. */
	public Flux<ConsultationSession> open(int limit) {
		return this.db.sql("select " + COLUMNS + " from consultation_session where closed_at is null order by opened_at, id limit $1")
			.bind(0, limit)
			.map(ConsultationStore::session)
			.all();
	}

	private static ConsultationSession session(Readable r) {
		return new ConsultationSession(r.get("id", UUID.class), r.get("incident_id", UUID.class), r.get("title", String.class),
				r.get("opened_by", String.class), r.get("opened_at", Instant.class), list(r, "invited_cities"),
				list(r, "invited_officers"), list(r, "participants"), list(r, "members"),
				Boolean.TRUE.equals(r.get("exercise", Boolean.class)), r.get("closed_by", String.class),
				r.get("closed_at", Instant.class));
	}

}
