package io.caretaker.hub.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Which API actions this hub has, so a page offers only buttons that work: the alarm actions arrive with the alarms
 * API and the console shows them from the moment they are there.
 */
@Component
class ApiFeatures {

    private final RequestMappingHandlerMapping mappings;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    ApiFeatures(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** Whether a request like this one, e.g. POST /api/alarms/1/ack, has a handler. */
    boolean has(HttpMethod method, String path) {
        return known.computeIfAbsent(method + " " + path, key -> mappings.getHandlerMethods().keySet().stream()
                .anyMatch(info -> matches(info, method, path)));
    }

    private static boolean matches(RequestMappingInfo info, HttpMethod method, String path) {
        var methods = info.getMethodsCondition().getMethods();
        if (!methods.isEmpty() && !methods.contains(RequestMethod.resolve(method))) {
            return false;
        }
        var patterns = info.getPathPatternsCondition();
        return patterns != null && patterns.getPatterns().stream().anyMatch(p -> p.matches(PathContainer.parsePath(path)));
    }
}
