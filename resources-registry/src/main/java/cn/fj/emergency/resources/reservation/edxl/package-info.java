/**
 * OASIS EDXL-RM 1.0 RequestResource and CommitResource: a hardened, tolerant reader and a writer.
 */
@NullMarked
package cn.fj.emergency.resources.reservation.edxl;

import org.jspecify.annotations.NullMarked;
