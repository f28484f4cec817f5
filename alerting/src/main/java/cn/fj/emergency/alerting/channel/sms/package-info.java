/**
 * SMS: a short text through the SMS gateway's JSON API over HTTP.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.sms;

import org.jspecify.annotations.NullMarked;
