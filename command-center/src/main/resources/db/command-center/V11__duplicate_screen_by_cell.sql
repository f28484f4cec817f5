-- The duplicate screen in time that does not grow with a city's reports (docs/incidents.md#likely-duplicates).
-- V10 walked all of a city's reports of the sub-category within the window, newest first, until it had found
-- p_max_candidates near ones: quick when the reports crowd one place, but reports spread over a city (a typhoon's
-- thousands a minute) cost each new one a walk of every report of its city and sub-category in the window, the
-- distance checked row by row. Now the walk is per grid cell of 0.01 degree (about 1.1 km north-south): only the
-- cells that the radius can reach from the new report are walked, each newest first and stopping at its
-- p_max_candidates-th match, and the newest p_max_candidates of those are named: the same candidates as before.
-- The radius is at most 5 km (hub.incidents.duplicates.radius), a neighbourhood of at most about 150 cells.

drop index incident_duplicate_screen;
create index incident_duplicate_cells on incident (city_code, exercise, substr(category, 1, 2),
    (floor(latitude * 100)::int), (floor(longitude * 100)::int), occurred_at desc, id);

-- The earlier open incidents that a new one may duplicate, latest occurred_at first (then by id), at most p_max:
-- same city, exercise flag and sub-category, occurred_at at most p_window_secs apart, reported before it (or at the
-- same instant with a smaller id), at most p_radius metres apart (haversine on a 6371 km sphere). p_band: the
-- radius in degrees of latitude, a little wide. The cells reached: the latitude band either way, and the radius in
-- degrees of longitude at the band's edge nearer the pole (measured with the same 110.5 km a degree, so also a
-- little wide). The province lies far from the antimeridian, which the cells do not wrap.
create function incident_duplicate_candidates(p_id uuid, p_city text, p_exercise boolean, p_category text,
        p_occurred timestamptz, p_reported timestamptz, p_lat float8, p_lon float8,
        p_window_secs float8, p_band float8, p_radius float8, p_max int)
    returns uuid[]
    language sql
    stable
    -- as in V10: walking each cell's index newest first stops at the limit; a bitmap scan would gather every match
    set enable_bitmapscan = off
as $$
    select coalesce(array_agg(m.id order by m.occurred_at desc, m.id), '{}')
    from (
        select c.id, c.occurred_at
        from (select p_radius / (110500 * greatest(cos(radians(least(abs(p_lat) + p_band, 89.9))), 0.001)) as lon_band) b
        cross join lateral generate_series(floor((p_lat - p_band) * 100)::int, floor((p_lat + p_band) * 100)::int) as cy(y)
        cross join lateral generate_series(floor((p_lon - b.lon_band) * 100)::int,
                                           floor((p_lon + b.lon_band) * 100)::int) as cx(x)
        cross join lateral (
            select c.id, c.occurred_at
            from incident c
            where c.city_code = p_city and c.exercise = p_exercise
              and substr(c.category, 1, 2) = substr(p_category, 1, 2)
              and floor(c.latitude * 100)::int = cy.y and floor(c.longitude * 100)::int = cx.x
              and c.occurred_at between p_occurred - make_interval(secs => p_window_secs)
                                    and p_occurred + make_interval(secs => p_window_secs)
              and c.id <> p_id
              and c.status not in ('CLOSED', 'MERGED', 'DISMISSED')
              and (c.reported_at < p_reported or c.reported_at = p_reported and c.id < p_id)
              and 6371000 * 2 * asin(sqrt(power(sin(radians(c.latitude - p_lat) / 2), 2)
                  + cos(radians(p_lat)) * cos(radians(c.latitude))
                    * power(sin(radians(c.longitude - p_lon) / 2), 2))) <= p_radius
            order by c.occurred_at desc, c.id
            limit p_max) c
        order by c.occurred_at desc, c.id
        limit p_max) m
$$;

-- V10's intake, its screen now the function above: for each new incident, in input order, its candidates if any.
create or replace function incident_intake(p_reported timestamptz, p_recorded timestamptz,
        p_ids text[], p_reporters text[], p_report_ids text[], p_hashes text[], p_city_codes text[],
        p_county_codes text[], p_categories text[], p_levels text[], p_titles text[], p_descriptions text[],
        p_lats float8[], p_lons float8[], p_occurred text[], p_exercises boolean[], p_source_kinds text[],
        p_source_references text[], p_sensor_ids text[], p_sensor_quantities text[], p_sensor_values float8[],
        p_sensor_units text[], p_payloads text[],
        p_stream text, p_reported_type text, p_suspected_type text, p_criticality text, p_actor text,
        p_screen boolean, p_window_secs float8, p_band float8, p_radius float8, p_max_candidates int)
    returns table (new_incident uuid, new_seq bigint, head bigint)
    language plpgsql
