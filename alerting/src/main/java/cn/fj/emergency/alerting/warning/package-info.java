/**
 * The warning lifecycle made real: use cases (composing, submitting, approving, rejecting, publishing, updating,
 * cancelling, expiring) that load a warning, apply the domain step of {@code approval}, and store it with its event
 * and, on publication, its hand-over to the channels, in one transaction.
 */
@NullMarked
package cn.fj.emergency.alerting.warning;

import org.jspecify.annotations.NullMarked;
