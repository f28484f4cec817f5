/**
 * HTTP routes of the city link: who is connected.
 */
@NullMarked
package cn.fj.emergency.command.citylink.web;

import org.jspecify.annotations.NullMarked;
