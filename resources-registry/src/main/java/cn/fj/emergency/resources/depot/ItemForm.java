package cn.fj.emergency.resources.depot;

import org.jspecify.annotations.Nullable;

/** A catalogue item as an administrator registers or updates it; on update {@code code} comes from the path. */
public record ItemForm(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn, @Nullable String unitZh,
		@Nullable String unitEn, @Nullable String category) {
}
