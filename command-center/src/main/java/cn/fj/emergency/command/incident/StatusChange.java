package cn.fj.emergency.command.incident;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A requested change of status. {@code reason} is required to dismiss, optional otherwise; {@code mergedInto}
 * names the surviving incident of a merge. {@code expectedVersion} and {@code expectedStatus}, when given, must
 * match the incident's present ones ({@code VERSION_CONFLICT} otherwise).
 */
public record StatusChange(@Nullable String status, @Nullable String reason, @Nullable UUID mergedInto,
		@Nullable Long expectedVersion, @Nullable String expectedStatus) {
}
