package io.caretaker.hub.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/devices/{id}/points/{point}/write} with {@code {"value": ...}}: writes a point the device profile
 * marks writable. Refusals are RFC 9457 problem details: 404 unknown device or point, 403 not writable, 409 not a
 * protocol the hub writes, 400 a value that does not suit the point, 502 the device did not take it.
 */
@RestController
@RequestMapping("/api/devices")
class PointWriteController {

    private final PointWriter writer;

    PointWriteController(PointWriter writer) {
        this.writer = writer;
    }

    @PostMapping("/{deviceId}/points/{pointId}/write")
    PointWriter.Written write(@PathVariable String deviceId, @PathVariable String pointId, @RequestBody JsonNode request) {
        return writer.write(deviceId, pointId, request == null ? null : request.path("value"));
    }

    @ExceptionHandler(PointWriter.WriteRefused.class)
    ResponseEntity<ProblemDetail> refused(PointWriter.WriteRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage());
        problem.setTitle(refused.title());
        problem.setType(URI.create("https://caretaker.io/problems/point-write"));
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
