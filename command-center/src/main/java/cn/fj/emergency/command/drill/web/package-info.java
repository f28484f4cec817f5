/** HTTP API of drills: {@code /api/drills} (docs/http-api.md#drills, docs/drills.md). */
@NullMarked
package cn.fj.emergency.command.drill.web;

import org.jspecify.annotations.NullMarked;
