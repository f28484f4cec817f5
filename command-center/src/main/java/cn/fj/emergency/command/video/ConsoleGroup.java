package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * A named set of officers whose consoles receive what is dispatched to the group, e.g. {@code flood-desk}. A
 * dispatch expands a group to its members when it is made; later changes to the group do not change it.
 */
public record ConsoleGroup(String name, @Nullable String description, List<String> members, String updatedBy,
		Instant updatedAt) {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	static final int MAX_MEMBERS = 500;

	static final int MAX_DESCRIPTION = 500;

	public ConsoleGroup {
		members = List.copyOf(members);
	}

	/** What an officer sends to create or replace a group. */
	public record Definition(@Nullable String description, @Nullable List<String> members) {
	}

	static String checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "name",
					"A group name is 1 to 64 of a-z 0-9 . _ -, starting with a letter or digit");
		}
		return name;
	}

	static List<String> checkMembers(@Nullable List<String> members) {
		if (members == null || members.isEmpty()) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "members", "members is required: at least one officer");
		}
		if (members.size() > MAX_MEMBERS) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "members", "A group has at most " + MAX_MEMBERS + " members");
		}
		return members.stream().distinct().toList();
	}

	static @Nullable String checkDescription(@Nullable String description) {
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "description", "description has at most " + MAX_DESCRIPTION + " characters");
		}
		return description;
	}

}
