/**
 * The command line: {@code cap validate FILE...} checks CAP documents as the hub would receive them, with
 * no Spring, database or server started. command-center's {@code main} hands {@code cap ...} arguments here.
 */
@NullMarked
package cn.fj.emergency.alerting.cap.cli;

import org.jspecify.annotations.NullMarked;
