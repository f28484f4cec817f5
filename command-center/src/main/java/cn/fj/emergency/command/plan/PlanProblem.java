package cn.fj.emergency.command.plan;

/**
 * What is wrong with a plan file: {@code path} is a JSON Pointer (RFC 6901) to the offending value, or to the
 * object missing a member ({@code ""} is the whole file).
 */
public record PlanProblem(String path, String message) {
}
