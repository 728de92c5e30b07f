package io.caretaker.hub.maintenance;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/maintenance}: where every device's maintenance plans stand (next due, cycles, last work order). */
@RestController
class MaintenanceController {

    private final MaintenancePlanner planner;

    MaintenanceController(MaintenancePlanner planner) {
        this.planner = planner;
    }

    @GetMapping("/api/maintenance")
    List<PlanStatus> plans() {
        return planner.status();
    }
}
