/**
 * Depots (province, city, county) and the catalogue of supply items they hold. Reference data, loaded by migration.
 */
@NullMarked
package cn.fj.emergency.resources.depot;

import org.jspecify.annotations.NullMarked;
