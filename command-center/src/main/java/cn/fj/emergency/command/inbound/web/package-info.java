/** HTTP endpoints of inbound warnings: departments push CAP, officers read and act (docs/inbound-warnings.md). */
@NullMarked
package cn.fj.emergency.command.inbound.web;

import org.jspecify.annotations.NullMarked;