as $$
declare
    fresh      uuid[];
    fresh_ord  bigint[];
    s_ids      uuid[] := '{}';
    s_cities   text[] := '{}';
    s_exercise boolean[] := '{}';
    s_data     jsonb[] := '{}';
    n_rep      int;
    n_sus      int;
    n          int;
    last       bigint;
begin
    with ins as (
        insert into incident (id, reporter, report_id, payload_hash, city_code, county_code, category, level, title,
                              description, latitude, longitude, occurred_at, reported_at, status, exercise,
                              source_kind, source_reference, sensor_id, sensor_quantity, sensor_value, sensor_unit)
        select u.id::uuid, u.reporter, u.report_id, u.hash, u.city, u.county, u.category, u.level, u.title,
               u.description, u.lat, u.lon, u.occurred::timestamptz, p_reported, 'REPORTED', u.exercise,
               u.source_kind, u.source_reference, u.sensor_id, u.sensor_quantity, u.sensor_value, u.sensor_unit
        from unnest(p_ids, p_reporters, p_report_ids, p_hashes, p_city_codes, p_county_codes, p_categories, p_levels,
                    p_titles, p_descriptions, p_lats, p_lons, p_occurred, p_exercises, p_source_kinds,
                    p_source_references, p_sensor_ids, p_sensor_quantities, p_sensor_values, p_sensor_units)
             as u(id, reporter, report_id, hash, city, county, category, level, title, description, lat, lon,
                  occurred, exercise, source_kind, source_reference, sensor_id, sensor_quantity, sensor_value,
                  sensor_unit)
        on conflict (reporter, report_id) do nothing
        returning incident.id)
    select coalesce(array_agg(x.id::uuid order by x.ord), '{}'), coalesce(array_agg(x.ord order by x.ord), '{}')
    into fresh, fresh_ord
    from unnest(p_ids) with ordinality as x(id, ord)
    where x.id::uuid in (select ins.id from ins);

    n_rep := cardinality(fresh);
    if n_rep = 0 then
        return;
    end if;

    -- before the counter is taken: it serialises appenders until commit, so as little as possible runs after it.
    -- Only earlier incidents count: of two new ones in this batch, the later (by id) names the earlier.
    if p_screen then
        select coalesce(array_agg(s.id order by s.ord), '{}'), coalesce(array_agg(s.city order by s.ord), '{}'),
               coalesce(array_agg(s.exercise order by s.ord), '{}'),
               coalesce(array_agg(jsonb_build_object('id', s.id, 'candidates', to_jsonb(s.candidates)) order by s.ord), '{}')
        into s_ids, s_cities, s_exercise, s_data
        from (select f.id, fo.ord, f.city_code as city, f.exercise,
                     incident_duplicate_candidates(f.id, f.city_code, f.exercise, f.category, f.occurred_at,
                         f.reported_at, f.latitude, f.longitude, p_window_secs, p_band, p_radius,
                         p_max_candidates) as candidates
              from unnest(fresh) with ordinality as fo(id, ord)
              join incident f on f.id = fo.id) s
        where cardinality(s.candidates) > 0;
    end if;
    n_sus := cardinality(s_ids);
    n := n_rep + n_sus;

    last := event_log_append(p_recorded,
        array_fill(p_stream, array[n]),
        array_fill(p_reported_type, array[n_rep]) || array_fill(p_suspected_type, array[n_sus]),
        fresh::text[] || s_ids::text[],
        array(select p_city_codes[o] from unnest(fresh_ord) with ordinality as f(o, i) order by i) || s_cities,
        array_fill(p_criticality, array[n]),
        array_fill(null::text, array[n]),
        array(select p_exercises[o] from unnest(fresh_ord) with ordinality as f(o, i) order by i) || s_exercise,
        array(select p_payloads[o] from unnest(fresh_ord) with ordinality as f(o, i) order by i) || s_data::text[],
        array_fill(''::text, array[n]));

    update incident set reported_seq = last - n + f.ord
    from unnest(fresh) with ordinality as f(id, ord)
    where incident.id = f.id;

    if n_sus > 0 then
        insert into incident_duplicate_suspicion (incident_id, city_code, candidates, seq, flagged_at)
        select s.id, s.city, array(select jsonb_array_elements_text(s.data -> 'candidates'))::uuid[],
               last - n + n_rep + s.ord, p_reported
        from unnest(s_ids, s_cities, s_data) with ordinality as s(id, city, data, ord);
        insert into incident_timeline (seq, incident_id, type, actor, at, data)
        select last - n + n_rep + s.ord, s.id, p_suspected_type, p_actor, p_reported, s.data
        from unnest(s_ids, s_data) with ordinality as s(id, data, ord);
    end if;

    return query select f.id, last - n + f.ord, last from unnest(fresh) with ordinality as f(id, ord);
end
$$;
