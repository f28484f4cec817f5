package cn.fj.emergency.alerting.cap;

import java.util.ArrayList;
import java.util.List;

/** A part of an alert with where it sits ("info 1 area 2 polygon 1"), for problem messages. */
record Located<T>(String where, T value) {

	static List<Located<Info>> infos(Alert alert) {
		List<Located<Info>> infos = new ArrayList<>();
		for (int i = 0; i < alert.infos().size(); i++) {
			infos.add(new Located<>("info " + (i + 1), alert.infos().get(i)));
		}
		return infos;
	}

	static List<Located<Area>> areas(Alert alert) {
		List<Located<Area>> areas = new ArrayList<>();
		for (Located<Info> info : infos(alert)) {
			List<Area> list = info.value().areas();
			for (int a = 0; a < list.size(); a++) {
				areas.add(new Located<>(info.where() + " area " + (a + 1), list.get(a)));
			}
		}
		return areas;
	}

	static List<Located<Polygon>> polygons(Alert alert) {
		List<Located<Polygon>> polygons = new ArrayList<>();
		for (Located<Area> area : areas(alert)) {
			List<Polygon> list = area.value().polygons();
			for (int p = 0; p < list.size(); p++) {
				polygons.add(new Located<>(area.where() + " polygon " + (p + 1), list.get(p)));
			}
		}
		return polygons;
	}

}
