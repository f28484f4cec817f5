/** HTTP routes of disaster events and responses: {@code /api/disaster-events} and {@code /api/disaster-responses}. */
@NullMarked
package cn.fj.emergency.command.disaster.web;

import org.jspecify.annotations.NullMarked;
