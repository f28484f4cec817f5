package cn.fj.emergency.alerting.cap;

import java.util.List;

/** One rule beyond the schema: the problems it finds in an alert, none if the alert keeps it. */
public interface AlertCheck {

	List<CapProblem> check(Alert alert);

}
