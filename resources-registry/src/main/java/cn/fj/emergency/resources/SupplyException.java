package cn.fj.emergency.resources;

import org.jspecify.annotations.Nullable;

/** A refusal by the registry, with its reason and, where one field is at fault, that field's name. */
public class SupplyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final SupplyError error;

	private final @Nullable String field;

	public SupplyException(SupplyError error, String message) {
		this(error, null, message);
	}

	public SupplyException(SupplyError error, @Nullable String field, String message) {
		super(message);
		this.error = error;
		this.field = field;
	}

	public SupplyError error() {
		return this.error;
	}

	public @Nullable String field() {
		return this.field;
	}

}
