/**
 * Incidents from report to close: reports from city platforms, officers and intake systems (110, 12345, sensors),
 * idempotent by the reporter's id; the status workflow, levels, assignment and notes as small pure policies
 * (StatusPolicy, ChangePolicy) applied by use cases named for the act; the timeline, duplicate screening, queries.
 */
@NullMarked
package cn.fj.emergency.command.incident;

import org.jspecify.annotations.NullMarked;
