/** What every feature's storage shares: binding values that may be null. */
@NullMarked
package cn.fj.emergency.resources.persistence;

import org.jspecify.annotations.NullMarked;
