package cn.fj.emergency.command.supplies.web;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.supplies.SupplyErrors;
import cn.fj.emergency.resources.depot.AdministeringDepots;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.DepotForm;
import cn.fj.emergency.resources.depot.ItemForm;
import cn.fj.emergency.resources.depot.SupplyItem;

/** HTTP routes of depot and catalogue administration, role ADMIN (docs/supplies.md#administration). */
@RestController
@RequestMapping("/api/supplies/admin")
class DepotAdminHttpRoutes {

	private final AdministeringDepots administering;

	DepotAdminHttpRoutes(AdministeringDepots administering) {
		this.administering = administering;
	}

	@PostMapping("/depots")
	Mono<Depot> registerDepot(@RequestBody DepotForm form) {
		return this.administering.registerDepot(form).onErrorMap(SupplyErrors::translate);
	}

	@PutMapping("/depots/{code}")
	Mono<Depot> updateDepot(@PathVariable String code, @RequestBody DepotForm form) {
		return this.administering.updateDepot(code, form).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/items")
	Mono<SupplyItem> registerItem(@RequestBody ItemForm form) {
		return this.administering.registerItem(form).onErrorMap(SupplyErrors::translate);
	}

	@PutMapping("/items/{code}")
	Mono<SupplyItem> updateItem(@PathVariable String code, @RequestBody ItemForm form) {
		return this.administering.updateItem(code, form).onErrorMap(SupplyErrors::translate);
	}

}
