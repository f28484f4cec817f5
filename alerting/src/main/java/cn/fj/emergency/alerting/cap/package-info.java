/**
 * OASIS CAP 1.2 as immutable records, and the checks beyond the schema that every inbound alert and every
 * alert of our own publishing profile must pass. Plain Java: the XML adapter lives in {@code cap.xml}.
 */
@NullMarked
package cn.fj.emergency.alerting.cap;

import org.jspecify.annotations.NullMarked;
