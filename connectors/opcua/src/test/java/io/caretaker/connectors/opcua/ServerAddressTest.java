package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    private static final String ENDPOINT = "opc.tcp://plc:4840/";

    @Test
    void aSecurePolicyDefaultsToSignAndEncrypt() {
        ServerAddress address = new ServerAddress(ENDPOINT, ServerAddress.policy("Basic256Sha256"),
                ServerAddress.mode(null), null, null);
        assertThat(address.securityMode()).isEqualTo(MessageSecurityMode.SignAndEncrypt);
        assertThat(new ServerAddress(ENDPOINT, ServerAddress.policy(""), null, null, null).securityMode())
                .isEqualTo(MessageSecurityMode.None);
    }

    @Test
    void mismatchedPolicyAndModeAreRefusedSayingWhatGoesTogether() {
        assertThatThrownBy(() -> new ServerAddress(ENDPOINT, SecurityPolicy.None, MessageSecurityMode.Sign, null, null))
                .hasMessageContaining("use None with None, or Basic256Sha256 with Sign or SignAndEncrypt");
        assertThatThrownBy(() -> new ServerAddress(ENDPOINT, SecurityPolicy.Basic256Sha256, MessageSecurityMode.None,
                null, null)).hasMessageContaining("does not go with securityMode None");
    }

    @Test
    void unknownWordsAreRefusedNamingTheChoices() {
        assertThatThrownBy(() -> ServerAddress.policy("Basic128Rsa15")).hasMessageContaining("use None or Basic256Sha256");
        assertThatThrownBy(() -> ServerAddress.mode("Encrypt")).hasMessageContaining("use None, Sign or SignAndEncrypt");
    }

    @Test
    void aUserNeedsAPasswordAndThePasswordIsNeverPrinted() {
        assertThatThrownBy(() -> new ServerAddress(ENDPOINT, null, null, "operator", null))
                .hasMessageContaining("give both username and password");
        ServerAddress address = new ServerAddress(ENDPOINT, SecurityPolicy.Basic256Sha256, null, "operator", "s3cret");
        assertThat(address.toString()).contains("operator").doesNotContain("s3cret");
    }

    @Test
    void devicesShareAConnectionOnlyWithTheSameSecurityAndLogin() {
        ServerAddress a = new ServerAddress(ENDPOINT, SecurityPolicy.Basic256Sha256, null, "operator", "s3cret");
        assertThat(a).isEqualTo(new ServerAddress(ENDPOINT, SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt, "operator", "s3cret"));
        assertThat(a).isNotEqualTo(new ServerAddress(ENDPOINT, SecurityPolicy.Basic256Sha256, MessageSecurityMode.Sign,
                "operator", "s3cret"));
        assertThat(a).isNotEqualTo(ServerAddress.unsecured(ENDPOINT));
    }
}
