package cn.fj.emergency.command.plan;

import java.time.Instant;

/**
 * One stored version of a plan, without its file: who added it, when, with which note, and the SHA-256 of its
 * canonical file (hex).
 */
public record PlanVersion(String planId, int version, String titleZh, String titleEn, String category,
		String createdBy, Instant createdAt, String note, String sha256) {
}
