/**
 * Inbound department warnings: CAP alerts pushed by departments or polled from their feeds, checked against the
 * inbound profile, stored once per (sender, identifier, sent) with their original bytes, and their Update and Cancel
 * applied to the alerts they reference.
 */
@NullMarked
package cn.fj.emergency.alerting.feed;

import org.jspecify.annotations.NullMarked;
