/** The drills table (db/command-center V8): drills started from the console and their reports. */
@NullMarked
package cn.fj.emergency.command.drill.persistence;

import org.jspecify.annotations.NullMarked;
