/** HTTP routes of alarms (docs/http-api.md#alarms). */
@NullMarked
package cn.fj.emergency.command.alarm.web;

import org.jspecify.annotations.NullMarked;
