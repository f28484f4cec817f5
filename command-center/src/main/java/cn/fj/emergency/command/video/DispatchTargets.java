package cn.fj.emergency.command.video;

import java.util.List;

/**
 * Who a dispatch is for: officers by username (their consoles), console groups by name, and city platforms by
 * platform code. At least one of the three must name someone. An absent list is an empty one.
 */
public record DispatchTargets(List<String> officers, List<String> groups, List<String> cities) {

	public DispatchTargets {
		// absent JSON fields arrive as null
		officers = officers == null ? List.of() : officers.stream().distinct().toList();
		groups = groups == null ? List.of() : groups.stream().distinct().toList();
		cities = cities == null ? List.of() : cities.stream().distinct().toList();
	}

	boolean isEmpty() {
		return this.officers.isEmpty() && this.groups.isEmpty() && this.cities.isEmpty();
	}

}
