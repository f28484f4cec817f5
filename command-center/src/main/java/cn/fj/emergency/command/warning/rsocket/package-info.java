/** RSocket routes of public warnings: the cities' {@code warnings.stream}, officers' reviews (docs/city-link.md). */
@NullMarked
package cn.fj.emergency.command.warning.rsocket;

import org.jspecify.annotations.NullMarked;
