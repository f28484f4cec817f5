/**
 * Digital emergency plans (应急预案, docs/plans.md): a plan file in a documented JSON format, stored as immutable
 * versions; the actions a response at a level sets off (levels are cumulative) and the level the plan's conditions
 * suggest for the warnings in force and the open incidents. A response keeps the version it started with.
 */
@NullMarked
package cn.fj.emergency.command.plan;

import org.jspecify.annotations.NullMarked;
