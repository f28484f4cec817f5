/** {@code java -jar command-center.jar drill run ...}: plays a scenario against a running hub from outside (docs/drills.md). */
@NullMarked
package cn.fj.emergency.command.drill.cli;

import org.jspecify.annotations.NullMarked;
