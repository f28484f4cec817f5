/** HTTP endpoints of public warnings (docs/warnings.md, docs/http-api.md). */
@NullMarked
package cn.fj.emergency.command.warning.web;

import org.jspecify.annotations.NullMarked;
