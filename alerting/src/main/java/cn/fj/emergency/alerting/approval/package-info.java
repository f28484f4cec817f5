/**
 * A public warning's lifecycle: drafted, submitted, approved or rejected under dual control, published,
 * then updated, cancelled or expired. Plain records and policies; persistence and use cases build on them.
 */
@NullMarked
package cn.fj.emergency.alerting.approval;

import org.jspecify.annotations.NullMarked;
