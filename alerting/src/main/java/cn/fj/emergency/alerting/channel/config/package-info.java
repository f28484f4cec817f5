/**
 * The channels' beans and settings, imported by the application.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.config;

import org.jspecify.annotations.NullMarked;
