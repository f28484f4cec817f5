/**
 * The public CAP Atom feed of active warnings, written with StAX.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.atom;

import org.jspecify.annotations.NullMarked;
