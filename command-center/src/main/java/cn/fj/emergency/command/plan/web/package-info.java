/**
 * HTTP routes of plans (docs/plans.md, docs/http-api.md).
 */
@NullMarked
package cn.fj.emergency.command.plan.web;

import org.jspecify.annotations.NullMarked;
