package cn.fj.emergency.command.supplies;

import java.util.Map;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/** The registry's refusals as the hub's errors: each {@link SupplyError} has the error code of the same name. */
public final class SupplyErrors {

	private SupplyErrors() {
	}

	public static Throwable translate(Throwable error) {
		if (!(error instanceof SupplyException supply)) {
			return error;
		}
		String field = supply.field();
		String message = supply.getMessage() == null ? supply.error().name() : supply.getMessage();
		return new HubException(code(supply.error()), message, field == null ? Map.of() : Map.of("field", field),
				supply);
	}

	static ErrorCode code(SupplyError error) {
		return ErrorCode.valueOf(error.name());
	}

}
