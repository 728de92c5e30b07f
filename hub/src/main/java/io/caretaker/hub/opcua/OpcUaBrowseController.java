package io.caretaker.hub.opcua;

import io.caretaker.connectors.opcua.BrowsedVariable;
import io.caretaker.connectors.opcua.Browser;
import io.caretaker.connectors.opcua.ClientPki;
import io.caretaker.connectors.opcua.ServerAddress;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.site.Connection;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/opcua/browse?endpoint=opc.tcp://...[&securityPolicy=&securityMode=]}: the server's variables with
 * node ids, browse paths, data types and units, to write a profile from. A server already in the site file is
 * reached with that connection's security and login, so no password ever travels in a URL.
 */
@RestController
@RequestMapping("/api/opcua")
class OpcUaBrowseController {

    private static final Logger log = LoggerFactory.getLogger(OpcUaBrowseController.class);

    /** Opened at the first browse, or already by the OPC UA devices: see {@link OpcUaConfiguration}. */
    private final Supplier<ClientPki> pki;
    private final Site site;

    OpcUaBrowseController(ObjectProvider<ClientPki> pki, Site site) {
        this.pki = pki::getObject;
        this.site = site;
    }

    @GetMapping("/browse")
    List<BrowsedVariable> browse(@RequestParam String endpoint,
                                 @RequestParam(required = false) String securityPolicy,
                                 @RequestParam(required = false) String securityMode) {
        ServerAddress address = address(endpoint, securityPolicy, securityMode);
        ClientPki pki = this.pki.get();
        try {
            return new Browser(pki).browse(address);
        } catch (Exception e) {
            log.info("browse failed endpoint={} cause={}", endpoint, e.toString());
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "cannot browse " + endpoint + ": " + e.getMessage()
                    + "; if the server's certificate is new, move it from " + pki.rejectedCertificates().toAbsolutePath()
                    + " into " + pki.trustedCertificates().toAbsolutePath() + " and try again", e);
        }
    }

    private ServerAddress address(String endpoint, String securityPolicy, String securityMode) {
        try {
            Optional<Connection> known = site.devices().stream().map(InstalledDevice::connection)
                    .filter(c -> c.protocol() == Protocol.OPCUA && endpoint.equals(c.endpoint()))
                    .findFirst();
            if (known.isPresent() && securityPolicy == null && securityMode == null) {
                Connection c = known.get();
                return new ServerAddress(endpoint, ServerAddress.policy(c.securityPolicy()),
                        ServerAddress.mode(c.securityMode()), c.username(), c.password());
            }
            return new ServerAddress(endpoint, ServerAddress.policy(securityPolicy), ServerAddress.mode(securityMode),
                    null, null);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
    }
}
