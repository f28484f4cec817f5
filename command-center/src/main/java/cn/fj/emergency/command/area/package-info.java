/**
 * Reference data: the province's cities and counties by GB/T 2260 code. Pure domain, no framework.
 */
@NullMarked
package cn.fj.emergency.command.area;

import org.jspecify.annotations.NullMarked;
